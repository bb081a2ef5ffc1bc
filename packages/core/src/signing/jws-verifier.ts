import { createPublicKey, type KeyObject, verify } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { decodeProtectedHeader, type JWK } from 'jose';
import type { Db, Tx } from '../db/client.js';
import { signingKeys } from './signing.tables.js';
import { SIGNING_ALGORITHM } from './signing-keys.service.js';

/** A compact JWS split into its parts; only the header is trusted before the signature is checked. */
export type ParsedJws =
  | {
      ok: true;
      kid: string;
      typ: string | undefined;
      signingInput: string;
      payload: Uint8Array;
      signature: Buffer;
    }
  | { ok: false; reason: string };

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/**
 * Reads a compact JWS and pins the algorithm *before* any key is looked up (RFC 8725 §3.1: never let
 * the token pick its algorithm — this is what stops `alg: none` and HS256-with-the-public-key
 * forgeries). Critical extensions (RFC 7515 §4.1.11, e.g. unencoded payloads) are refused outright.
 */
export function parseJws(jws: string): ParsedJws {
  const parts = jws.split('.');
  if (parts.length !== 3 || !parts.every((p) => BASE64URL.test(p))) {
    return { ok: false, reason: 'not a compact JWS' };
  }
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(jws);
  } catch {
    return { ok: false, reason: 'not a signed credential (the header cannot be read)' };
  }
  if (header.alg !== SIGNING_ALGORITHM) return { ok: false, reason: 'algorithm not accepted' };
  if (header.crit !== undefined || header.b64 !== undefined) {
    return { ok: false, reason: 'critical header extensions are not accepted' };
  }
  if (typeof header.kid !== 'string' || header.kid.length === 0 || header.kid.length > 128) {
    return { ok: false, reason: 'no signing key identified (kid)' };
  }
  const [h, p, s] = parts as [string, string, string];
  const signature = Buffer.from(s, 'base64url');
  // Ed25519 signatures are exactly 64 bytes (RFC 8032 §5.1.6).
  if (signature.length !== 64) return { ok: false, reason: 'signature does not match (forged or altered)' };
  return {
    ok: true,
    kid: header.kid,
    typ: header.typ,
    signingInput: `${h}.${p}`,
    payload: Buffer.from(p, 'base64url'),
    signature,
  };
}

/**
 * Public keys by kid. Safe to keep for the process's life: the kid is the RFC 7638 thumbprint of the
 * key, so a kid always names the same key material. What *can* change — revocation — is read from the
 * database on every verification, never from this cache.
 */
const publicKeys = new Map<string, KeyObject>();
const MAX_CACHED_KEYS = 1000;

function publicKeyFor(kid: string, jwk: JWK): KeyObject {
  let key = publicKeys.get(kid);
  if (!key) {
    key = createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, format: 'jwk' });
    if (publicKeys.size >= MAX_CACHED_KEYS) publicKeys.clear();
    publicKeys.set(kid, key);
  }
  return key;
}

/**
 * The Ed25519 check of a parsed JWS against one key. Signing goes through `jose`; verification calls
 * Node's Ed25519 directly on the JWS signing input (RFC 7515 §5.2 step 8) — the same check, without
 * an async WebCrypto round trip per request on the public hot path.
 */
export function checkSignature(jws: Extract<ParsedJws, { ok: true }>, key: { publicJwk: JWK }): boolean {
  if (key.publicJwk.kty !== 'OKP' || key.publicJwk.crv !== 'Ed25519') return false;
  try {
    return verify(null, Buffer.from(jws.signingInput), publicKeyFor(jws.kid, key.publicJwk), jws.signature);
  } catch {
    return false;
  }
}

export type JwsVerification =
  | { ok: true; kid: string; administrationId: string; typ: string | undefined; payload: Uint8Array }
  | { ok: false; reason: string };

/** Verifies a compact JWS against the platform's own published (not revoked) keys. */
export async function verifyJws(db: Db | Tx, jws: string): Promise<JwsVerification> {
  const parsed = parseJws(jws);
  if (!parsed.ok) return parsed;
  const [key] = await db
    .select({
      administrationId: signingKeys.administrationId,
      publicJwk: signingKeys.publicJwk,
      revokedAt: signingKeys.revokedAt,
    })
    .from(signingKeys)
    .where(eq(signingKeys.id, parsed.kid))
    .limit(1);
  if (!key) return { ok: false, reason: 'unknown signing key' };
  if (key.revokedAt) return { ok: false, reason: 'signing key revoked' };
  if (!checkSignature(parsed, key))
    return { ok: false, reason: 'signature does not match (forged or altered)' };
  return {
    ok: true,
    kid: parsed.kid,
    administrationId: key.administrationId,
    typ: parsed.typ,
    payload: parsed.payload,
  };
}
