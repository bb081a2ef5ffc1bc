import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { makeJpeg, makePdf, makePng } from '../testing/document-fixtures.js';
import { decideKind, declaredTypes, sniffKind } from './document-type.js';

const text = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

const pdf = await makePdf();

describe('sniffKind: the content decides', () => {
  it.each([
    ['a PDF', pdf, 'pdf'],
    [
      'a PDF behind a mail-gateway prefix',
      new Uint8Array(Buffer.concat([Buffer.from('X-Junk: 1\r\n'), pdf])),
      'pdf',
    ],
    ['a PNG', makePng(), 'png'],
    ['a JPEG', makeJpeg(), 'jpeg'],
    ['XML', text('<?xml version="1.0"?><a/>'), 'xml'],
    ['XML with a UTF-8 BOM and leading space', text('\uFEFF  <a/>'), 'xml'],
    [
      'UTF-16 XML',
      new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<a/>', 'utf16le')])),
      'xml',
    ],
    ['a JSON object', text(' {"a":1}'), 'json'],
    ['a JSON array', text('[1,2]'), 'json'],
    ['JSON that mentions %PDF- early', text('{"note":"%PDF-1.7"}'), 'json'],
  ] as const)('recognises %s', (_label, bytes, kind) => {
    expect(sniffKind(bytes)).toBe(kind);
  });

  it.each([
    ['plain text', text('hello')],
    ['a bare JSON number', text('42')],
    ['a ZIP (DOCX) file', Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00)],
    ['a GIF', text('GIF89a....')],
    ['a lone "<"', text('<')],
  ] as const)('does not recognise %s', (_label, bytes) => {
    expect(sniffKind(bytes)).toBeUndefined();
  });
});

describe('declaredTypes: what the name and MIME type claim', () => {
  it.each([
    ['report.PDF', undefined, [{ source: 'name', kind: 'pdf', label: '.pdf' }]],
    [
      'scan.jpeg',
      'image/jpg',
      [
        { source: 'name', kind: 'jpeg', label: '.jpeg' },
        { source: 'mime', kind: 'jpeg', label: 'image/jpg' },
      ],
    ],
    ['notes.docx', undefined, [{ source: 'name', kind: 'other', label: '.docx' }]],
    ['no-extension', 'application/octet-stream', []],
    [
      undefined,
      'application/vnd.wco.declaration+json; charset=utf-8',
      [{ source: 'mime', kind: 'json', label: 'application/vnd.wco.declaration+json' }],
    ],
    [undefined, 'image/svg+xml', [{ source: 'mime', kind: 'other', label: 'image/svg+xml' }]],
  ] as const)('%s / %s', (name, mime, expected) => {
    expect(declaredTypes(name, mime)).toEqual(expected);
  });
});

describe('decideKind: a name or MIME type that disagrees with the content is refused', () => {
  it('accepts content that matches its name and MIME type, or claims nothing', () => {
    expect(decideKind({ bytes: pdf, declaredName: 'a.pdf', declaredMime: 'application/pdf' })).toBe('pdf');
    expect(decideKind({ bytes: makePng(), declaredName: 'photo' })).toBe('png');
    expect(decideKind({ bytes: makeJpeg() })).toBe('jpeg');
  });

  it('refuses a .pdf that is not a PDF, naming both the name and what the content is', () => {
    const error = refusal(() => decideKind({ bytes: makePng(), declaredName: 'certificate.pdf' }));
    expect(error.code).toBe('UNPROCESSABLE');
    expect(error.message).toBe(
      'The file "certificate.pdf" is named as a PDF (.pdf) but its content is a PNG image. Rename the file or upload the right one.',
    );
    expect(error.details).toMatchObject({ reason: 'TYPE_MISMATCH', declared: '.pdf', detected: 'png' });
  });

  it('refuses a .pdf whose content is no accepted type at all', () => {
    const error = refusal(() => decideKind({ bytes: text('just text'), declaredName: 'invoice.pdf' }));
    expect(error.code).toBe('UNPROCESSABLE');
    expect(error.message).toContain('"invoice.pdf" is named as a PDF (.pdf) but its content is not a PDF');
    expect(error.details).toMatchObject({ reason: 'TYPE_MISMATCH', detected: null });
  });

  it('refuses content whose MIME type says otherwise', () => {
    const error = refusal(() => decideKind({ bytes: pdf, declaredName: 'scan', declaredMime: 'image/jpeg' }));
    expect(error.message).toBe(
      'The file "scan" was sent as image/jpeg but its content is a PDF. Rename the file or upload the right one.',
    );
  });

  it('refuses a real PDF renamed to a type we do not take', () => {
    const error = refusal(() => decideKind({ bytes: pdf, declaredName: 'contract.docx' }));
    expect(error.message).toContain('is named as a .docx file but its content is a PDF');
  });

  it('refuses content of no accepted type with 415', () => {
    const error = refusal(() => decideKind({ bytes: text('hello'), declaredName: 'notes.txt' }));
    expect(error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(error.status).toBe(415);
    expect(error.message).toBe(
      'The file "notes.txt" is not a type we accept: its content is not PDF, PNG, JPEG, XML or JSON.',
    );
  });
});
