// A bare `key` (or `auth`) names nothing by itself: `"key": "ctrl+k"`, `key=<commit id>`. What
// stands right before it on the line can say which key it is: a phrase (`API key is`, `Using Key=`,
// `secret key:`) or the client it configures (`AcmeClient(key="…")`). Then it is a credential slot.

import type { SlotKind } from './secretKeyName';

// Words that, written just before a bare `key`, make it a credential: its kind (`API key`,
// `access key`) or its use (`using key`, `with key`).
const CREDENTIAL_QUALIFIER = /(?:^|[^\w.$-])(?:api|access|secret|private|auth|client|app|license|developer|account|subscription|service|using|with)[ \t]{1,4}$/i;
// A keyword argument of a client, SDK or connection constructor: `FooClient(key=`, `Api(url, key:`.
// An options object counts too: `new FooClient({ key: "…" })`.
const CLIENT_CALL = /\b[A-Za-z_][\w.]{0,60}?(?:Client|Api|API|Sdk|SDK|Service|Connection|Session|Auth)[ \t]*\((?:[^()\n]{0,120}[,{])?[ \t]*$/;

/**
 * Upgrades a `weak` slot to `secret` when the text before the key, on its line, qualifies it.
 * `keyStart` is the key's offset in `input`. Other kinds come back unchanged.
 */
export function qualifySlot(slot: SlotKind | undefined, input: string, keyStart: number): SlotKind | undefined {
  if (slot !== 'weak') return slot;
  // Bounded look-back: minified lines run for megabytes, and only the last words matter.
  const window = input.slice(Math.max(0, keyStart - 160), keyStart);
  const before = window.slice(window.lastIndexOf('\n') + 1);
  return CREDENTIAL_QUALIFIER.test(before) || CLIENT_CALL.test(before) ? 'secret' : slot;
}
