import { AEO_ID_PATTERN } from '@aeolus/contracts';
import { AppError } from '../errors.js';
import type { Localised } from './aeo.tables.js';

/**
 * The AEO certificate as a W3C Verifiable Credential (VC Data Model 2.0), secured as a JWT-style
 * compact JWS (VC-JOSE-COSE: `typ: vc+jwt`, the credential *is* the payload). Pure: no I/O here.
 */
export const VC_CONTEXT_V2 = 'https://www.w3.org/ns/credentials/v2';
export const AEO_CREDENTIAL_TYPE = 'AEOCertificate';
export const AEO_CREDENTIAL_TYP = 'vc+jwt';

/**
 * The issuer id: a URN naming the administration. It does not depend on the deployment's public URL,
 * so moving the platform to another host never invalidates a certificate.
 */
export const issuerIdFor = (administrationId: string) => `urn:aeolus:administration:${administrationId}`;
const ISSUER_ID = /^urn:aeolus:administration:([0-9a-f-]{36})$/;

/** VC subjects are identified by URI; the AEO identifier is carried both as a URN and as `aeoId`. */
export const subjectIdFor = (aeoId: string) => `urn:aeo:${aeoId}`;

/** Composes `NL` + `AEO` + `F` + `000001`; refuses programme data that would break the public format. */
export function composeAeoId(input: {
  country: string;
  prefix: string;
  categoryCode: string;
  nationalNumber: number;
}): string {
  if (!Number.isInteger(input.nationalNumber) || input.nationalNumber < 1 || input.nationalNumber > 999_999) {
    throw new AppError('CONFLICT', 'The programme has used all 999,999 national numbers');
  }
  const aeoId =
    `${input.country}${input.prefix}${input.categoryCode}`.toUpperCase() +
    String(input.nationalNumber).padStart(6, '0');
  if (!AEO_ID_PATTERN.test(aeoId) || aeoId.length > 20) {
    throw new AppError(
      'UNPROCESSABLE',
      `The programme's identifier prefix and category code must be letters and digits (got ${aeoId})`,
    );
  }
  return aeoId;
}

export interface AeoCredentialInput {
  certificateId: string;
  aeoId: string;
  administration: { id: string; name: string };
  holder: {
    id: string;
    name: string;
    legalName: string | null;
    country: string;
    identifiers: { scheme: string; value: string }[];
  };
  programme: { id: string; name: Localised };
  category: { code: string; name: Localised };
  validFrom: Date;
  validUntil: Date | null;
  issuedAt: Date;
}

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

export function buildAeoCredential(input: AeoCredentialInput): Record<string, unknown> {
  const issuer = { id: issuerIdFor(input.administration.id), name: input.administration.name };
  return {
    '@context': [VC_CONTEXT_V2],
    id: `urn:uuid:${input.certificateId}`,
    type: ['VerifiableCredential', AEO_CREDENTIAL_TYPE],
    issuer,
    validFrom: input.validFrom.toISOString(),
    ...(input.validUntil ? { validUntil: input.validUntil.toISOString() } : {}),
    credentialSubject: {
      id: subjectIdFor(input.aeoId),
      aeoId: input.aeoId,
      holder: {
        name: input.holder.name,
        ...(input.holder.legalName ? { legalName: input.holder.legalName } : {}),
        country: input.holder.country,
        identifiers: input.holder.identifiers,
      },
      programme: { name: input.programme.name },
      category: { code: input.category.code, name: input.category.name },
    },
    // Registered JWT claims mirror the credential for JWT-only verifiers (VC-JOSE-COSE §3.1.2).
    iss: issuer.id,
    sub: subjectIdFor(input.aeoId),
    jti: `urn:uuid:${input.certificateId}`,
    iat: seconds(input.issuedAt),
    nbf: seconds(input.validFrom),
    ...(input.validUntil ? { exp: seconds(input.validUntil) } : {}),
  };
}

/** What verification needs from a (signature-checked) payload, or why it is not an AEO credential. */
export type ParsedAeoCredential =
  | {
      ok: true;
      aeoId: string;
      issuer: { id: string; name: string };
      issuerAdministrationId: string;
      validFrom: Date | null;
      expiresAt: Date | null;
    }
  | { ok: false; reason: string };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function dateOf(value: unknown): Date | null | 'bad' {
  if (value === undefined) return null;
  if (typeof value === 'number') return new Date(value * 1000);
  if (typeof value !== 'string') return 'bad';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? 'bad' : d;
}

/** Reads the (already signature-checked) decoded JSON payload. */
export function parseAeoCredential(vc: unknown): ParsedAeoCredential {
  if (vc === undefined) return { ok: false, reason: 'the payload is not JSON' };
  const notAeo = { ok: false, reason: 'not an AEO certificate credential' } as const;
  if (!isObject(vc) || !Array.isArray(vc.type) || !vc.type.includes(AEO_CREDENTIAL_TYPE)) return notAeo;
  const subject = vc.credentialSubject;
  if (!isObject(subject) || typeof subject.aeoId !== 'string' || !AEO_ID_PATTERN.test(subject.aeoId)) {
    return notAeo;
  }
  const issuer = vc.issuer;
  const issuerId = isObject(issuer) ? issuer.id : issuer;
  const match = typeof issuerId === 'string' ? ISSUER_ID.exec(issuerId) : null;
  if (!match || (vc.iss !== undefined && vc.iss !== issuerId)) {
    return { ok: false, reason: 'issuer not recognised' };
  }
  const validFrom = dateOf(vc.validFrom);
  const validUntil = dateOf(vc.validUntil);
  const exp = dateOf(vc.exp);
  if (validFrom === 'bad' || validUntil === 'bad' || exp === 'bad') {
    return { ok: false, reason: 'validity dates are malformed' };
  }
  // The earlier of the two ends counts: a verifier honouring either must not see a longer life.
  const ends = [validUntil, exp].filter((d): d is Date => d !== null);
  const expiresAt = ends.length ? new Date(Math.min(...ends.map((d) => d.getTime()))) : null;
  return {
    ok: true,
    aeoId: subject.aeoId,
    issuer: {
      id: issuerId as string,
      name: isObject(issuer) && typeof issuer.name === 'string' ? issuer.name : '',
    },
    issuerAdministrationId: match[1]!,
    validFrom,
    expiresAt,
  };
}
