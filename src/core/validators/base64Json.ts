// Several providers wrap metadata as base64 JSON inside their tokens (Sentry org tokens, Grafana
// keys, Mapbox tokens, encoded GCP service-account files). Decoding it tells a real token from a
// random string that merely starts with the same characters.
import { decodeBase64 } from './base64Text';

/** Decode base64 (either alphabet, padding optional) and parse it as a JSON object. */
export function decodeBase64Json(value: string): Record<string, unknown> | undefined {
  const text = decodeBase64(value);
  if (text === undefined || !text.startsWith('{')) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
