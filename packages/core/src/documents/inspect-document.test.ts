import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_MAX_DOCUMENT_BYTES, DOCUMENT_REFUSAL_REASONS } from '@aeolus/contracts';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { encryptPdf, makeJpeg, makePdf, makePng } from '../testing/document-fixtures.js';
import { makeSignedPdf } from '../testing/signature-fixtures.js';
import { acceptDocument, type InspectDocument, inspectDocument } from './inspect-document.js';
import { LocalDocumentStore } from './local-document-store.js';

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function refusal(input: InspectDocument): Promise<AppError> {
  try {
    await inspectDocument(input);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the document to be refused');
}

const pdf = await makePdf({ pages: 3 });

describe('inspectDocument: accepted documents', () => {
  it('a PDF: kind, MIME, size, SHA-256 and page count', async () => {
    expect(
      await inspectDocument({ bytes: pdf, declaredName: 'certificate.pdf', declaredMime: 'application/pdf' }),
    ).toEqual({
      kind: 'pdf',
      mime: 'application/pdf',
      size: pdf.length,
      sha256: sha256(pdf),
      pageCount: 3,
      signatures: [],
    });
  });

  it('a signed PDF carries its signature report', async () => {
    const signed = await makeSignedPdf();
    const result = await inspectDocument({ bytes: signed, declaredName: 'signed.pdf' });
    expect(result.signatures).toHaveLength(1);
    expect(result.signatures[0]).toMatchObject({ intact: true, coversWholeDocument: true });
  });

  it.each([
    ['scan.png', makePng(), 'png', 'image/png'],
    ['photo.JPG', makeJpeg(), 'jpeg', 'image/jpeg'],
    [
      'declaration.xml',
      utf8('<?xml version="1.0"?><Declaration><Id>1</Id></Declaration>'),
      'xml',
      'application/xml',
    ],
    ['manifest.json', utf8('{"containers":[{"id":"MSCU1234565"}]}'), 'json', 'application/json'],
    ['no-extension', utf8('[1,2,3]'), 'json', 'application/json'],
  ] as const)('%s', async (declaredName, bytes, kind, mime) => {
    expect(await inspectDocument({ bytes, declaredName })).toEqual({
      kind,
      mime,
      size: bytes.length,
      sha256: sha256(bytes),
      signatures: [],
    });
  });
});

describe('inspectDocument: refusals a trader can act on', () => {
  it('a zero-byte file', async () => {
    const error = await refusal({ bytes: new Uint8Array(), declaredName: 'empty.pdf' });
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
    expect(error.message).toBe(
      'The file "empty.pdf" is empty (0 bytes). Choose the file again and upload it.',
    );
    expect(error.details).toMatchObject({
      reason: 'EMPTY',
      problems: [{ path: 'file', message: error.message }],
    });
  });

  it('a file over the configured limit, before any parsing', async () => {
    const error = await refusal({ bytes: pdf, declaredName: 'big.pdf', maxBytes: 1000 });
    expect(error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413 });
    expect(error.message).toMatch(
      /^The file "big\.pdf" is [\d.]+ KB, which is over the limit of 1000 bytes\./,
    );
    expect(error.details).toMatchObject({ reason: 'TOO_LARGE', size: pdf.length, maxBytes: 1000 });
  });

  it('a file over the default 25 MB limit', async () => {
    const error = await refusal({ bytes: new Uint8Array(DEFAULT_MAX_DOCUMENT_BYTES + 1) });
    expect(error.details).toMatchObject({ reason: 'TOO_LARGE', maxBytes: 25 * 1024 * 1024 });
    expect(error.message).toBe(
      'The file is 26,214,401 bytes, which is over the limit of 26,214,400 bytes. Reduce its size (for a scan, a lower resolution usually suffices) and upload it again.',
    );
  });

  it.each([
    [
      'a .pdf that is a PNG',
      { bytes: makePng(), declaredName: 'certificate.pdf' },
      'TYPE_MISMATCH',
      'is named as a PDF (.pdf) but its content is a PNG image',
    ],
    [
      'a .pdf that is plain text',
      { bytes: utf8('Dear customs'), declaredName: 'letter.pdf' },
      'TYPE_MISMATCH',
      'is named as a PDF (.pdf) but its content is not a PDF',
    ],
    [
      'a .png sent as a PDF',
      { bytes: makePng(), declaredMime: 'application/pdf' },
      'TYPE_MISMATCH',
      'was sent as application/pdf but its content is a PNG image',
    ],
    [
      'a text file',
      { bytes: utf8('hello'), declaredName: 'notes.txt' },
      'UNSUPPORTED_TYPE',
      'is not a type we accept',
    ],
    [
      'a truncated PDF',
      { bytes: pdf.subarray(0, 900), declaredName: 'cut.pdf' },
      'CORRUPT',
      'is a damaged PDF',
    ],
    ['invalid JSON', { bytes: utf8('{"a": 1,}'), declaredName: 'bad.json' }, 'CORRUPT', 'is not valid JSON'],
    [
      'XML with a DOCTYPE',
      {
        bytes: utf8('<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>'),
        declaredName: 'x.xml',
      },
      'UNSAFE_CONTENT',
      'contains a document type declaration',
    ],
    [
      'a damaged PNG',
      { bytes: makePng().subarray(0, 40), declaredName: 'cut.png' },
      'CORRUPT',
      'is a damaged PNG image',
    ],
  ] as const)('%s', async (_label, input, reason, text) => {
    const error = await refusal(input);
    expect(error.details).toMatchObject({ reason });
    expect(error.message).toContain(text);
  });

  it('an encrypted PDF', async () => {
    const error = await refusal({ bytes: await encryptPdf(pdf), declaredName: 'locked.pdf' });
    expect(error).toMatchObject({ code: 'UNPROCESSABLE', details: { reason: 'ENCRYPTED' } });
    expect(error.message).toContain('remove the protection and upload again');
  });
});

