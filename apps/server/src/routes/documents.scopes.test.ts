import { randomUUID } from 'node:crypto';
import { makePng } from '@aeolus/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from '../testing/multipart.js';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.js';

/**
 * Who may upload and read evidence (`documents:upload`, `documents:read`): operators and AEO
 * validators and administration admins, and API keys with the matching scope. Access to a document
 * follows access to what it is attached to; anything else is answered like a document that does not
 * exist (404), and a refused upload stores nothing.
 */
let t: TestApp;
let acme: TestClient;
let globex: TestClient;
let nlValidator: TestClient;
let keValidator: TestClient;
let acmeDoc: string;

async function orgId(name: string): Promise<string> {
  const [row] = await t.database.query<{ id: string }>('select id from organisations where name = $1', [
    name,
  ]);
  return row!.id;
}

/** An AEO application of Acme under the NL administration, made directly in the tables. */
async function acmeApplication(status: string): Promise<string> {
  const nl = await orgId('Netherlands Customs (demo)');
  await t.database.query(
    `insert into aeo_programmes (administration_id, name, categories, eligible_roles, validity, clocks, benefits)
     values ($1, '{"en":"AEO","fr":"OEA"}', '[]', '{}', '{"kind":"open_ended","reassessmentYears":3}', '{}', '[]')
     on conflict (administration_id) do nothing`,
    [nl],
  );
  const [programme] = await t.database.query<{ id: string }>(
    'select id from aeo_programmes where administration_id = $1',
    [nl],
  );
  const [application] = await t.database.query<{ id: string }>(
    `insert into aeo_applications (reference, programme_id, administration_id, operator_id, category, status)
     values ($1, $2, $3, $4, 'F', $5) returning id`,
    [`DOC-${randomUUID()}`, programme!.id, nl, acme.organisationId, status],
  );
  return application!.id;
}

const form = (type: string, id: string) =>
  multipart({ attachedToType: type, attachedToId: id }, { bytes: makePng(), fileName: 'evidence.png' });

async function upload(client: TestClient, type: string, id: string) {
  const body = form(type, id);
  return client.request('POST', '/api/documents', body.payload, body.headers);
}

async function counts() {
  const [row] = await t.database.query<{ n: string }>('select count(*) as n from documents');
  return Number(row!.n);
}

beforeAll(async () => {
  t = await createTestApp();
  acme = await t.signIn('trader@acme-logistics.example');
  globex = await t.signIn('trader@globex.example');
  nlValidator = await t.signIn('validator@nl.customs.example');
  keValidator = await t.signIn('validator@ke.customs.example');
  const res = await upload(acme, 'organisation', acme.organisationId);
  expect(res.statusCode, res.body).toBe(201);
  acmeDoc = res.json().id;
});
afterAll(() => t.close());

describe('documents: access', () => {
  it.each(['analyst@nl.customs.example', 'crisis@nl.customs.example', 'secretariat@wco.example'])(
    '%s (neither permission) gets 403 everywhere',
    async (email) => {
      const client = await t.signIn(email);
      const body = form('organisation', client.organisationId);
      const calls = [
        await client.request('POST', '/api/documents', body.payload, body.headers),
        await client.request(
          'GET',
          `/api/documents?attachedToType=organisation&attachedToId=${client.organisationId}`,
        ),
        await client.request('GET', `/api/documents/${acmeDoc}`),
        await client.request('GET', `/api/documents/${acmeDoc}/content`),
      ];
      for (const res of calls) expect(res.statusCode, res.body).toBe(403);
    },
  );

  it('another organisation’s evidence is a 404 like an unknown id, and cannot be uploaded to', async () => {
    for (const suffix of ['', '/content']) {
      const theirs = await globex.request('GET', `/api/documents/${acmeDoc}${suffix}`);
      const unknown = await globex.request('GET', `/api/documents/${randomUUID()}${suffix}`);
      expect(theirs.statusCode).toBe(404);
      expect(theirs.json().error.message).toBe(unknown.json().error.message);
    }
    const list = await globex.request(
      'GET',
      `/api/documents?attachedToType=organisation&attachedToId=${acme.organisationId}`,
    );
    expect(list.statusCode).toBe(404);
    const before = await counts();
    expect((await upload(globex, 'organisation', acme.organisationId)).statusCode).toBe(404);
    expect(await counts()).toBe(before);
  });

  it('evidence of an AEO case: the operator and its administration, nobody else', async () => {
    const application = await acmeApplication('submitted');
    const res = await upload(acme, 'aeo_application', application);
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    // The validator of the deciding administration sees it and adds evidence of its own.
    expect((await nlValidator.request('GET', `/api/documents/${id}`)).statusCode).toBe(200);
    expect((await upload(nlValidator, 'aeo_application', application)).statusCode).toBe(201);
    const list = await acme.request(
      'GET',
      `/api/documents?attachedToType=aeo_application&attachedToId=${application}`,
    );
    expect(list.json().items).toHaveLength(2);

    const before = await counts();
    for (const outsider of [keValidator, globex]) {
      expect((await outsider.request('GET', `/api/documents/${id}/content`)).statusCode).toBe(404);
      expect((await upload(outsider, 'aeo_application', application)).statusCode).toBe(404);
    }
    expect((await upload(acme, 'aeo_application', randomUUID())).statusCode).toBe(404);
    expect(await counts()).toBe(before);
  });

  it('a draft application’s evidence stays with the operator until it is submitted', async () => {
    const draft = await acmeApplication('draft');
    const res = await upload(acme, 'aeo_application', draft);
    expect(res.statusCode).toBe(201);
    expect((await nlValidator.request('GET', `/api/documents/${res.json().id}`)).statusCode).toBe(404);
    expect((await upload(nlValidator, 'aeo_application', draft)).statusCode).toBe(404);
  });

  it('API keys need documents:upload to upload and documents:read to read', async () => {
    const keyOf = async (scopes: string[]) => {
      const res = await acme.request('POST', '/api/api-keys', { name: `docs ${scopes.join(',')}`, scopes });
      expect(res.statusCode, res.body).toBe(201);
      return { authorization: `Bearer ${res.json().secret}` };
    };
    const uploader = await keyOf(['documents:upload']);
    const reader = await keyOf(['documents:read']);
    const body = form('organisation', acme.organisationId);
    const inject = (method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: Buffer) =>
      t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

    const created = await inject('POST', '/api/documents', { ...uploader, ...body.headers }, body.payload);
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect(
      (await inject('POST', '/api/documents', { ...reader, ...body.headers }, body.payload)).statusCode,
    ).toBe(403);
    expect((await inject('GET', `/api/documents/${id}`, reader)).statusCode).toBe(200);
    expect((await inject('GET', `/api/documents/${id}/content`, reader)).statusCode).toBe(200);
    expect((await inject('GET', `/api/documents/${id}`, uploader)).statusCode).toBe(403);
  });

  it('anonymous callers get 401, except on the public verification', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/documents/${acmeDoc}` })).statusCode).toBe(401);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/public/documents/verify',
      payload: { sha256: 'b'.repeat(64) },
    });
    expect(res.json()).toStrictEqual({ known: false, sha256: 'b'.repeat(64) });
  });
});
