/**
 * Real evidence files built in code for the documents tests (and later the upload API tests): nothing
 * binary is committed, and every fixture is produced by the same kind of tool a trader's would be.
 * - PDFs: pdf-lib.
 * - Encrypted PDF: @pdfsmaller/pdf-encrypt-lite applies the standard security handler (RC4-128, R3)
 *   to a pdf-lib PDF; pdf-lib cannot encrypt and no qpdf binary is available here.
 * - PNG and JPEG: assembled byte by byte (see makePng/makeJpeg).
 * Signed PDFs are in signature-fixtures.ts.
 */
import { crc32, deflateSync } from 'node:zlib';
import { encryptPDF } from '@pdfsmaller/pdf-encrypt-lite';
import { PDFDict, PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';

/** Literal text inside every fixture PDF's information dictionary. */
export const FIXTURE_MARKER = 'AEOLUS-FIXTURE-MARKER';

export async function makePdf(options: { pages?: number; title?: string } = {}): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(options.title ?? 'Evidence');
  // A literal (not hex) string, so tests can find and alter these exact bytes in the saved file.
  pdf.context
    .lookup(pdf.context.trailerInfo.Info, PDFDict)
    .set(PDFName.of('AeolusFixture'), PDFString.of(FIXTURE_MARKER));
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let p = 1; p <= (options.pages ?? 2); p += 1) {
    pdf.addPage([595, 842]).drawText(`Evidence page ${p}`, { x: 50, y: 780, size: 14, font });
  }
  // Classic cross-reference table, no object streams: the layout signing tools expect.
  return pdf.save({ useObjectStreams: false });
}

export function encryptPdf(pdf: Uint8Array, password = 'secret'): Promise<Uint8Array> {
  return encryptPDF(pdf, password);
}

function chunk(type: string, data: Uint8Array): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A 1x1 RGB PNG (ISO/IEC 15948): signature, IHDR, one zlib-compressed IDAT row, IEND. */
export function makePng(): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0); // width
  header.writeUInt32BE(1, 4); // height
  header.set([8, 2, 0, 0, 0], 8); // 8-bit, truecolour, deflate, adaptive filter, no interlace
  const row = Uint8Array.of(0, 0x1f, 0x6f, 0xb4); // filter type 0, then one RGB pixel
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(row)),
      chunk('IEND', new Uint8Array()),
    ]),
  );
}

/**
 * An 8x8 mid-grey baseline JPEG (ITU-T T.81). With a flat block every coefficient is zero after the
 * level shift, so one-symbol Huffman tables suffice: DC "difference category 0" and AC "end of block",
 * each coded as the single bit 0. The scan is therefore the bits 00, padded with ones: 0x3F.
 */
export function makeJpeg(): Uint8Array {
  const segment = (marker: number, body: number[]) => [
    0xff,
    marker,
    (body.length + 2) >> 8,
    (body.length + 2) & 0xff,
    ...body,
  ];
  const oneSymbolTable = (tableClassAndId: number) => [tableClassAndId, 1, ...new Array(15).fill(0), 0x00];
  return Uint8Array.from([
    0xff,
    0xd8, // SOI
    ...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0]), // APP0 JFIF
    ...segment(0xdb, [0x00, ...new Array(64).fill(1)]), // DQT: table 0, all ones
    ...segment(0xc0, [8, 0, 8, 0, 8, 1, 1, 0x11, 0]), // SOF0: 8 bits, 8x8, one component
    ...segment(0xc4, oneSymbolTable(0x00)), // DHT: DC table 0
    ...segment(0xc4, oneSymbolTable(0x10)), // DHT: AC table 0
    ...segment(0xda, [1, 1, 0x00, 0, 63, 0]), // SOS
    0x3f, // entropy-coded data
    0xff,
    0xd9, // EOI
  ]);
}

/**
 * Appends a classic incremental update (ISO 32000-2 §7.5.6) that replaces the document information
 * dictionary: what a PDF editor does when someone changes a signed file "without touching" the signature.
 */
export function appendIncrementalUpdate(pdf: Uint8Array, title = 'Changed after signing'): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const last = (pattern: RegExp) => [...text.matchAll(pattern)].at(-1)?.[1];
  const previousXref = last(/startxref\s+(\d+)/g);
  const root = last(/\/Root\s+(\d+\s+\d+\s+R)/g);
  const size = Number(last(/\/Size\s+(\d+)/g));
  if (!previousXref || !root || !size) throw new Error('fixture: not a classic-xref PDF');
  const body = `\n${size} 0 obj\n<< /Title (${title}) >>\nendobj\n`;
  const objectOffset = pdf.length + 1;
  const xrefOffset = pdf.length + body.length;
  const update =
    `${body}xref\n${size} 1\n${String(objectOffset).padStart(10, '0')} 00000 n \n` +
    `trailer\n<< /Size ${size + 1} /Root ${root} /Info ${size} 0 R /Prev ${previousXref} >>\n` +
    `startxref\n${xrefOffset}\n%%EOF\n`;
  return new Uint8Array(Buffer.concat([pdf, Buffer.from(update, 'latin1')]));
}

/** Offset of `needle` (latin1) in `bytes`; throws when absent so a test cannot silently do nothing. */
export function offsetOf(bytes: Uint8Array, needle: string, from = 0): number {
  const at = Buffer.from(bytes).indexOf(Buffer.from(needle, 'latin1'), from);
  if (at < 0) throw new Error(`fixture: "${needle}" not found`);
  return at;
}

export function withByte(bytes: Uint8Array, at: number, value: number): Uint8Array {
  const copy = new Uint8Array(bytes);
  copy[at] = value;
  return copy;
}
