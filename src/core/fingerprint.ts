import { createHash } from 'node:crypto';

/** Content fingerprint of a finding: stable across line moves, so baselines never drift. */
export function fingerprint(ruleId: string, value: string): string {
  return createHash('sha256').update(`${ruleId}:${value}`).digest('hex');
}

export function sha1Hex(value: string): string {
  return createHash('sha1').update(value).digest('hex');
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
