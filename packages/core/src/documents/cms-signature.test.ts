import { describe, expect, it } from 'vitest';
import { makeForgeCms } from '../testing/signature-fixtures.js';
import { checkCmsSignature } from './cms-signature.js';

const first = new Uint8Array(Buffer.from('%PDF-1.7 first signed range'));
const second = new Uint8Array(Buffer.from('second signed range %%EOF'));
const whole = new Uint8Array(Buffer.concat([first, second]));

describe('checkCmsSignature', () => {
  it('hashes the ranges in order, as one message', () => {
    const cms = makeForgeCms({
      content: whole,
      digest: 'sha256',
      signedAttributes: true,
      commonName: 'Range Test',
    });
    expect(checkCmsSignature(cms, [first, second], 'detached')).toMatchObject({
      intact: true,
      signerCommonName: 'Range Test',
      digestAlgorithm: 'SHA-256',
    });
    expect(checkCmsSignature(cms, [second, first], 'detached').intact).toBe(false);
  });

  it('verifies a signature without signed attributes directly over the content', () => {
    const cms = makeForgeCms({ content: whole, digest: 'sha256', signedAttributes: false });
    expect(checkCmsSignature(cms, [first, second], 'detached')).toMatchObject({ intact: true, reason: null });
    const other = new Uint8Array(Buffer.from('%PDF-1.7 first signed rangf'));
    expect(checkCmsSignature(cms, [other, second], 'detached')).toMatchObject({
      intact: false,
      reason:
        "The signature value does not verify with the signer's certificate: the signature or its signed attributes were altered.",
    });
  });

  it('does not vouch for SHA-1 even when it matches', () => {
    const cms = makeForgeCms({ content: whole, digest: 'sha1', signedAttributes: true });
    expect(checkCmsSignature(cms, [first, second], 'detached')).toMatchObject({
      intact: false,
      digestAlgorithm: 'SHA-1',
      reason: 'The signature matches, but it uses SHA-1, which is broken; its integrity cannot be relied on.',
    });
  });

  it.each([
    ['random bytes', Uint8Array.from({ length: 64 }, (_, i) => (i * 37) & 0xff)],
    ['nothing', new Uint8Array()],
    ['a DER that is not SignedData', Uint8Array.of(0x30, 0x03, 0x02, 0x01, 0x01)],
  ])('reports %s as unreadable instead of throwing', (_label, cms) => {
    expect(checkCmsSignature(cms, [whole], 'detached')).toEqual({
      signerCommonName: null,
      signingTime: null,
      digestAlgorithm: null,
      intact: false,
      reason: 'The signature data is damaged and cannot be read.',
    });
  });

  it('requires encapsulated content where the format says so', () => {
    const cms = makeForgeCms({ content: whole, digest: 'sha256', signedAttributes: true });
    expect(checkCmsSignature(cms, [whole], 'pkcs7-sha1')).toMatchObject({
      intact: false,
      reason: 'The signature does not carry the content it should.',
    });
  });
});
