import type { Document } from '@aeolus/contracts';

/**
 * What a validator needs to know about a piece of evidence at a glance. The platform checks an embedded
 * PDF signature's integrity only, never the signer against a trust list, so even a good result says
 * "identity not verified".
 */

export type SignatureSummary =
  | { state: 'unsigned' }
  /** Every signature verifies and the last one covers the whole file. */
  | { state: 'intact'; signers: string[] }
  /** The signatures verify, but bytes were added after the last one (an incremental update). */
  | { state: 'partial'; signers: string[] }
  | { state: 'broken'; reason: string | null };

export function signatureSummary(document: Pick<Document, 'signatures'>): SignatureSummary {
  const { signatures } = document;
  if (signatures.length === 0) return { state: 'unsigned' };
  const broken = signatures.find((s) => !s.intact);
  if (broken) return { state: 'broken', reason: broken.reason };
  const signers = signatures.map((s) => s.signerCommonName).filter((n): n is string => Boolean(n));
  return signatures.some((s) => s.coversWholeDocument)
    ? { state: 'intact', signers }
    : { state: 'partial', signers };
}

/** The first 12 hex digits: enough to tell files apart on screen; the full digest is in the title. */
export const shortSha256 = (sha256: string) => sha256.slice(0, 12);
