import { describe, expect, it } from 'vitest';
import { credentialVerdict, reasonKey } from './verdict.js';
import { aeoIdFromPath, parseVerifyInput, readCredentialClaims } from './verify-input.js';

const b64url = (value: unknown) =>
  Buffer.from(JSON.stringify(value))
    .toString('base64')
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

const PAYLOAD = {
  validFrom: '2026-03-15T00:00:00.000Z',
  credentialSubject: {
    aeoId: 'NLAEOF000001',
    holder: { name: 'Windmill Components', legalName: 'Windmill Components B.V.', country: 'NL' },
    programme: { name: { en: 'Dutch AEO programme', fr: 'Programme OEA néerlandais' } },
    category: { code: 'F', name: { en: 'Full', fr: 'Complet' } },
  },
};
const JWS = `${b64url({ alg: 'EdDSA', typ: 'vc+jwt', kid: 'k1' })}.${b64url(PAYLOAD)}.c2lnbmF0dXJl`;

describe('parseVerifyInput', () => {
  it.each([
    ['', { kind: 'empty' }],
    ['   \n ', { kind: 'empty' }],
    [JWS, { kind: 'credential', credential: JWS }],
    // Wrapped when copied out of an e-mail or a PDF.
    [`  ${JWS.slice(0, 40)}\n${JWS.slice(40)}  `, { kind: 'credential', credential: JWS }],
    [
      `https://aeolus.example/verify/NLAEOF000001?c=${JWS}`,
      { kind: 'credential', credential: JWS, aeoId: 'NLAEOF000001' },
    ],
    [`/verify/NLAEOF000001?c=${JWS}`, { kind: 'credential', credential: JWS, aeoId: 'NLAEOF000001' }],
    [`https://aeolus.example/verify?c=${JWS}`, { kind: 'credential', credential: JWS }],
    ['https://aeolus.example/verify/NLAEOF000002', { kind: 'aeoId', aeoId: 'NLAEOF000002' }],
    ['nlaeof000002', { kind: 'aeoId', aeoId: 'NLAEOF000002' }],
    ['https://aeolus.example/verify/NLAEOF000001?c=not a jws', { kind: 'unrecognised' }],
    ['https://aeolus.example/somewhere', { kind: 'unrecognised' }],
    ['hello world', { kind: 'unrecognised' }],
    ['NL-123', { kind: 'unrecognised' }],
  ])('reads %j', (raw, expected) => {
    expect(parseVerifyInput(raw)).toEqual(expected);
  });
});

describe('aeoIdFromPath', () => {
  it('takes a well-formed identifier from the path, and nothing else', () => {
    expect(aeoIdFromPath('/verify/NLAEOF000001')).toBe('NLAEOF000001');
    expect(aeoIdFromPath('/verify/nlaeof000001')).toBe('NLAEOF000001');
    expect(aeoIdFromPath('/verify/')).toBeUndefined();
    expect(aeoIdFromPath('/verify/drop%20table')).toBeUndefined();
    expect(aeoIdFromPath('/verify/%E0%A4%A')).toBeUndefined();
  });
});

describe('readCredentialClaims', () => {
  it('reads the holder, programme, category and dates in both languages', () => {
    expect(readCredentialClaims(JWS)).toEqual({
      holder: { name: 'Windmill Components', legalName: 'Windmill Components B.V.', country: 'NL' },
      programme: { en: 'Dutch AEO programme', fr: 'Programme OEA néerlandais' },
      category: { code: 'F', en: 'Full', fr: 'Complet' },
      validFrom: '2026-03-15T00:00:00.000Z',
      validUntil: undefined,
    });
  });

  it('reads nothing out of a payload that is not JSON, without throwing', () => {
    expect(readCredentialClaims('a.!!!.b').holder).toEqual({
      name: undefined,
      legalName: undefined,
      country: undefined,
    });
  });
});

describe('credentialVerdict', () => {
  const genuine = { status: 'active' as const, aeoId: 'NLAEOF000001', issuer: { id: 'urn:x', name: 'NL' } };
  it.each([
    [{ valid: true, ...genuine }, 'valid'],
    [
      { valid: false, ...genuine, status: 'suspended' as const, reason: 'certificate suspended' },
      'suspended',
    ],
    [{ valid: false, ...genuine, status: 'revoked' as const, reason: 'certificate revoked' }, 'revoked'],
    // The status today outranks the dates: a suspended, expired certificate reads "suspended".
    [{ valid: false, ...genuine, status: 'suspended' as const, reason: 'expired' }, 'suspended'],
    [{ valid: false, ...genuine, reason: 'expired' }, 'expired'],
    [{ valid: false, ...genuine, reason: 'not yet valid' }, 'notYetValid'],
    [
      {
        valid: false,
        status: null,
        aeoId: null,
        issuer: null,
        reason: 'signature does not match (forged or altered)',
      },
      'invalid',
    ],
  ])('%j → %s', (verification, expected) => {
    expect(credentialVerdict(verification)).toBe(expected);
  });

  it('translates the reasons it knows and leaves others as sent', () => {
    expect(reasonKey('signature does not match (forged or altered)')).toBe('forged');
    expect(reasonKey('unknown signing key')).toBe('unknownKey');
    expect(reasonKey('a reason from a newer server')).toBeUndefined();
  });
});
