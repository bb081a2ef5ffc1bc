import type { DocumentSignature } from '@aeolus/contracts';

/** Small formatting rules of the operator's AEO pages, kept pure so they are tested on their own. */

export { localised } from '../questionnaire/localised.js';

const LOCALE_TAGS: Record<string, string> = { en: 'en-GB', fr: 'fr-FR' };

/** File sizes in a trader's units ("812 KB", "2.4 MB"), in the UI language's number format. */
export function formatBytes(bytes: number, language: string): string {
  const tag = LOCALE_TAGS[language] ?? language;
  const [value, unit] =
    bytes < 1024
      ? [bytes, 'byte']
      : bytes < 1024 * 1024
        ? [bytes / 1024, 'kilobyte']
        : [bytes / (1024 * 1024), 'megabyte'];
  return new Intl.NumberFormat(tag, {
    style: 'unit',
    unit,
    unitDisplay: unit === 'byte' ? 'long' : 'short',
    maximumFractionDigits: unit === 'byte' ? 0 : 1,
  }).format(value);
}

/** The first 12 hex digits of a SHA-256: enough to tell documents apart on screen. */
export function shortHash(sha256: string): string {
  return sha256.slice(0, 12);
}

export type SignatureVerdict = 'intact' | 'changedAfterSigning' | 'broken';

/**
 * What an embedded PDF signature tells the reader. Intact means the signed bytes are unchanged; bytes
 * appended after signing (an incremental update) are called out, since the signature does not cover them.
 * The signer's identity is never verified against a trust list, whatever the verdict.
 */
export function signatureVerdict(signature: DocumentSignature): SignatureVerdict {
  if (!signature.intact) return 'broken';
  return signature.coversWholeDocument ? 'intact' : 'changedAfterSigning';
}
