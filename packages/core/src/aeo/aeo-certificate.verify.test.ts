import {
  createTestContext,
  demoOrganisationId,
  issueDemoCertificate,
  type TestContext,
} from '@aeolus/core/testing';
import { base64url, CompactSign, calculateJwkThumbprint, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../db/unit-of-work.js';
import { systemActor } from '../identity/actor.js';
import {
  listPublishedKeys,
  revokeSigningKey,
  rotateSigningKey,
  signWithActiveKey,
} from '../signing/index.js';
import { AEO_CREDENTIAL_TYP } from './aeo-certificate.credential.js';
import { verifiedCredentials, verifyAeoCredential } from './aeo-certificate.public.js';
import { type AeoCertificateRow, setCertificateStatus } from './aeo-certificate.service.js';

let t: TestContext;
let active: AeoCertificateRow;
let suspended: AeoCertificateRow;
let revoked: AeoCertificateRow;
let expired: AeoCertificateRow;
const system = systemActor('test');

const encode = (value: unknown) => base64url.encode(JSON.stringify(value));
const decode = (segment: string) => JSON.parse(new TextDecoder().decode(base64url.decode(segment)));
const parts = (jws: string) => jws.split('.') as [string, string, string];

beforeAll(async () => {
  t = await createTestContext();
  active = await issueDemoCertificate(t.ctx);
  suspended = await issueDemoCertificate(t.ctx, { holder: 'tulip', category: 'S' });
  revoked = await issueDemoCertificate(t.ctx, { category: 'C' });
  const day = 86_400_000;
  expired = await issueDemoCertificate(t.ctx, {
    validFrom: new Date(Date.now() - 800 * day),
    validUntil: new Date(Date.now() - day),
  });
  await inTransaction(t.ctx.db, async (tx) => {
    await setCertificateStatus(tx, system, {
      certificate: suspended.aeoId,
      status: 'suspended',
      reason: 'audit',
    });
    await setCertificateStatus(tx, system, { certificate: revoked.id, status: 'revoked', reason: 'fraud' });
  });
});
afterAll(async () => {
  await t.close();
});

/** Forgeries an attacker could build from a genuine credential and the public JWKS. */
async function forge(kind: string): Promise<string> {
  const [header, payload, signature] = parts(active.credential);
  const claims = decode(payload);
  const kid = decode(header).kid as string;
  switch (kind) {
    case 'altered payload': {
      const altered = {
        ...claims,
        credentialSubject: { ...claims.credentialSubject, category: { code: 'X' } },
      };
      return `${header}.${encode(altered)}.${signature}`;
    }
    case 'alg none':
      return `${encode({ alg: 'none', typ: AEO_CREDENTIAL_TYP, kid })}.${payload}.`;
    case 'HS256 with the public key': {
      // The classic key-confusion attack: the public key's bytes used as an HMAC secret.
      const published = (await listPublishedKeys(t.ctx.db)).find((k) => k.kid === kid)!;
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256', typ: AEO_CREDENTIAL_TYP, kid })
        .sign(base64url.decode(published.x!));
    }
    case 'RS256': {
      const { privateKey } = await generateKeyPair('RS256');
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', typ: AEO_CREDENTIAL_TYP, kid })
        .sign(privateKey);
    }
    case 'unknown key': {
      const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
      const ownKid = await calculateJwkThumbprint(await exportJWK(publicKey));
      return new CompactSign(new TextEncoder().encode(JSON.stringify(claims)))
        .setProtectedHeader({ alg: 'EdDSA', typ: AEO_CREDENTIAL_TYP, kid: ownKid })
        .sign(privateKey);
    }
    case 'foreign issuer key': {
      // Genuinely signed — by Kenya's key — but claiming to be the Netherlands' certificate.
      const keAdministration = await demoOrganisationId(t.ctx, 'ke');
      return inTransaction(
        t.ctx.db,
        async (tx) =>
          (
            await signWithActiveKey(t.ctx, tx, {
              administrationId: keAdministration,
              payload: claims,
              typ: AEO_CREDENTIAL_TYP,
            })
          ).jws,
      );
    }
    default:
      throw new Error(kind);
  }
}

describe('credential verification', () => {
  it.each([
    {
      name: 'a genuine active certificate',
      credential: () => active.credential,
      valid: true,
      status: 'active',
    },
    {
      name: 'a suspended certificate',
      credential: () => suspended.credential,
      valid: false,
      status: 'suspended',
      reason: 'certificate suspended',
    },
    {
      name: 'a revoked certificate',
      credential: () => revoked.credential,
      valid: false,
      status: 'revoked',
      reason: 'certificate revoked',
    },
    {
      name: 'an expired certificate',
      credential: () => expired.credential,
      valid: false,
      status: 'active',
      reason: 'expired',
    },
    {
      name: 'an altered payload',
      credential: () => forge('altered payload'),
      valid: false,
      status: null,
      reason: /signature does not match/,
    },
    {
      name: 'alg none',
      credential: () => forge('alg none'),
      valid: false,
      status: null,
      reason: 'algorithm not accepted',
    },
    {
      name: 'HS256 key confusion',
      credential: () => forge('HS256 with the public key'),
      valid: false,
      status: null,
      reason: 'algorithm not accepted',
    },
    {
      name: 'RS256',
      credential: () => forge('RS256'),
      valid: false,
      status: null,
      reason: 'algorithm not accepted',
    },
    {
      name: 'an unknown issuer key',
      credential: () => forge('unknown key'),
      valid: false,
      status: null,
      reason: 'unknown signing key',
    },
    {
      name: "another administration's key",
      credential: () => forge('foreign issuer key'),
      valid: false,
      status: null,
      reason: 'issuer does not match the signing key',
    },
    {
      name: 'a non-JWS header',
      credential: async () => `e30.${parts(active.credential)[1]}.`,
      valid: false,
      status: null,
      reason: 'algorithm not accepted',
    },
  ])('$name', async ({ credential, valid, status, reason }) => {
    const verdict = await verifyAeoCredential(t.database, await credential());
    expect(verdict.valid).toBe(valid);
    expect(verdict.status).toBe(status);
    if (reason === undefined) expect(verdict.reason).toBeUndefined();
    else expect(verdict.reason).toMatch(reason);
    if (status === null) {
      // A forged credential's claims are never echoed back as facts.
      expect(verdict.aeoId).toBeNull();
      expect(verdict.issuer).toBeNull();
    }
  });

  it('names the issuer and the AEO of a genuine credential', async () => {
    const verdict = await verifyAeoCredential(t.database, active.credential);
    expect(verdict.aeoId).toBe(active.aeoId);
    expect(verdict.issuer).toEqual({
      id: `urn:aeolus:administration:${active.administrationId}`,
      name: 'Netherlands Customs (demo)',
    });
  });

  it('sees suspension and reinstatement on the very next call, though the signature verdict is cached', async () => {
    const cert = await issueDemoCertificate(t.ctx);
    const change = (status: 'active' | 'suspended') =>
      inTransaction(t.ctx.db, (tx) =>
        setCertificateStatus(tx, system, { certificate: cert.aeoId, status, reason: 'test' }),
      );
    expect((await verifyAeoCredential(t.database, cert.credential)).valid).toBe(true);
    const hits = verifiedCredentials.hits;
    await change('suspended');
    expect(await verifyAeoCredential(t.database, cert.credential)).toMatchObject({
      valid: false,
      status: 'suspended',
    });
    await change('active');
    expect(await verifyAeoCredential(t.database, cert.credential)).toMatchObject({
      valid: true,
      status: 'active',
    });
    // Both later calls skipped the Ed25519 check (cache hits) and still read the status live.
    expect(verifiedCredentials.hits).toBe(hits + 2);
  });

  it('keeps concurrent verifications apart when their look-ups share one statement', async () => {
    const cert = await issueDemoCertificate(t.ctx, { category: 'S' });
    const altered = await forge('altered payload');
    const setStatus = (status: 'active' | 'suspended') =>
      inTransaction(t.ctx.db, (tx) =>
        setCertificateStatus(tx, system, { certificate: cert.aeoId, status, reason: 'test' }),
      );
    for (const status of ['suspended', 'active', 'suspended', 'active'] as const) {
      await setStatus(status);
      // Sent together, after the change committed: all of them see it, each gets its own verdict.
      const verdicts = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          verifyAeoCredential(
            t.database,
            [cert.credential, active.credential, altered, suspended.credential][i % 4]!,
          ),
        ),
      );
      verdicts.forEach((verdict, i) => {
        const expected = [
          { valid: status === 'active', status, aeoId: cert.aeoId },
          { valid: true, status: 'active', aeoId: active.aeoId },
          { valid: false, status: null, reason: 'signature does not match (forged or altered)' },
          { valid: false, status: 'suspended', aeoId: suspended.aeoId },
        ][i % 4];
        expect(verdict).toMatchObject(expected!);
      });
    }
  });
  it('treats a credential as expired once `now` passes validUntil', async () => {
    const cert = await issueDemoCertificate(t.ctx, { validUntil: new Date(Date.now() + 3_600_000) });
    expect((await verifyAeoCredential(t.database, cert.credential)).valid).toBe(true);
    const later = new Date(Date.now() + 2 * 3_600_000);
    expect(await verifyAeoCredential(t.database, cert.credential, later)).toMatchObject({
      valid: false,
      reason: 'expired',
    });
  });
});

