// 1Password service account tokens are `ops_` + base64 of a JSON document describing the account
// (sign-in address, SRP verifier, master unlock key, secret key…).
// https://developer.1password.com/docs/service-accounts/security/
import type { Validation } from '../types';
import { decodeBase64 } from './base64Text';

const FIELDS = ['signInAddress', 'userAuth', 'email', 'srpX', 'muk', 'secretKey', 'throttleSecret', 'deviceUuid'];

/** `valid` when the token decodes to a JSON object with service-account fields, else `invalid`. */
export function validateOnePasswordServiceToken(token: string): Validation {
  const text = decodeBase64(token.startsWith('ops_') ? token.slice(4) : token);
  if (text === undefined) return 'invalid';
  try {
    const doc: unknown = JSON.parse(text);
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return 'invalid';
    const present = FIELDS.filter((f) => f in doc).length;
    return present >= 2 ? 'valid' : 'invalid';
  } catch {
    return 'invalid';
  }
}
