/** Milliseconds since the epoch. Everything that depends on "now" takes one, so tests never wait. */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();

/** A clock for tests and replays: starts at `startMs`, moves only when told to. */
export interface ManualClock extends Clock {
  advance(ms: number): void;
  set(ms: number): void;
}

export function manualClock(startMs: number): ManualClock {
  let t = startMs;
  const clock = (() => t) as ManualClock;
  clock.advance = (ms: number): void => {
    t += ms;
  };
  clock.set = (ms: number): void => {
    t = ms;
  };
  return clock;
}

export const SECOND_MS = 1000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
