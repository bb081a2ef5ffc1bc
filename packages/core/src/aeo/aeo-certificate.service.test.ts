import {
  createTestContext,
  demoOrganisationId,
  ensureDemoProgramme,
  issueDemoCertificate,
  type TestContext,
} from '@aeolus/core/testing';
import { base64url, decodeProtectedHeader } from 'jose';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../db/unit-of-work.js';
import { AppError } from '../errors.js';
import { type Actor, systemActor } from '../identity/actor.js';
import { rotateSigningKey } from '../signing/index.js';
import { renderCertificatePdf, verificationUrl } from './aeo-certificate.pdf.js';
import { getPublicCertificate } from './aeo-certificate.public.js';
import { issueCertificate, setCertificateStatus } from './aeo-certificate.service.js';

let t: TestContext;
const system = systemActor('test');
const person = (organisationId: string, roles: ('admin' | 'aeo_validator')[]): Actor => ({
  kind: 'user',
  userId: '00000000-0000-4000-8000-000000000001',
  label: 'someone',
  organisationId,
  organisationKind: 'customs_administration',
  roles,
});

beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t.close();
});

const failure = async (work: Promise<unknown>) => {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};

describe('issueCertificate', () => {
  it('allocates consecutive AEO identifiers and signs a W3C VC as EdDSA vc+jwt', async () => {
    const first = await issueDemoCertificate(t.ctx);
    const second = await issueDemoCertificate(t.ctx, { holder: 'tulip', category: 'S' });
    expect(first.aeoId).toMatch(/^NLAEOF\d{6}$/);
    expect(second.aeoId).toMatch(/^NLAEOS\d{6}$/);
    expect(Number(second.aeoId.slice(-6))).toBe(Number(first.aeoId.slice(-6)) + 1);

    const header = decodeProtectedHeader(first.credential);
    expect(header).toEqual({ alg: 'EdDSA', typ: 'vc+jwt', kid: first.keyId });
    const vc = JSON.parse(new TextDecoder().decode(base64url.decode(first.credential.split('.')[1]!)));
    expect(vc).toMatchObject({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: `urn:uuid:${first.id}`,
      type: ['VerifiableCredential', 'AEOCertificate'],
      issuer: {
        id: `urn:aeolus:administration:${first.administrationId}`,
        name: 'Netherlands Customs (demo)',
      },
      validFrom: first.validFrom.toISOString(),
      credentialSubject: {
        id: `urn:aeo:${first.aeoId}`,
        aeoId: first.aeoId,
        holder: { country: 'NL', identifiers: [{ scheme: 'EORI', value: 'NL812345670' }] },
        category: { code: 'F' },
      },
      sub: `urn:aeo:${first.aeoId}`,
    });
    expect(vc.validUntil).toBeUndefined();

    const events = await t.database.query<{ type: string; subject_id: string }>(
      `select type, subject_id from outbox_events where type = 'aeo.certificate.issued' and subject_id = $1`,
      [first.id],
    );
    expect(events).toHaveLength(1);
  });

  it('refuses an unknown category, a non-operator holder and an inverted validity, naming each field', async () => {
    const nl = await demoOrganisationId(t.ctx, 'nl');
    const programme = await ensureDemoProgramme(t.ctx, nl);
    const error = await failure(
      inTransaction(t.ctx.db, (tx) =>
        issueCertificate(t.ctx, tx, system, {
          applicationId: '00000000-0000-4000-8000-000000000000',
          programmeId: programme.id,
          holderId: nl,
          category: 'Z',
          validFrom: new Date('2026-01-01'),
          validUntil: new Date('2025-01-01'),
        }),
      ),
    );
    expect(error.code).toBe('VALIDATION_FAILED');
    const paths = (error.details as { problems: { path: string }[] }).problems.map((p) => p.path);
    expect(paths).toEqual(['holderId', 'category', 'validUntil']);
  });

  it("refuses to issue in another administration's name", async () => {
    const nl = await demoOrganisationId(t.ctx, 'nl');
    const ke = await demoOrganisationId(t.ctx, 'ke');
    const programme = await ensureDemoProgramme(t.ctx, nl);
    const error = await failure(
      inTransaction(t.ctx.db, (tx) =>
        issueCertificate(t.ctx, tx, person(ke, ['admin']), {
          applicationId: '00000000-0000-4000-8000-000000000000',
          programmeId: programme.id,
          holderId: nl,
          category: 'F',
          validFrom: new Date(),
        }),
      ),
    );
    expect(error.code).toBe('NOT_FOUND');
  });
});

