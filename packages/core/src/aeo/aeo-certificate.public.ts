import { createHash } from 'node:crypto';
import type { AeoCredentialVerification, PublicAeoCertificate } from '@aeolus/contracts';
import { eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database, Db, Tx } from '../db/client.js';
import { AppError } from '../errors.js';
import { organisations } from '../identity/identity.tables.js';
import { Lru } from '../shared/lru.js';
import { checkSignature, parseJws } from '../signing/index.js';
import { aeoCertificates, aeoProgrammes } from './aeo.tables.js';
import {
  AEO_CREDENTIAL_TYP,
  type ParsedAeoCredential,
  parseAeoCredential,
} from './aeo-certificate.credential.js';
import { lookupForVerification, type VerificationRow } from './aeo-certificate.lookups.js';

const holders = alias(organisations, 'holder');
const administrations = alias(organisations, 'administration');

/** A certificate with what the public page and the PDF show about it (one indexed look-up). */
export async function findCertificateDetails(db: Db | Tx, aeoId: string) {
  const [row] = await db
    .select({
      certificate: aeoCertificates,
      holder: {
        name: holders.name,
        legalName: holders.legalName,
        country: holders.country,
        identifiers: holders.identifiers,
      },
      administration: { id: administrations.id, name: administrations.name },
      programme: { name: aeoProgrammes.name, categories: aeoProgrammes.categories },
    })
    .from(aeoCertificates)
    .innerJoin(holders, eq(holders.id, aeoCertificates.holderId))
    .innerJoin(administrations, eq(administrations.id, aeoCertificates.administrationId))
    .innerJoin(aeoProgrammes, eq(aeoProgrammes.id, aeoCertificates.programmeId))
    .where(eq(aeoCertificates.aeoId, aeoId))
    .limit(1);
  if (!row) return undefined;
  const category = row.programme.categories.find((c) => c.code === row.certificate.category);
  return { ...row, category: category ?? null };
}

export type CertificateDetails = NonNullable<Awaited<ReturnType<typeof findCertificateDetails>>>;

/** `GET /api/public/aeo/{aeoId}`: the public register entry, or NOT_FOUND. No account needed. */
export async function getPublicCertificate(db: Db | Tx, aeoId: string): Promise<PublicAeoCertificate> {
  const details = await findCertificateDetails(db, aeoId);
  if (!details) throw AppError.notFound('AEO certificate');
  const { certificate, holder, programme, category } = details;
  return {
    aeoId: certificate.aeoId,
    holder: holder.legalName ?? holder.name,
    country: holder.country ?? '',
    programme: programme.name.en,
    category: category?.name.en ?? certificate.category,
    status: certificate.status,
    validFrom: certificate.validFrom.toISOString(),
    ...(certificate.validUntil ? { validUntil: certificate.validUntil.toISOString() } : {}),
  };
}

const refused = (reason: string): AeoCredentialVerification => ({
  valid: false,
  status: null,
  aeoId: null,
  issuer: null,
  reason,
});

function decodeJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
}

/**
 * What the signed bytes of a credential say, once checked against its key: a pure function of the
 * credential and the key material. A kid is the RFC 7638 thumbprint of its key, so it always names the
 * same key and this never changes for a given credential — what *does* change (the key revoked, the
 * certificate suspended, time passing) is read or computed on every call, never kept here.
 */
type SignedVerdict = ParsedAeoCredential;

interface CachedCredential {
  kid: string;
  /** The AEO identifier the (then unverified) payload named: what the live look-up reads. */
  claimedAeoId: string;
  verdict: SignedVerdict;
}

/**
 * Signature verdicts by credential (keyed by the SHA-256 of the exact JWS), so that a credential
 * verified again — verifiers re-check the ones they hold — costs a hash and a look-up instead of an
 * Ed25519 check. Bounded (least recently used go first): 10,000 entries are a few megabytes. Only the
 * verdict on the signed bytes is kept; key revocation and certificate status are read live every time.
 */
export const verifiedCredentials = new Lru<string, CachedCredential>(10_000);

function judgeSignature(
  jws: Extract<ReturnType<typeof parseJws>, { ok: true }>,
  claims: unknown,
  x: string,
): SignedVerdict {
  if (!checkSignature(jws, { publicJwk: { kty: 'OKP', crv: 'Ed25519', x } })) {
    return { ok: false, reason: 'signature does not match (forged or altered)' };
  }
  // From here on the payload is the issuer's own words.
  if (jws.typ !== AEO_CREDENTIAL_TYP) return { ok: false, reason: 'not an AEO certificate credential' };
  return parseAeoCredential(claims);
}

/**
 * `POST /api/public/aeo/verify`. The signature is checked against the platform's published keys (a
 * revoked key fails at once); the key's state and the certificate's *current* status are read from the
 * database on every call — never cached — so a suspension or a key revocation is visible to the next
 * verification after it commits. `valid` means: genuine, unexpired, and the AEO status is active today.
 */
export async function verifyAeoCredential(
  database: Pick<Database, 'query' | 'pool'>,
  credential: string,
  now: Date = new Date(),
): Promise<AeoCredentialVerification> {
  const hash = createHash('sha256').update(credential).digest('base64url');
  let cached = verifiedCredentials.get(hash);
  let row: VerificationRow;
  if (cached) {
    row = await lookupForVerification(database, cached.kid, cached.claimedAeoId);
  } else {
    const jws = parseJws(credential);
    if (!jws.ok) return refused(jws.reason);
    const claims = decodeJson(jws.payload);
    const claimed = (claims as { credentialSubject?: { aeoId?: unknown } } | undefined)?.credentialSubject
      ?.aeoId;
    // The AEO identifier comes from the not yet verified payload; nothing the look-up returns is trusted
    // before the signature is checked against the key it returns.
    const claimedAeoId = typeof claimed === 'string' ? claimed : '';
    row = await lookupForVerification(database, jws.kid, claimedAeoId);
    if (row.x === null || row.keyRevoked)
      return refused(row.x === null ? 'unknown signing key' : 'signing key revoked');
    cached = { kid: jws.kid, claimedAeoId, verdict: judgeSignature(jws, claims, row.x) };
    verifiedCredentials.set(hash, cached);
  }
  if (row.x === null || row.keyRevoked) {
    // The key was deleted or revoked since the verdict was kept: the verdict dies with it.
    verifiedCredentials.delete(hash);
    return refused(row.x === null ? 'unknown signing key' : 'signing key revoked');
  }
  const { verdict } = cached;
  if (!verdict.ok) return refused(verdict.reason);
  // A key speaks only for its own administration: a credential naming another issuer is forged even
  // though the signature itself is genuine.
  if (verdict.issuerAdministrationId !== row.keyAdministrationId) {
    return refused('issuer does not match the signing key');
  }
  if (!row.status || row.certificateAdministrationId !== row.keyAdministrationId) {
    return refused('no such certificate was issued');
  }
  const result = { status: row.status, aeoId: verdict.aeoId, issuer: verdict.issuer };
  if (verdict.expiresAt && verdict.expiresAt.getTime() <= now.getTime()) {
    return { valid: false, ...result, reason: 'expired' };
  }
  if (verdict.validFrom && verdict.validFrom.getTime() > now.getTime()) {
    return { valid: false, ...result, reason: 'not yet valid' };
  }
  if (row.status !== 'active') return { valid: false, ...result, reason: `certificate ${row.status}` };
  return { valid: true, ...result };
}
