import type { AeoCredentialVerification, PublicAeoCertificate } from '@aeolus/contracts';
import { eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database, Db, Tx } from '../db/client.js';
import { AppError } from '../errors.js';
import { organisations } from '../identity/identity.tables.js';
import { checkSignature, parseJws } from '../signing/index.js';
import { aeoCertificates, aeoProgrammes } from './aeo.tables.js';
import { AEO_CREDENTIAL_TYP, parseAeoCredential } from './aeo-certificate.credential.js';

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

/**
 * The one query a verification needs: the signing key by kid (primary key) and the certificate by AEO
 * identifier (unique index). The AEO identifier comes from the not yet verified payload; nothing the
 * query returns is trusted before the signature is checked against the key. Raw SQL on purpose: this
 * is the public hot path (issue 3: ≥ 5,000 verifications/s), and the query builder's per-call cost
 * was a third of it. `signing_keys` holds Ed25519 keys only, so `x` is the whole public key.
 */
const VERIFICATION_SQL = `select k.administration_id as "keyAdministrationId",
       k.public_jwk->>'x' as x,
       k.revoked_at is not null as "keyRevoked",
       c.status,
       c.administration_id as "certificateAdministrationId"
  from signing_keys k
  left join aeo_certificates c on c.aeo_id = $2
 where k.id = $1
 limit 1`;

interface VerificationRow {
  keyAdministrationId: string;
  x: string;
  keyRevoked: boolean;
  status: 'active' | 'suspended' | 'revoked' | null;
  certificateAdministrationId: string | null;
}

function decodeJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
}

/**
 * `POST /api/public/aeo/verify`. The signature is checked against the platform's published keys (a
 * revoked key fails at once); the certificate's *current* status is read from the database on every
 * call — no cache — so a suspension is visible to the next verification after it commits.
 * `valid` means: genuine, unexpired, and the AEO status is active today.
 */
export async function verifyAeoCredential(
  database: Pick<Database, 'query' | 'pool'>,
  credential: string,
  now: Date = new Date(),
): Promise<AeoCredentialVerification> {
  const jws = parseJws(credential);
  if (!jws.ok) return refused(jws.reason);
  const claims = decodeJson(jws.payload);
  const claimedAeoId = (claims as { credentialSubject?: { aeoId?: unknown } } | undefined)?.credentialSubject
    ?.aeoId;
  const values = [jws.kid, typeof claimedAeoId === 'string' ? claimedAeoId : ''];
  // On PostgreSQL a named statement is parsed and planned once per connection, not per request.
  const [row] = database.pool
    ? (
        await database.pool.query<VerificationRow>({
          name: 'aeo_credential_verification',
          text: VERIFICATION_SQL,
          values,
        })
      ).rows
    : await database.query<VerificationRow>(VERIFICATION_SQL, values);
  if (!row) return refused('unknown signing key');
  if (row.keyRevoked) return refused('signing key revoked');
  if (!checkSignature(jws, { publicJwk: { kty: 'OKP', crv: 'Ed25519', x: row.x } })) {
    return refused('signature does not match (forged or altered)');
  }
  // From here on the payload is the issuer's own words.
  if (jws.typ !== AEO_CREDENTIAL_TYP) return refused('not an AEO certificate credential');
  const parsed = parseAeoCredential(claims);
  if (!parsed.ok) return refused(parsed.reason);
  // A key speaks only for its own administration: a credential naming another issuer is forged even
  // though the signature itself is genuine.
  if (parsed.issuerAdministrationId !== row.keyAdministrationId) {
    return refused('issuer does not match the signing key');
  }
  if (!row.status || row.certificateAdministrationId !== row.keyAdministrationId) {
    return refused('no such certificate was issued');
  }
  const verdict = { status: row.status, aeoId: parsed.aeoId, issuer: parsed.issuer };
  if (parsed.expiresAt && parsed.expiresAt.getTime() <= now.getTime()) {
    return { valid: false, ...verdict, reason: 'expired' };
  }
  if (parsed.validFrom && parsed.validFrom.getTime() > now.getTime()) {
    return { valid: false, ...verdict, reason: 'not yet valid' };
  }
  if (row.status !== 'active') return { valid: false, ...verdict, reason: `certificate ${row.status}` };
  return { valid: true, ...verdict };
}
