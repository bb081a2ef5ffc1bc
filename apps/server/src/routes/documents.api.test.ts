import { createHash, randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { encryptPdf, makePdf, makePng, makeRsaSigner, makeSignedPdf } from '@aeolus/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MultipartFile, multipart } from '../testing/multipart.js';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.js';

/**
 * Paperless evidence over HTTP (issue 3, item 5): upload, inspect, store, download, verify by hash.
 * The document limit is lowered to 2 MiB so that "larger than the global 1 MiB body limit but allowed"
 * and "over the document limit" are both cheap to exercise.
 */
const MAX = 2 * 1024 * 1024;
let t: TestApp;
let trader: TestClient;
let storeDir: string;

beforeAll(async () => {
  t = await createTestApp({ DOCUMENTS_MAX_BYTES: String(MAX) });
  trader = await t.signIn('trader@acme-logistics.example');
  const store = t.config.documents.store;
  if (store.kind !== 'local') throw new Error('the tests use the local store');
  storeDir = store.dir;
});
afterAll(() => t.close());

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function filesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** Rows and stored files (temporary files included), to prove a refusal leaves nothing behind. */
async function stored() {
  const [row] = await t.database.query<{ n: string }>('select count(*) as n from documents');
  return { rows: Number(row!.n), files: (await filesIn(storeDir)).length };
}

function upload(client: TestClient, file: MultipartFile | MultipartFile[], fields?: Record<string, string>) {
  const form = multipart(
    fields ?? { attachedToType: 'organisation', attachedToId: client.organisationId },
    file,
  );
  return client.request('POST', '/api/documents', form.payload, form.headers);
}

describe('upload and download', () => {
  it('accepts a PDF: type by content, page count, SHA-256, audit and event', async () => {
    const pdf = await makePdf({ pages: 3, title: 'Security plan' });
    const before = await stored();
    const res = await upload(trader, {
      bytes: pdf,
      fileName: 'security plan.pdf',
      contentType: 'application/pdf',
    });
    expect(res.statusCode, res.body).toBe(201);
    const doc = res.json();
    expect(doc).toMatchObject({
      kind: 'pdf',
      mime: 'application/pdf',
      size: pdf.length,
      sha256: sha256(pdf),
      pageCount: 3,
      signatures: [],
      originalName: 'security plan.pdf',
      attachedToType: 'organisation',
      attachedToId: trader.organisationId,
      organisationId: trader.organisationId,
      uploadedBy: trader.userId,
    });
    expect(await stored()).toEqual({ rows: before.rows + 1, files: before.files + 1 });
    const [audit] = await t.database.query<{ action: string }>(
      `select action from audit_log where subject_id = $1`,
      [doc.id],
    );
    expect(audit?.action).toBe('document.uploaded');
    const [event] = await t.database.query<{ payload: { sha256: string } }>(
      `select payload from outbox_events where type = 'document.uploaded' and subject_id = $1`,
      [doc.id],
    );
    expect(event?.payload.sha256).toBe(sha256(pdf));

    const meta = await trader.request('GET', `/api/documents/${doc.id}`);
    expect(meta.json()).toEqual(doc);
    const list = await trader.request(
      'GET',
      `/api/documents?attachedToType=organisation&attachedToId=${trader.organisationId}`,
    );
    expect(list.json().items.map((d: { id: string }) => d.id)).toContain(doc.id);
  });

  it('reports an embedded signature as intact', async () => {
    const signed = await makeSignedPdf({ signer: makeRsaSigner('Acme Compliance Officer') });
    const res = await upload(trader, { bytes: signed, fileName: 'signed.pdf' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().signatures).toHaveLength(1);
    expect(res.json().signatures[0]).toMatchObject({
      intact: true,
      coversWholeDocument: true,
      signerCommonName: 'Acme Compliance Officer',
      identityVerified: false,
    });
  });

  it('downloads identical bytes, as an attachment that browsers will not render or sniff', async () => {
    const png = makePng();
    const doc = (await upload(trader, { bytes: png, fileName: 'stempel ü.png' })).json();
    const res = await trader.request('GET', `/api/documents/${doc.id}/content`);
    expect(res.statusCode).toBe(200);
    expect(Buffer.compare(res.rawPayload, Buffer.from(png))).toBe(0);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="stempel _.png"; filename*=UTF-8''${encodeURIComponent('stempel ü.png')}`,
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain('sandbox');
  });

  it('takes a file larger than the global body limit but within the document limit', async () => {
    const json = Buffer.from(JSON.stringify({ padding: 'x'.repeat(1536 * 1024) }));
    expect(json.length).toBeGreaterThan(t.config.bodyLimitBytes);
    const res = await upload(trader, { bytes: json, fileName: 'ledger.json' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().kind).toBe('json');
  });
});

describe('refusals leave nothing stored', () => {
  const cases: [string, number, string, () => Promise<MultipartFile>][] = [
    [
      'a PNG named .pdf',
      422,
      'TYPE_MISMATCH',
      async () => ({ bytes: makePng(), fileName: 'certificate.pdf' }),
    ],
    [
      'a text file',
      415,
      'UNSUPPORTED_TYPE',
      async () => ({ bytes: Buffer.from('notes\n'), fileName: 'notes.txt' }),
    ],
    [
      'a truncated PDF',
      422,
      'CORRUPT',
      async () => ({ bytes: (await makePdf()).slice(0, 400), fileName: 'broken.pdf' }),
    ],
    [
      'an encrypted PDF',
      422,
      'ENCRYPTED',
      async () => ({ bytes: await encryptPdf(await makePdf()), fileName: 'locked.pdf' }),
    ],
    ['a zero-byte file', 400, 'EMPTY', async () => ({ bytes: new Uint8Array(0), fileName: 'empty.pdf' })],
    [
      'a file 1 byte over the limit',
      413,
      'TOO_LARGE',
      async () => ({ bytes: Buffer.alloc(MAX + 1, 0x20), fileName: 'huge.json' }),
    ],
  ];
  it.each(cases)('%s → %i %s', async (_name, status, reason, make) => {
    const before = await stored();
    const res = await upload(trader, await make());
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().error.details.reason).toBe(reason);
    expect(res.json().error.details.problems[0].path).toBe('file');
    expect(res.json().error.message.length).toBeGreaterThan(20);
    expect(await stored()).toEqual(before);
  });

  it('refuses a declared length far over the limit before reading the body (413)', async () => {
    const before = await stored();
    const form = multipart(
      { attachedToType: 'organisation', attachedToId: trader.organisationId },
      {
        bytes: Buffer.alloc(MAX + 128 * 1024, 0x20),
        fileName: 'huge.json',
      },
    );
    const res = await trader.request('POST', '/api/documents', form.payload, form.headers);
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: { reason: 'TOO_LARGE' } });
    expect(await stored()).toEqual(before);
  });

  it('names the field for bad form input, and refuses a non-multipart body with 415', async () => {
    const pdf = await makePdf();
    const noFile = multipart({ attachedToType: 'organisation', attachedToId: trader.organisationId });
    const missing = await trader.request('POST', '/api/documents', noFile.payload, noFile.headers);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.problems).toEqual([{ path: 'file', message: 'is required' }]);

    const badType = await upload(trader, { bytes: pdf }, { attachedToType: 'invoice', attachedToId: 'x' });
    expect(badType.statusCode).toBe(400);
    expect(
      badType
        .json()
        .error.details.problems.map((p: { path: string }) => p.path)
        .sort(),
    ).toEqual(['attachedToId', 'attachedToType']);

    const two = await upload(trader, [{ bytes: pdf }, { bytes: pdf }]);
    expect(two.statusCode).toBe(400);
    expect(two.json().error.details.problems[0].path).toBe('file');

    const json = await trader.request('POST', '/api/documents', { attachedToType: 'organisation' });
    expect(json.statusCode).toBe(415);
    expect(json.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('removes the stored file again when the database refuses the row', async () => {
    await t.database.query(`create function refuse_document() returns trigger language plpgsql as
      $$ begin raise exception 'documents are read-only in this test'; end $$`);
    await t.database.query(
      'create trigger refuse_document before insert on documents for each row execute function refuse_document()',
    );
    try {
      const before = await stored();
      const res = await upload(trader, { bytes: await makePdf({ title: randomUUID() }), fileName: 'x.pdf' });
      expect(res.statusCode).toBe(500);
      expect(await stored()).toEqual(before);
    } finally {
      await t.database.query('drop trigger refuse_document on documents');
      await t.database.query('drop function refuse_document()');
    }
  });
});

describe('public verification by hash', () => {
  const verify = (payload: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/public/documents/verify',
      headers,
      payload: payload as string,
    });

  it('knows an uploaded document, by hash, by file and by raw bytes — and says nothing else', async () => {
    const pdf = await makePdf({ title: 'Verifiable' });
    const doc = (await upload(trader, { bytes: pdf, fileName: 'secret-name.pdf' })).json();
    const expected = { known: true, unchanged: true, sha256: sha256(pdf), uploadedAt: doc.uploadedAt };

    const byHash = await verify({ sha256: sha256(pdf) });
    expect(byHash.statusCode, byHash.body).toBe(200);
    expect(byHash.json()).toStrictEqual(expected);

    const form = multipart({}, { bytes: pdf, fileName: 'anything.pdf' });
    expect((await verify(form.payload, form.headers)).json()).toStrictEqual(expected);

    const raw = await verify(Buffer.from(pdf), { 'content-type': 'application/octet-stream' });
    expect(raw.json()).toStrictEqual(expected);
    expect(raw.body).not.toContain('secret-name');
    expect(raw.body).not.toContain(trader.organisationId);
  });

  it('answers an unknown or altered document with known: false only', async () => {
    const altered = await makePdf({ title: 'Never uploaded' });
    const res = await verify({ sha256: sha256(altered) });
    expect(res.json()).toStrictEqual({ known: false, sha256: sha256(altered) });
    const raw = await verify(Buffer.from(altered), { 'content-type': 'application/octet-stream' });
    expect(raw.json()).toStrictEqual({ known: false, sha256: sha256(altered) });
  });

  it('names the field for a malformed hash, and refuses an empty file', async () => {
    const bad = await verify({ sha256: 'ABC' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.problems[0].path).toBe('sha256');
    const extra = await verify({ sha256: 'a'.repeat(64), owner: 'x' });
    expect(extra.json().error.details.problems).toEqual([{ path: 'owner', message: 'is not a known field' }]);
    const empty = await verify(
      multipart({}, { bytes: new Uint8Array(0) }).payload,
      multipart({}, []).headers,
    );
    expect(empty.statusCode).toBe(400);
  });
});

describe('public verification is rate-limited per address', () => {
  it('answers 429 once the budget is spent', async () => {
    const limited = await createTestApp({ DOCUMENTS_VERIFY_RATE_LIMIT_PER_MINUTE: '2' });
    try {
      const call = () =>
        limited.app.inject({
          method: 'POST',
          url: '/api/public/documents/verify',
          payload: { sha256: 'c'.repeat(64) },
        });
      expect((await call()).statusCode).toBe(200);
      expect((await call()).statusCode).toBe(200);
      const third = await call();
      expect(third.statusCode).toBe(429);
      expect(third.json().error.code).toBe('RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });
});