describe('setCertificateStatus', () => {
  it('suspends, reinstates and revokes with an audit entry each; revocation is final', async () => {
    const cert = await issueDemoCertificate(t.ctx);
    const nl = cert.administrationId;
    const set = (status: 'active' | 'suspended' | 'revoked', actor: Actor = person(nl, ['aeo_validator'])) =>
      inTransaction(t.ctx.db, (tx) =>
        setCertificateStatus(tx, actor, { certificate: cert.aeoId, status, reason: 'r' }),
      );
    expect((await set('suspended')).status).toBe('suspended');
    expect((await failure(set('suspended'))).code).toBe('INVALID_STATE');
    expect((await set('active')).status).toBe('active');
    expect((await set('revoked')).status).toBe('revoked');
    expect((await failure(set('active'))).code).toBe('INVALID_STATE');
    expect((await getPublicCertificate(t.ctx.db, cert.aeoId)).status).toBe('revoked');

    const ke = await demoOrganisationId(t.ctx, 'ke');
    expect((await failure(set('suspended', person(ke, ['admin'])))).code).toBe('NOT_FOUND');
    const audit = await t.database.query<{ action: string }>(
      'select action from audit_log where subject_id = $1 order by seq',
      [cert.id],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'aeo.certificate.issued',
      'aeo.certificate.suspended',
      'aeo.certificate.reinstated',
      'aeo.certificate.revoked',
    ]);
  });

  it('needs a reason', async () => {
    const cert = await issueDemoCertificate(t.ctx);
    const error = await failure(
      inTransaction(t.ctx.db, (tx) =>
        setCertificateStatus(tx, system, { certificate: cert.id, status: 'suspended', reason: '  ' }),
      ),
    );
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toContain('reason');
  });
});

describe('signing key management', () => {
  it('is for the administration’s own administrators', async () => {
    const nl = await demoOrganisationId(t.ctx, 'nl');
    const ke = await demoOrganisationId(t.ctx, 'ke');
    const rotate = (actor: Actor) => inTransaction(t.ctx.db, (tx) => rotateSigningKey(t.ctx, tx, actor, nl));
    expect((await failure(rotate(person(nl, ['aeo_validator'])))).code).toBe('FORBIDDEN');
    expect((await failure(rotate(person(ke, ['admin'])))).code).toBe('NOT_FOUND');
    expect((await rotate(person(nl, ['admin']))).kid).toMatch(/^[\w-]{43}$/);
  });
});

describe('certificate PDF', () => {
  it('renders one A4 page carrying the verification link with the credential', async () => {
    const cert = await issueDemoCertificate(t.ctx);
    const bytes = await renderCertificatePdf(t.ctx.db, {
      aeoId: cert.aeoId,
      baseUrl: 'https://aeolus.example/',
    });
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getTitle()).toBe(`AEO certificate ${cert.aeoId}`);
    expect(verificationUrl('https://aeolus.example/', cert.aeoId, cert.credential)).toBe(
      `https://aeolus.example/verify/${cert.aeoId}?c=${cert.credential}`,
    );
  });

  it('is NOT_FOUND for an unknown AEO', async () => {
    const error = await failure(
      renderCertificatePdf(t.ctx.db, { aeoId: 'NLAEOF999999', baseUrl: 'http://x' }),
    );
    expect(error.code).toBe('NOT_FOUND');
  });
});
