import { SIGNATURE_TRUST_NOTE } from '@aeolus/contracts';
import { describe, expect, it } from 'vitest';
import { formatBytes, localised, shortHash, signatureVerdict } from './operator-format.js';
import { benefitsFor, categoryName } from './programme-view.js';

describe('operator formatting', () => {
  it('picks the UI language of a definition text', () => {
    expect(localised({ en: 'Seals', fr: 'Scellés' }, 'fr')).toBe('Scellés');
    expect(localised({ en: 'Seals', fr: 'Scellés' }, 'en')).toBe('Seals');
    expect(localised({ en: 'Seals', fr: 'Scellés' }, 'de')).toBe('Seals');
  });

  it.each([
    [512, 'en', '512 bytes'],
    [2048, 'en', '2 kB'],
    [1536, 'fr', '1,5 ko'],
    [5 * 1024 * 1024, 'en', '5 MB'],
  ])('%d bytes in %s reads %s', (bytes, language, expected) => {
    expect(formatBytes(bytes, language).replace(/\s/g, ' ')).toBe(expected);
  });

  it('shortens a SHA-256 to 12 digits', () => {
    expect(shortHash('a'.repeat(64))).toBe('aaaaaaaaaaaa');
  });

  it('says whether a PDF signature is intact, changed after signing or broken', () => {
    const signature = {
      fieldName: 'Signature1',
      subFilter: 'adbe.pkcs7.detached',
      signerCommonName: 'Acme',
      signingTime: null,
      signingTimeSource: null,
      digestAlgorithm: 'SHA-256',
      intact: true,
      coversWholeDocument: true,
      reason: null,
      identityVerified: false as const,
      note: SIGNATURE_TRUST_NOTE,
    };
    expect(signatureVerdict(signature)).toBe('intact');
    expect(signatureVerdict({ ...signature, coversWholeDocument: false })).toBe('changedAfterSigning');
    expect(signatureVerdict({ ...signature, intact: false, reason: 'digest mismatch' })).toBe('broken');
  });
});

describe('programme view', () => {
  const programme = {
    categories: [
      {
        code: 'S',
        name: { en: 'Security and safety', fr: 'Sécurité et sûreté' },
        description: { en: '', fr: '' },
      },
    ],
  } as unknown as Parameters<typeof categoryName>[0];

  it('names a category, or shows the code when the programme does not know it', () => {
    expect(categoryName(programme, 'S', 'fr')).toBe('S — Sécurité et sûreté');
    expect(categoryName(programme, 'C', 'en')).toBe('C');
    expect(categoryName(null, 'S', 'en')).toBe('S');
  });

  it('lists the benefits of a category; a benefit without categories applies to all', () => {
    const benefit = (code: string, categories: string[]) => ({
      code,
      name: { en: code, fr: code },
      description: { en: code, fr: code },
      categories,
    });
    const benefits = [
      benefit('fewer_checks', []),
      benefit('guarantee', ['C', 'F']),
      benefit('prior_notice', ['S']),
    ];
    expect(benefitsFor(benefits, 'S').map((b) => b.code)).toEqual(['fewer_checks', 'prior_notice']);
    expect(benefitsFor(benefits, 'C').map((b) => b.code)).toEqual(['fewer_checks', 'guarantee']);
  });
});
