import { SIGNATURE_TRUST_NOTE } from '@aeolus/contracts';
import { describe, expect, it } from 'vitest';
import { shortSha256, signatureSummary } from './evidence.js';

const signature = (over: {
  intact?: boolean;
  whole?: boolean;
  signer?: string | null;
  reason?: string | null;
}) => ({
  fieldName: 'Signature1',
  subFilter: 'adbe.pkcs7.detached',
  signerCommonName: over.signer === undefined ? 'Femke Jansen' : over.signer,
  signingTime: null,
  signingTimeSource: null,
  digestAlgorithm: 'SHA-256',
  intact: over.intact ?? true,
  coversWholeDocument: over.whole ?? true,
  reason: over.reason ?? null,
  identityVerified: false as const,
  note: SIGNATURE_TRUST_NOTE,
});

describe('signatureSummary', () => {
  it('reads unsigned, intact, changed-after-signing and broken signatures', () => {
    expect(signatureSummary({ signatures: [] })).toEqual({ state: 'unsigned' });
    expect(signatureSummary({ signatures: [signature({})] })).toEqual({
      state: 'intact',
      signers: ['Femke Jansen'],
    });
    expect(signatureSummary({ signatures: [signature({ whole: false, signer: null })] })).toEqual({
      state: 'partial',
      signers: [],
    });
    expect(
      signatureSummary({
        signatures: [signature({}), signature({ intact: false, reason: 'digest mismatch' })],
      }),
    ).toEqual({ state: 'broken', reason: 'digest mismatch' });
  });

  it('shortens a digest to 12 hex digits', () => {
    expect(shortSha256('a'.repeat(52) + 'b'.repeat(12))).toBe('aaaaaaaaaaaa');
  });
});
