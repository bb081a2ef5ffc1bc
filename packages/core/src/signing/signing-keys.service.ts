import { createPrivateKey, sign } from 'node:crypto';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { calculateJwkThumbprint, exportJWK, exportPKCS8, generateKeyPair } from 'jose';
import type { AppConfig } from '../config.js';
import type { Db, Tx } from '../db/client.js';
import { AppError } from '../errors.js';
import type { Actor } from '../identity/actor.js';
import { decryptSecret, encryptSecret } from '../shared/crypto.js';
import { recordChange } from '../shared/record-change.js';
import { signingKeys } from './signing.tables.js';

/** Only Ed25519 (JOSE `EdDSA`, RFC 8037) is issued and accepted: no algorithm agility to downgrade. */
export const SIGNING_ALGORITHM = 'EdDSA';

/** What key management needs from the configuration (a `CoreContext` fits). */
export interface SigningContext {
  config: Pick<AppConfig, 'secrets'>;
}

export type SigningKeyRow = typeof signingKeys.$inferSelect;

/** A public key as published in the JWKS (RFC 7517), with the metadata verifiers need. */
export interface PublishedKey {
  kty: string;
  crv: string;
  x: string;
  kid: string;
  alg: typeof SIGNING_ALGORITHM;
  use: 'sig';
}

function publicJwkOf(row: SigningKeyRow): PublishedKey {
  const { kty = 'OKP', crv = 'Ed25519', x = '' } = row.publicJwk;
  return { kty, crv, x, kid: row.id, alg: SIGNING_ALGORITHM, use: 'sig' };
}

async function createSigningKey(ctx: SigningContext, tx: Tx, administrationId: string) {
  const { publicKey, privateKey } = await generateKeyPair(SIGNING_ALGORITHM, {
    crv: 'Ed25519',
    extractable: true,
  });
  const jwk = await exportJWK(publicKey);
  const publicJwk = { kty: jwk.kty!, crv: jwk.crv!, x: jwk.x! };
  // RFC 7638 thumbprint: the kid is derived from the key itself, so a kid can never name two keys.
  const kid = await calculateJwkThumbprint(publicJwk, 'sha256');
  const pkcs8 = await exportPKCS8(privateKey);
  const [row] = await tx
    .insert(signingKeys)
    .values({
      id: kid,
      administrationId,
      publicJwk,
      // The private key never rests in clear: AES-256-GCM under the key-encryption key.
      privateKeyEncrypted: encryptSecret(ctx.config.secrets.keyEncryptionKey, pkcs8),
    })
    .returning();
  return row!;
}

async function findActiveKey(tx: Db | Tx, administrationId: string) {
  const [row] = await tx
    .select()
    .from(signingKeys)
    .where(
      and(
        eq(signingKeys.administrationId, administrationId),
        isNull(signingKeys.retiredAt),
        isNull(signingKeys.revokedAt),
      ),
    )
    .orderBy(asc(signingKeys.createdAt))
    .limit(1);
  return row;
}

