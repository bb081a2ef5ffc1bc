import { type DocumentSignature, SIGNATURE_TRUST_NOTE } from '@aeolus/contracts';
import { type CmsMode, checkCmsSignature } from './cms-signature.js';

/** A signature dictionary as found in the PDF, before any check. */
export interface PdfSignatureEntry {
  fieldName: string | null;
  subFilter: string | null;
  /** The /ByteRange values, or null when absent or not all numbers. */
  byteRange: number[] | null;
  /** The /Contents string as the PDF parser decoded it. */
  contents: Uint8Array | null;
  /** The /M entry: the signing time the signer's software wrote into the PDF. */
  claimedTime: Date | null;
}

/** ISO 32000-2 §12.8.3.1 Table 260 (SubFilter) and ETSI EN 319 142-1 (PAdES). */
const MODE_BY_SUBFILTER: Record<string, CmsMode> = {
  'adbe.pkcs7.detached': 'detached',
  'ETSI.CAdES.detached': 'detached',
  'adbe.pkcs7.sha1': 'pkcs7-sha1',
  'ETSI.RFC3161': 'timestamp',
};

const isHexDigit = (b: number) =>
  (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66);
const isTrailingSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09 || b === 0x00;

/**
 * Checks one embedded signature. The /ByteRange must be [0 a b c]: two ranges that cover the file from
 * its first byte, with exactly one hole [a, b) that holds nothing but the hex /Contents string. Anything
 * else could leave unsigned bytes inside the signed revision (the "signature wrapping" attacks on PDF
 * signatures, Mladenov et al. 2019). Bytes after b+c are a later incremental update: the signature can
 * still be intact, but it does not cover the whole document.
 */
export function checkPdfSignature(bytes: Uint8Array, entry: PdfSignatureEntry): DocumentSignature {
  const base = {
    fieldName: entry.fieldName,
    subFilter: entry.subFilter,
    identityVerified: false as const,
    note: SIGNATURE_TRUST_NOTE,
  };
  const timeFromPdf = entry.claimedTime;
  const refused = (reason: string, coversWholeDocument = false): DocumentSignature => ({
    ...base,
    signerCommonName: null,
    signingTime: timeFromPdf ? timeFromPdf.toISOString() : null,
    signingTimeSource: timeFromPdf ? 'pdf-dictionary' : null,
    digestAlgorithm: null,
    intact: false,
    coversWholeDocument,
    reason,
  });

  const range = entry.byteRange;
  if (!range || !entry.contents) return refused('The signature has no byte range or no signature value.');
  if (range.length !== 4 || !range.every((n) => Number.isSafeInteger(n) && n >= 0)) {
    return refused('The signature covers the document in an unusual way that cannot be checked safely.');
  }
  const [start, holeStart, holeEnd, tailLength] = range as [number, number, number, number];
  const signedEnd = holeEnd + tailLength;
  if (start !== 0 || holeStart <= 0 || holeEnd <= holeStart + 1 || signedEnd > bytes.length) {
    return refused('The signature does not cover the document from its first byte, or points outside it.');
  }
  const hole = bytes.subarray(holeStart, holeEnd);
  const inner = hole.subarray(1, hole.length - 1);
  if (
    hole[0] !== 0x3c ||
    hole[hole.length - 1] !== 0x3e ||
    inner.length % 2 !== 0 ||
    !inner.every(isHexDigit)
  ) {
    return refused('The unsigned part of the file holds something other than the signature value.');
  }
  const cms = Buffer.from(Buffer.from(inner).toString('latin1'), 'hex');
  // The parsed /Contents must be the very string in the hole; otherwise the dictionary and the byte
  // range describe two different signatures.
  if (!cms.equals(Buffer.from(entry.contents))) {
    return refused('The signature value is not where the byte range says it is.');
  }
  const coversWholeDocument = bytes.subarray(signedEnd).every(isTrailingSpace);

  const mode = entry.subFilter ? MODE_BY_SUBFILTER[entry.subFilter] : 'detached';
  if (!mode)
    return refused(`The signature format "${entry.subFilter}" is not supported.`, coversWholeDocument);

  const check = checkCmsSignature(
    cms,
    [bytes.subarray(0, holeStart), bytes.subarray(holeEnd, signedEnd)],
    mode,
  );
  const signingTime = check.signingTime ?? timeFromPdf;
  return {
    ...base,
    signerCommonName: check.signerCommonName,
    signingTime: signingTime ? signingTime.toISOString() : null,
    signingTimeSource: check.signingTime ? 'signed-attribute' : timeFromPdf ? 'pdf-dictionary' : null,
    digestAlgorithm: check.digestAlgorithm,
    intact: check.intact,
    coversWholeDocument,
    reason: check.reason,
  };
}
