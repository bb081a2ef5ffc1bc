import { SIGNATURE_TRUST_NOTE } from '@aeolus/contracts';
import { describe, expect, it } from 'vitest';
import { appendIncrementalUpdate, FIXTURE_MARKER, offsetOf, withByte } from '../testing/document-fixtures.js';
import {
  makeEcdsaSignedPdf,
  makeRsaSigner,
  makeSignedPdf,
  makeTimestampedPdf,
} from '../testing/signature-fixtures.js';
import { inspectPdf } from './pdf-document.js';
import { checkPdfSignature, type PdfSignatureEntry } from './pdf-signatures.js';

const signingTime = new Date('2026-03-02T09:30:00Z');
const signer = makeRsaSigner('Acme Logistics Compliance Officer');
const signed = await makeSignedPdf({ signer, signingTime });
const CHANGED =
  'The document was changed after it was signed: the signed content no longer matches the signature.';

/** [0 a b c] as written into the signed file. */
function byteRangeOf(pdf: Uint8Array): [number, number, number, number] {
  const match = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(
    Buffer.from(pdf).toString('latin1'),
  );
  if (!match) throw new Error('fixture: no /ByteRange');
  return match.slice(1).map(Number) as [number, number, number, number];
}

describe('embedded PDF signatures: real signed files', () => {
  it('reports an intact RSA signature with signer, time and digest', async () => {
    const { signatures, pageCount } = await inspectPdf(signed);
    expect(pageCount).toBe(2);
    expect(signatures).toEqual([
      {
        fieldName: 'Signature1',
        subFilter: 'adbe.pkcs7.detached',
        signerCommonName: 'Acme Logistics Compliance Officer',
        signingTime: '2026-03-02T09:30:00.000Z',
        signingTimeSource: 'signed-attribute',
        digestAlgorithm: 'SHA-256',
        intact: true,
        coversWholeDocument: true,
        reason: null,
        identityVerified: false,
        note: SIGNATURE_TRUST_NOTE,
      },
    ]);
  });

  it('detects one flipped byte in the signed range', async () => {
    const at = offsetOf(signed, FIXTURE_MARKER);
    const [, holeStart] = byteRangeOf(signed);
    expect(at).toBeLessThan(holeStart); // the byte is inside the signed range
    const altered = withByte(signed, at, signed[at]! ^ 0x01);
    const [signature] = (await inspectPdf(altered)).signatures;
    expect(signature).toMatchObject({ intact: false, coversWholeDocument: true, reason: CHANGED });
    expect(signature?.signerCommonName).toBe('Acme Logistics Compliance Officer');
  });

  it('detects a flipped byte after the signature value (second range)', async () => {
    const [, , holeEnd] = byteRangeOf(signed);
    const at = offsetOf(signed, '/Type', holeEnd);
    const altered = withByte(signed, at + 1, 'U'.charCodeAt(0)); // "/Uype": still parses, different bytes
    const [signature] = (await inspectPdf(altered)).signatures;
    expect(signature).toMatchObject({ intact: false, reason: CHANGED });
  });

  it('detects a forged signature value', async () => {
    // The RSA signature is the last element of the DER; flip its last byte (the hex digit pair before
    // the zero padding that fills the rest of the placeholder).
    const [, holeStart] = byteRangeOf(signed);
    const lengthHex = Buffer.from(signed.subarray(holeStart + 5, holeStart + 9)).toString('latin1');
    const derLength = 4 + Number.parseInt(lengthHex, 16); // 30 82 LL LL
    const at = holeStart + 1 + 2 * derLength - 1; // last hex digit of the last DER byte
    const digit = String.fromCharCode(signed[at]!);
    const forged = withByte(signed, at, (digit === '0' ? '1' : '0').charCodeAt(0));
    const [signature] = (await inspectPdf(forged)).signatures;
    expect(signature).toMatchObject({
      intact: false,
      reason:
        "The signature value does not verify with the signer's certificate: the signature or its signed attributes were altered.",
    });
  });

  it('says an appended revision is not covered, while the signed revision is still intact', async () => {
    const updated = appendIncrementalUpdate(signed, 'Changed after signing');
    const [signature] = (await inspectPdf(updated)).signatures;
    expect(signature).toMatchObject({ intact: true, coversWholeDocument: false, reason: null });
  });

  it('checks an independent signer: ECDSA P-256, signer by key identifier, CAdES', async () => {
    const [signature] = (await inspectPdf(await makeEcdsaSignedPdf('Globex Customs Desk'))).signatures;
    expect(signature).toMatchObject({
      subFilter: 'ETSI.CAdES.detached',
      signerCommonName: 'Globex Customs Desk',
      digestAlgorithm: 'SHA-256',
      intact: true,
      coversWholeDocument: true,
    });
  });

  it('checks an RFC 3161 document timestamp against its message imprint', async () => {
    const genTime = new Date('2026-04-01T12:00:00Z');
    const stamped = await makeTimestampedPdf(genTime, 'Aeolus Test TSA');
    const [signature] = (await inspectPdf(stamped)).signatures;
    expect(signature).toMatchObject({
      subFilter: 'ETSI.RFC3161',
      signerCommonName: 'Aeolus Test TSA',
      signingTime: genTime.toISOString(),
      signingTimeSource: 'signed-attribute',
      intact: true,
    });
    const at = offsetOf(stamped, FIXTURE_MARKER);
    const [altered] = (await inspectPdf(withByte(stamped, at, stamped[at]! ^ 0x01))).signatures;
    expect(altered).toMatchObject({ intact: false, reason: CHANGED });
  });
});

