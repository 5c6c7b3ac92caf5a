// PyPI API tokens are `pypi-` + a base64url macaroon (v2 binary). The macaroon opens with its
// location field: version byte 0x02, field type 0x01 (location), a length byte, then the host
// (`pypi.org`, or `test.pypi.org` for TestPyPI). https://pypi.org/help/#apitoken
import type { Validation } from '../types';
import { decodeBase64Prefix } from './base64Text';

/** `valid` when the token's macaroon header names a PyPI host, `invalid` otherwise. */
export function validatePypiToken(token: string): Validation {
  const body = token.startsWith('pypi-') ? token.slice(5) : token;
  const head = decodeBase64Prefix(body, 48);
  if (!head || head.length < 4) return 'invalid';
  if (head.charCodeAt(0) !== 0x02 || head.charCodeAt(1) !== 0x01) return 'invalid';
  const len = head.charCodeAt(2);
  const location = head.slice(3, 3 + len);
  return location.length === len && /(?:^|\.)pypi\.org$/.test(location) ? 'valid' : 'invalid';
}