describe('acceptDocument: storage only after inspection passes', () => {
  let root: string;
  let store: LocalDocumentStore;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'aeolus-accept-'));
    store = new LocalDocumentStore(root);
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('stores an accepted document under its hash, once', async () => {
    const first = await acceptDocument(store, { bytes: pdf, declaredName: 'a.pdf' });
    expect(first.stored).toEqual({ sha256: sha256(pdf), size: pdf.length, created: true });
    expect(await store.get(first.inspection.sha256)).toEqual(pdf);
    const again = await acceptDocument(store, { bytes: pdf, declaredName: 'copy.pdf' });
    expect(again.stored.created).toBe(false);
  });

  it('leaves nothing stored when a document is refused', async () => {
    const refused: InspectDocument[] = [
      { bytes: new Uint8Array(), declaredName: 'empty.pdf' },
      { bytes: pdf, declaredName: 'big.pdf', maxBytes: 100 },
      { bytes: makePng(), declaredName: 'fake.pdf' },
      { bytes: pdf.subarray(0, 900), declaredName: 'cut.pdf' },
      { bytes: await encryptPdf(pdf), declaredName: 'locked.pdf' },
      { bytes: utf8('<!DOCTYPE a><a/>'), declaredName: 'x.xml' },
      { bytes: utf8('{"a":'), declaredName: 'bad.json' },
    ];
    for (const input of refused) {
      await expect(acceptDocument(store, input)).rejects.toBeInstanceOf(AppError);
    }
    expect(await readdir(root)).toEqual([]);
  });
});

describe('property: arbitrary bytes never crash inspection', () => {
  const prefixes = [
    '',
    '%PDF-1.7\n',
    '\x89PNG\r\n\x1a\n',
    '\xff\xd8\xff',
    '<',
    '<?xml version="1.0"?><a',
    '{',
    '[',
  ].map((p) => Buffer.from(p, 'latin1'));
  const suffixes = ['', '\n%%EOF\n', '</a>', '}'].map((s) => Buffer.from(s, 'latin1'));

  it('classifies or refuses with a documented AppError', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...prefixes),
        fc.uint8Array({ maxLength: 1024 }),
        fc.constantFrom(...suffixes),
        fc.option(fc.constantFrom('a.pdf', 'a.png', 'a.jpg', 'a.xml', 'a.json', 'a.bin'), { nil: undefined }),
        async (prefix, body, suffix, declaredName) => {
          const bytes = new Uint8Array(Buffer.concat([prefix, body, suffix]));
          try {
            const result = await inspectDocument({ bytes, declaredName });
            expect(result.size).toBe(bytes.length);
            expect(result.sha256).toBe(sha256(bytes));
          } catch (error) {
            expect(error).toBeInstanceOf(AppError);
            const reason = (error as AppError).details as { reason?: string };
            expect(DOCUMENT_REFUSAL_REASONS).toContain(reason.reason);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('survives random damage to real files, including signed PDFs', async () => {
    const originals = [
      pdf,
      await makeSignedPdf(),
      makePng(),
      makeJpeg(),
      utf8('<a b="1">x</a>'),
      utf8('{"a":[1]}'),
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...originals),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        fc.option(fc.nat(), { nil: undefined }),
        async (original, flips, cut) => {
          const bytes = new Uint8Array(original);
          for (const [at, value] of flips) bytes[at % bytes.length] = value;
          const damaged = cut === undefined ? bytes : bytes.subarray(0, cut % bytes.length);
          try {
            const result = await inspectDocument({ bytes: damaged });
            for (const signature of result.signatures) {
              expect(signature.intact || signature.reason !== null).toBe(true);
            }
          } catch (error) {
            expect(error).toBeInstanceOf(AppError);
            expect(DOCUMENT_REFUSAL_REASONS).toContain(
              ((error as AppError).details as { reason?: string }).reason,
            );
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
