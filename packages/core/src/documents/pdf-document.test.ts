import { PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { encryptPdf, makePdf } from '../testing/document-fixtures.js';
import { inspectPdf } from './pdf-document.js';

async function refusal(run: () => Promise<unknown>): Promise<AppError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the PDF to be refused');
}

const latin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
const DAMAGED = (problem: string) =>
  `The file "evidence.pdf" is a damaged PDF (${problem}). Open it in a PDF reader, save or export it again, and upload the new file.`;
const LOCKED =
  'The file "evidence.pdf" is a password-protected PDF. Password-protected PDFs cannot be accepted; remove the protection and upload again.';

describe('inspectPdf: readable PDFs', () => {
  it.each([1, 3])('counts %i page(s)', async (pages) => {
    const facts = await inspectPdf(await makePdf({ pages }), 'evidence.pdf');
    expect(facts).toEqual({ pageCount: pages, signatures: [] });
  });

  it('counts pages through a nested page tree', async () => {
    // pdf-lib writes a flat tree; nest it by hand: Pages -> [Pages -> [p1, p2], p3].
    const document = await PDFDocument.load(await makePdf({ pages: 3 }));
    const root = document.catalog.Pages();
    const kids = root.Kids();
    const inner = document.context.obj({ Type: 'Pages', Kids: [kids.get(0), kids.get(1)], Count: 2 });
    const innerRef = document.context.register(inner);
    root.set(PDFName.of('Kids'), document.context.obj([innerRef, kids.get(2)]));
    const facts = await inspectPdf(await document.save({ useObjectStreams: false }));
    expect(facts.pageCount).toBe(3);
  });
});

describe('inspectPdf: corrupt PDFs are refused with a clear error', async () => {
  const pdf = await makePdf();

  it.each([
    [
      'truncated in transfer',
      pdf.subarray(0, Math.floor(pdf.length / 2)),
      'it is incomplete: the end-of-file marker is missing',
    ],
    [
      'a header, garbage and an end marker',
      latin1(`%PDF-1.7\n${'garbage '.repeat(60)}\n%%EOF\n`),
      'its page list cannot be read',
    ],
    [
      'cut in the middle with an end marker pasted on',
      new Uint8Array(Buffer.concat([pdf.subarray(0, 600), Buffer.from('\n%%EOF\n')])),
      'its structure cannot be read',
    ],
  ])('%s', async (_label, bytes, problem) => {
    const error = await refusal(() => inspectPdf(bytes, 'evidence.pdf'));
    expect(error.code).toBe('UNPROCESSABLE');
    expect(error.details).toMatchObject({ reason: 'CORRUPT' });
    expect(error.message).toBe(DAMAGED(problem));
  });

  it('refuses a PDF with no pages', async () => {
    const empty = await (await PDFDocument.create()).save({ addDefaultPage: false });
    const error = await refusal(() => inspectPdf(empty, 'evidence.pdf'));
    expect(error.message).toBe(DAMAGED('it has no pages'));
  });

  it('refuses a page tree that loops back on itself instead of hanging', async () => {
    // pdf-lib cannot save such a tree (it walks it), so edit the saved bytes: the root lists itself.
    const pagesRef = (await PDFDocument.load(pdf)).catalog.get(PDFName.of('Pages'));
    if (!(pagesRef instanceof PDFRef)) throw new Error('fixture: page tree root is not a reference');
    const text = Buffer.from(pdf).toString('latin1');
    expect(text).toContain('/Kids [ ');
    const looped = latin1(text.replace('/Kids [ ', `/Kids [ ${pagesRef.objectNumber} 0 R `));
    const error = await refusal(() => inspectPdf(looped, 'evidence.pdf'));
    expect(error.message).toBe(DAMAGED('its page list cannot be read'));
  });
});

describe('inspectPdf: encrypted PDFs are refused', async () => {
  const pdf = await makePdf();

  it('with a user password (RC4-128, standard security handler)', async () => {
    const error = await refusal(async () => inspectPdf(await encryptPdf(pdf, 'secret'), 'evidence.pdf'));
    expect(error.code).toBe('UNPROCESSABLE');
    expect(error.details).toMatchObject({ reason: 'ENCRYPTED' });
    expect(error.message).toBe(LOCKED);
  });

  it('with an owner password only (opens without a prompt, content still encrypted)', async () => {
    const error = await refusal(async () => inspectPdf(await encryptPdf(pdf, ''), 'evidence.pdf'));
    expect(error.details).toMatchObject({ reason: 'ENCRYPTED' });
  });

  it('even when the encrypted file cannot be parsed at all', async () => {
    const bytes = latin1('%PDF-1.7\n1 0 obj <<\ntrailer\n<< /Root 1 0 R /Encrypt 9 0 R >>\n%%EOF\n');
    const error = await refusal(() => inspectPdf(bytes, 'evidence.pdf'));
    expect(error.details).toMatchObject({ reason: 'ENCRYPTED' });
  });
});
