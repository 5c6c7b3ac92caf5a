// ISO dates and policy durations. Date-only values mean 00:00 UTC and offset-less datetimes are UTC,
// so a policy comment means the same instant on every machine that reads it.
import { DAY_MS, HOUR_MS } from '../clock';

export type DurationUnit = 'h' | 'd' | 'w' | 'm' | 'y';

export interface PolicyDuration {
  readonly amount: number;
  readonly unit: DurationUnit;
}

const DURATION = /^(\d{1,6})([hdwmy])$/i;

export function parseDuration(text: string): PolicyDuration | undefined {
  const m = DURATION.exec(text.trim());
  if (!m) return undefined;
  const amount = Number(m[1]);
  if (amount <= 0) return undefined;
  return { amount, unit: (m[2] as string).toLowerCase() as DurationUnit };
}

export function formatDuration(d: PolicyDuration): string {
  return `${d.amount}${d.unit}`;
}

function daysInMonth(year: number, month0: number): number {
  return new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();
}

/** Calendar-aware for months and years: Jan 31 + 1m = Feb 28 (or 29), never Mar 3. */
export function addDuration(ms: number, d: PolicyDuration): number {
  switch (d.unit) {
    case 'h':
      return ms + d.amount * HOUR_MS;
    case 'd':
      return ms + d.amount * DAY_MS;
    case 'w':
      return ms + d.amount * 7 * DAY_MS;
    case 'm':
    case 'y': {
      const months = d.unit === 'm' ? d.amount : d.amount * 12;
      const t = new Date(ms);
      const total = t.getUTCMonth() + months;
      const year = t.getUTCFullYear() + Math.floor(total / 12);
      const month0 = total % 12;
      const day = Math.min(t.getUTCDate(), daysInMonth(year, month0));
      return Date.UTC(year, month0, day, t.getUTCHours(), t.getUTCMinutes(), t.getUTCSeconds(), t.getUTCMilliseconds());
    }
  }
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** `2027-01-31`, `2027-01-31T10:00`, `2027-01-31T10:00:00Z`, `…+02:00`. Rejects impossible dates. */
export function parseIsoDate(text: string): number | undefined {
  const m = ISO.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d, h = '0', mi = '0', s = '0', frac = '0', zone] = m.slice(1) as [string, string, string, string?, string?, string?, string?, string?];
  const year = Number(y);
  const month0 = Number(mo) - 1;
  const day = Number(d);
  const hours = Number(h);
  const minutes = Number(mi);
  const seconds = Number(s);
  if (month0 < 0 || month0 > 11 || day < 1 || day > daysInMonth(year, month0)) return undefined;
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  let ms = Date.UTC(year, month0, day, hours, minutes, seconds, Number(frac.padEnd(3, '0')));
  if (zone && zone !== 'Z') {
    const z = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
    if (!z) return undefined;
    const offsetMin = Number(z[2]) * 60 + Number(z[3]);
    if (Number(z[2]) > 23 || Number(z[3]) > 59) return undefined;
    ms -= (z[1] === '-' ? -1 : 1) * offsetMin * 60_000;
  }
  return ms;
}

/** `2027-01-31` at 00:00 UTC, else `2027-01-31T10:00:00Z`. */
export function formatIsoDate(ms: number): string {
  const iso = new Date(ms).toISOString();
  if (ms % DAY_MS === 0) return iso.slice(0, 10);
  return iso.endsWith('.000Z') ? `${iso.slice(0, 19)}Z` : iso;
}

/** 00:00 UTC of the day containing `ms`. */
export function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}
