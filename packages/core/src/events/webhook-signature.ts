import { hmacSha256Hex, safeEqual } from '../shared/crypto.js';

export const SIGNATURE_HEADER = 'Aeolus-Signature';

/**
 * `Aeolus-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>` (docs/webhooks.md).
 * Signing the timestamp with the body lets a receiver refuse replays of an old, captured request.
 */
export function signWebhookPayload(secret: string, rawBody: string, timestampSeconds: number): string {
  const t = Math.floor(timestampSeconds);
  return `t=${t},v1=${hmacSha256Hex(secret, `${t}.${rawBody}`)}`;
}

/**
 * Checks a received `Aeolus-Signature` header against the raw request body (the exact bytes, before any
 * JSON parsing). True only if one `v1` signature matches (compared in constant time) and the timestamp
 * is within `toleranceSeconds` of `nowSeconds`.
 */
export function verifyWebhookSignature(
  secret: string,
  header: string | null | undefined,
  rawBody: string,
  toleranceSeconds = 300,
  nowSeconds = Date.now() / 1000,
): boolean {
  if (!header) return false;
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [key, value] = part.trim().split('=', 2);
    if (key === 't' && value && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    // Several v1 values may appear while a secret is being rotated; any one may match.
    if (key === 'v1' && value && /^[0-9a-f]{64}$/.test(value)) signatures.push(value);
  }
  if (timestamp === undefined || signatures.length === 0) return false;
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = hmacSha256Hex(secret, `${timestamp}.${rawBody}`);
  return signatures.some((s) => safeEqual(s, expected));
}
