/** The only way a secret value may be shown: first 4 characters, then an ellipsis. */
export function mask(value: string): string {
  const head = Array.from(value).slice(0, 4).join('');
  return `${head}…`;
}

/** Replace every occurrence of each given secret in a message by its masked form (for error paths). */
export function maskIn(message: string, secrets: Iterable<string>): string {
  let out = message;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join(mask(s));
  return out;
}