/** Serialises key creation per administration, so two first issuances never make two active keys. */
async function lockAdministrationKeys(tx: Tx, administrationId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`signing:${administrationId}`}, 0))`);
}

/** The administration's active signing key, created on first use (in the caller's transaction). */
export async function ensureActiveSigningKey(
  ctx: SigningContext,
  tx: Tx,
  administrationId: string,
): Promise<SigningKeyRow> {
  await lockAdministrationKeys(tx, administrationId);
  return (await findActiveKey(tx, administrationId)) ?? createSigningKey(ctx, tx, administrationId);
}

/** Only the administration's own admins (or the platform itself) manage its signing keys. */
function authorizeKeyManagement(actor: Actor, administrationId: string) {
  if (actor.kind === 'system') return;
  if (actor.organisationId !== administrationId) throw AppError.notFound('Signing key');
  if (!actor.roles.includes('admin') || actor.kind === 'api_key') {
    throw AppError.forbidden('Only an administrator of the administration manages its signing keys');
  }
}

/**
 * Rotation: a new key becomes active; the previous one is *retired* — it signs nothing more but stays
 * published, so every certificate it signed keeps verifying (issue 3 §6).
 */
export async function rotateSigningKey(
  ctx: SigningContext,
  tx: Tx,
  actor: Actor,
  administrationId: string,
): Promise<{ kid: string; retiredKid: string | null }> {
  authorizeKeyManagement(actor, administrationId);
  await lockAdministrationKeys(tx, administrationId);
  const previous = await findActiveKey(tx, administrationId);
  if (previous) {
    await tx.update(signingKeys).set({ retiredAt: new Date() }).where(eq(signingKeys.id, previous.id));
  }
  const created = await createSigningKey(ctx, tx, administrationId);
  await recordChange(tx, actor, {
    action: 'signing_key.rotated',
    subjectType: 'signing_key',
    subjectId: created.id,
    organisationId: administrationId,
    summary: { before: { activeKid: previous?.id ?? null }, after: { activeKid: created.id } },
    event: { kid: created.id, retiredKid: previous?.id ?? null },
  });
  return { kid: created.id, retiredKid: previous?.id ?? null };
}

/**
 * Revocation after a compromise: the key leaves the JWKS and every credential it signed fails
 * verification from this transaction on. If it was the active key, the next issuance makes a new one.
 */
export async function revokeSigningKey(
  tx: Tx,
  actor: Actor,
  input: { kid: string; reason: string },
): Promise<void> {
  const reason = input.reason.trim();
  if (!reason) throw AppError.validation([{ path: 'reason', message: 'is required' }]);
  const [row] = await tx.select().from(signingKeys).where(eq(signingKeys.id, input.kid));
  if (!row) throw AppError.notFound('Signing key');
  authorizeKeyManagement(actor, row.administrationId);
  if (row.revokedAt) throw new AppError('INVALID_STATE', 'This signing key is already revoked');
  await tx
    .update(signingKeys)
    .set({ revokedAt: new Date(), retiredAt: row.retiredAt ?? new Date() })
    .where(eq(signingKeys.id, row.id));
  await recordChange(tx, actor, {
    action: 'signing_key.revoked',
    subjectType: 'signing_key',
    subjectId: row.id,
    organisationId: row.administrationId,
    summary: { note: reason },
    event: { kid: row.id, reason },
  });
}

/** Signs `payload` as a compact JWS with the administration's active key (created if none). */
export async function signWithActiveKey(
  ctx: SigningContext,
  tx: Tx,
  input: { administrationId: string; payload: Record<string, unknown>; typ: string },
): Promise<{ jws: string; kid: string }> {
  const { jws, kid } = await signAllWithActiveKey(ctx, tx, {
    administrationId: input.administrationId,
    payloads: [input.payload],
    typ: input.typ,
  });
  return { jws: jws[0]!, kid };
}

/**
 * Signs several payloads with the administration's active key, unsealing the private key once (bulk
 * issuance, e.g. an import of existing AEOs); `jws[i]` is the signature of `payloads[i]`.
 */
export async function signAllWithActiveKey(
  ctx: SigningContext,
  tx: Tx,
  input: { administrationId: string; payloads: readonly Record<string, unknown>[]; typ: string },
): Promise<{ jws: string[]; kid: string }> {
  const key = await ensureActiveSigningKey(ctx, tx, input.administrationId);
  const privateKey = createPrivateKey(
    decryptSecret(ctx.config.secrets.keyEncryptionKey, key.privateKeyEncrypted),
  );
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`signing key ${key.id} is not Ed25519`);
  // RFC 7515 §7.1 compact serialisation, signed with Node's Ed25519 directly (as `jose` would, byte for
  // byte: the same header, the same deterministic RFC 8032 signature) but synchronously — thousands of
  // signatures in an import do not queue on the thread pool.
  const header = Buffer.from(
    JSON.stringify({ alg: SIGNING_ALGORITHM, typ: input.typ, kid: key.id }),
  ).toString('base64url');
  const jws = input.payloads.map((payload) => {
    const signingInput = `${header}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
    return `${signingInput}.${sign(null, Buffer.from(signingInput), privateKey).toString('base64url')}`;
  });
  return { jws, kid: key.id };
}

/** Every administration's active and retired public keys: the JWKS at `/.well-known/jwks.json`. */
export async function listPublishedKeys(db: Db | Tx): Promise<PublishedKey[]> {
  const rows = await db
    .select()
    .from(signingKeys)
    .where(isNull(signingKeys.revokedAt))
    .orderBy(asc(signingKeys.administrationId), asc(signingKeys.createdAt));
  return rows.map(publicJwkOf);
}

/** The keys of one administration, newest first, with their state (for administrators and tests). */
export async function listSigningKeys(db: Db | Tx, administrationId: string) {
  const rows = await db
    .select()
    .from(signingKeys)
    .where(eq(signingKeys.administrationId, administrationId))
    .orderBy(asc(signingKeys.createdAt));
  return rows.map((row) => ({
    kid: row.id,
    state: row.revokedAt ? 'revoked' : row.retiredAt ? 'retired' : 'active',
    createdAt: row.createdAt,
    retiredAt: row.retiredAt,
    revokedAt: row.revokedAt,
  }));
}