describe('checkPdfSignature: byte ranges that could hide unsigned content are refused', () => {
  const [a, b, c, d] = byteRangeOf(signed);
  const contents = Buffer.from(Buffer.from(signed.subarray(b + 1, c - 1)).toString('latin1'), 'hex');
  const entry = (patch: Partial<PdfSignatureEntry>): PdfSignatureEntry => ({
    fieldName: 'Signature1',
    subFilter: 'adbe.pkcs7.detached',
    byteRange: [a, b, c, d],
    contents,
    claimedTime: new Date('2026-03-02T09:31:00Z'),
    ...patch,
  });

  it('accepts the range as signed', () => {
    expect(checkPdfSignature(signed, entry({})).intact).toBe(true);
  });

  it.each([
    ['no byte range', { byteRange: null }, 'The signature has no byte range or no signature value.'],
    [
      'three numbers',
      { byteRange: [0, b, c] },
      'The signature covers the document in an unusual way that cannot be checked safely.',
    ],
    [
      'six numbers',
      { byteRange: [0, b, c, 1, c + 1, d - 1] },
      'The signature covers the document in an unusual way that cannot be checked safely.',
    ],
    [
      'a range not starting at byte 0',
      { byteRange: [1, b - 1, c, d] },
      'The signature does not cover the document from its first byte, or points outside it.',
    ],
    [
      'a range past the end of the file',
      { byteRange: [0, b, c, d + 10] },
      'The signature does not cover the document from its first byte, or points outside it.',
    ],
    [
      'a hole that is not only the signature value',
      { byteRange: [0, b - 10, c, d] },
      'The unsigned part of the file holds something other than the signature value.',
    ],
    [
      'a /Contents that is not the string in the hole',
      { contents: new Uint8Array(contents.length) },
      'The signature value is not where the byte range says it is.',
    ],
  ])('%s', (_label, patch, reason) => {
    const result = checkPdfSignature(signed, entry(patch as Partial<PdfSignatureEntry>));
    expect(result).toMatchObject({ intact: false, coversWholeDocument: false, reason });
    // Nothing verified, so the only time to show is the one the PDF itself claims.
    expect(result).toMatchObject({
      signingTime: '2026-03-02T09:31:00.000Z',
      signingTimeSource: 'pdf-dictionary',
    });
  });

  it('refuses a signature format it does not support, by name', () => {
    const result = checkPdfSignature(signed, entry({ subFilter: 'adbe.x509.rsa_sha1' }));
    expect(result).toMatchObject({
      intact: false,
      reason: 'The signature format "adbe.x509.rsa_sha1" is not supported.',
    });
  });
});
