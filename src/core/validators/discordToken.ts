// Discord bot tokens are three base64url parts: the bot's user id (a numeric snowflake), a
// timestamp and an HMAC. Decoding the first part tells a token from any other dotted string.
// https://discord.com/developers/docs/reference#authentication
import type { Validation } from '../types';
import { decodeBase64 } from './base64Text';

/** `valid` when the first part decodes to a 17–20 digit snowflake; otherwise not a Discord token. */
export function validateDiscordBotToken(token: string): Validation {
  const id = decodeBase64(token.split('.')[0] ?? '');
  return id !== undefined && /^\d{17,20}$/.test(id) ? 'valid' : 'reject';
}
