import { inflateSync } from 'node:zlib';
import { inTransaction, setCertificateStatus, systemActor } from '@aeolus/core';
import { ensureDemoProgramme, issueDemoCertificate } from '@aeolus/core/testing';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let aeoId: string;
let credential: string;
let keyId: string;
let programme: Awaited<ReturnType<typeof ensureDemoProgramme>>;

beforeAll(async () => {
  t = await createTestApp();
  const cert = await issueDemoCertificate(t.ctx);
  ({ aeoId, credential, keyId } = cert);
  programme = await ensureDemoProgramme(t.ctx, cert.administrationId);
});
afterAll(() => t.close());

/** Every call here is anonymous: no cookie, no API key. */
const call = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
  t.app.inject({ method, url, ...(payload === undefined ? {} : { payload: payload as object }) });

/** The text drawn on the page: pdf-lib writes it as hex strings inside Flate-compressed streams. */
function pageText(pdf: Buffer): string {
  const text: string[] = [];
  for (const match of pdf.toString('latin1').matchAll(/stream\r?\n([\s\S]*?)endstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(match[1]!, 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    for (const hex of content.matchAll(/<([0-9A-F]+)> Tj/g))
      text.push(Buffer.from(hex[1]!, 'hex').toString('latin1'));
  }
  return text.join('\n');
}

const problemPaths = (body: { error: { details?: { problems?: { path: string }[] } } }) =>
  body.error.details?.problems?.map((p) => p.path) ?? [];

describe('GET /.well-known/jwks.json', () => {
  it('publishes the signing keys, cacheable for five minutes', async () => {
    const res = await call('GET', '/.well-known/jwks.json');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    expect(res.json().keys).toContainEqual(
      expect.objectContaining({ kid: keyId, kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' }),
    );
    expect(res.body).not.toMatch(/"d"\s*:/);
  });
});

describe('GET /api/public/aeo/:aeoId', () => {
  it('shows the register entry to anyone', async () => {
    const res = await call('GET', `/api/public/aeo/${aeoId}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toEqual({
      aeoId,
      holder: 'Acme Logistics B.V.',
      country: 'NL',
      programme: programme.name.en,
      category: programme.categories.find((c) => c.code === 'F')!.name.en,
      status: 'active',
      validFrom: expect.any(String),
    });
  });

  it('is 404 for an identifier never issued', async () => {
    const res = await call('GET', '/api/public/aeo/NLAEOF999999');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });

  it.each(['garbage', 'nlaeof000001', 'NLAEOF00001', `NL${'A'.repeat(30)}000001`, "NL' or 1=1"])(
    'is 400 naming aeoId for %j',
    async (bad) => {
      const res = await call('GET', `/api/public/aeo/${encodeURIComponent(bad)}`);
      expect(res.statusCode).toBe(400);
      expect(problemPaths(res.json())).toContain('params.aeoId');
    },
  );
});

describe('POST /api/public/aeo/verify', () => {
  it('says valid for a genuine active credential, then suspended at once after suspension', async () => {
    const cert = await issueDemoCertificate(t.ctx, { holder: 'tulip', category: 'S' });
    const ok = await call('POST', '/api/public/aeo/verify', { credential: cert.credential });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({
      valid: true,
      status: 'active',
      aeoId: cert.aeoId,
      issuer: {
        id: `urn:aeolus:administration:${cert.administrationId}`,
        name: 'Netherlands Customs (demo)',
      },
    });
    await inTransaction(t.ctx.db, (tx) =>
      setCertificateStatus(tx, systemActor('test'), {
        certificate: cert.aeoId,
        status: 'suspended',
        reason: 'x',
      }),
    );
    const after = await call('POST', '/api/public/aeo/verify', { credential: cert.credential });
    expect(after.json()).toMatchObject({
      valid: false,
      status: 'suspended',
      reason: 'certificate suspended',
    });
    expect((await call('GET', `/api/public/aeo/${cert.aeoId}`)).json().status).toBe('suspended');
  });

  it('answers valid:false (not an error) for a tampered credential', async () => {
    const [h, p] = credential.split('.');
    const res = await call('POST', '/api/public/aeo/verify', { credential: `${h}.${p}.${'A'.repeat(86)}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      valid: false,
      status: null,
      reason: expect.stringMatching(/signature/),
    });
  });

  it.each([
    ['no body field', {}],
    ['a number', { credential: 42 }],
    ['not a JWS', { credential: 'hello world' }],
    ['two segments', { credential: 'abc.def' }],
    ['an oversized value', { credential: `${'a'.repeat(20_000)}.b.c` }],
  ])('is 400 naming credential for %s', async (_name, body) => {
    const res = await call('POST', '/api/public/aeo/verify', body);
    expect(res.statusCode).toBe(400);
    expect(problemPaths(res.json())).toContain('body.credential');
  });

  it('is 400 for an unknown field', async () => {
    const res = await call('POST', '/api/public/aeo/verify', { credential, extra: 1 });
    expect(res.statusCode).toBe(400);
  });
});

describe('GET /api/public/aeo/:aeoId/certificate.pdf', () => {
  it('serves the PDF certificate, its QR link on the request origin', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/public/aeo/${aeoId}/certificate.pdf`,
      headers: { host: 'verify.example:8443' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`inline; filename="AEO-${aeoId}.pdf"`);
    const pdf = await PDFDocument.load(res.rawPayload);
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getTitle()).toBe(`AEO certificate ${aeoId}`);
    // The printed verification address (beside the QR code) uses the origin the request came in on.
    expect(pageText(res.rawPayload)).toContain(`http://verify.example:8443/verify/${aeoId}`);
  });

  it('is 404 for an unknown AEO and 400 for garbage', async () => {
    expect((await call('GET', '/api/public/aeo/NLAEOF999999/certificate.pdf')).statusCode).toBe(404);
    expect((await call('GET', '/api/public/aeo/x/certificate.pdf')).statusCode).toBe(400);
  });
});
