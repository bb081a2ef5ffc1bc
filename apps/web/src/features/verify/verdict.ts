import type { AeoCertificateStatus, AeoCredentialVerification } from '@aeolus/contracts';

/** What the page tells the reader, from the server's verdict. */
export type Verdict = 'valid' | 'suspended' | 'revoked' | 'expired' | 'notYetValid' | 'invalid';

export type VerdictTone = 'valid' | 'warning' | 'danger';

export const TONE: Record<Verdict | 'registerActive' | 'notFound', VerdictTone> = {
  valid: 'valid',
  registerActive: 'valid',
  notYetValid: 'warning',
  suspended: 'danger',
  revoked: 'danger',
  expired: 'danger',
  invalid: 'danger',
  notFound: 'danger',
};

/**
 * A credential's verdict. A genuine credential (the server names its AEO identifier only once the
 * signature is proven) whose certificate is suspended or revoked says so first, whatever its dates:
 * the status today is what a border officer must act on.
 */
export function credentialVerdict(verification: AeoCredentialVerification): Verdict {
  if (verification.valid) return 'valid';
  if (verification.aeoId === null) return 'invalid';
  if (verification.status === 'suspended' || verification.status === 'revoked') return verification.status;
  if (verification.reason === 'expired') return 'expired';
  if (verification.reason === 'not yet valid') return 'notYetValid';
  return 'invalid';
}

/** A register entry's verdict (the register proves no document: it only says what the status is). */
export function registerVerdict(status: AeoCertificateStatus): 'registerActive' | 'suspended' | 'revoked' {
  return status === 'active' ? 'registerActive' : status;
}

export type ReasonKey =
  | 'forged'
  | 'unknownKey'
  | 'keyRevoked'
  | 'malformed'
  | 'algorithm'
  | 'noKey'
  | 'notAeo'
  | 'issuer'
  | 'unknownCertificate'
  | 'expired'
  | 'notYetValid'
  | 'suspended'
  | 'revoked';

/** The server's reasons (English, stable) → the page's translated explanation. */
const REASONS: Record<string, ReasonKey> = {
  'signature does not match (forged or altered)': 'forged',
  'unknown signing key': 'unknownKey',
  'signing key revoked': 'keyRevoked',
  'not a compact JWS': 'malformed',
  'not a signed credential (the header cannot be read)': 'malformed',
  'the payload is not JSON': 'malformed',
  'validity dates are malformed': 'malformed',
  'algorithm not accepted': 'algorithm',
  'critical header extensions are not accepted': 'algorithm',
  'no signing key identified (kid)': 'noKey',
  'not an AEO certificate credential': 'notAeo',
  'issuer not recognised': 'issuer',
  'issuer does not match the signing key': 'issuer',
  'no such certificate was issued': 'unknownCertificate',
  expired: 'expired',
  'not yet valid': 'notYetValid',
  'certificate suspended': 'suspended',
  'certificate revoked': 'revoked',
};

/** The translation key for a server reason; undefined for one this page does not know (shown as sent). */
export function reasonKey(reason: string | undefined): ReasonKey | undefined {
  return reason === undefined ? undefined : REASONS[reason];
}