describe('signing keys', () => {
  it('rotation keeps old credentials verifiable; revoking a key fails them and unpublishes it', async () => {
    const ke = await demoOrganisationId(t.ctx, 'ke');
    const before = await issueDemoCertificate(t.ctx, { administration: 'ke', holder: 'globex' });
    const rotated = await inTransaction(t.ctx.db, (tx) => rotateSigningKey(t.ctx, tx, system, ke));
    expect(rotated.retiredKid).toBe(before.keyId);
    const after = await issueDemoCertificate(t.ctx, { administration: 'ke', holder: 'globex' });
    expect(after.keyId).toBe(rotated.kid);
    expect(after.keyId).not.toBe(before.keyId);

    // The retired key signs no more but is still published, so both certificates verify.
    const kids = (await listPublishedKeys(t.ctx.db)).map((k) => k.kid);
    expect(kids).toEqual(expect.arrayContaining([before.keyId, after.keyId]));
    expect((await verifyAeoCredential(t.database, before.credential)).valid).toBe(true);
    expect((await verifyAeoCredential(t.database, after.credential)).valid).toBe(true);

    // Verified twice: the second time from the cache of signature verdicts.
    const hits = verifiedCredentials.hits;
    expect((await verifyAeoCredential(t.database, before.credential)).valid).toBe(true);
    expect(verifiedCredentials.hits).toBe(hits + 1);
    await inTransaction(t.ctx.db, (tx) =>
      revokeSigningKey(tx, system, { kid: before.keyId, reason: 'compromised' }),
    );
    // The revocation wins over the cached verdict at once, and the verdict is dropped.
    expect(await verifyAeoCredential(t.database, before.credential)).toEqual({
      valid: false,
      status: null,
      aeoId: null,
      issuer: null,
      reason: 'signing key revoked',
    });
    const misses = verifiedCredentials.misses;
    expect((await verifyAeoCredential(t.database, before.credential)).reason).toBe('signing key revoked');
    expect(verifiedCredentials.misses).toBe(misses + 1);
    expect((await listPublishedKeys(t.ctx.db)).map((k) => k.kid)).not.toContain(before.keyId);
    expect((await verifyAeoCredential(t.database, after.credential)).valid).toBe(true);
  });

  it('publishes only public key material', async () => {
    for (const key of await listPublishedKeys(t.ctx.db)) {
      expect(Object.keys(key).sort()).toEqual(['alg', 'crv', 'kid', 'kty', 'use', 'x']);
      expect(key).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
      expect(await calculateJwkThumbprint(key)).toBe(key.kid);
    }
  });
});
