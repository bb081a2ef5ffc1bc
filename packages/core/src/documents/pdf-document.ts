import type { DocumentSignature } from '@aeolus/contracts';
import {
  PDFArray,
  type PDFContext,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  type PDFObject,
  PDFRef,
  PDFString,
} from 'pdf-lib';
import { fileLabel, refuseDocument } from './document-refusal.js';
import { checkPdfSignature, type PdfSignatureEntry } from './pdf-signatures.js';

export interface PdfFacts {
  pageCount: number;
  signatures: DocumentSignature[];
}

const EOF_MARKER = Buffer.from('%%EOF', 'latin1');
/** A trailer that points at an encryption dictionary, by reference or inline (ISO 32000-2 §7.6.1). */
const ENCRYPT_ENTRY = /\/Encrypt\s*(?:\d+\s+\d+\s+R|<<)/;

const name = (value: string) => PDFName.of(value);

function lookup(context: PDFContext, value: PDFObject | undefined): PDFObject | undefined {
  return value instanceof PDFRef ? context.lookup(value) : value;
}

function text(value: PDFObject | undefined): string | null {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : null;
}

function date(value: PDFObject | undefined): Date | null {
  try {
    return value instanceof PDFString || value instanceof PDFHexString ? value.decodeDate() : null;
  } catch {
    return null;
  }
}

/**
 * Counts leaf pages by walking the page tree ourselves, with a visited set: a hostile file whose /Kids
 * point back up the tree is refused as corrupt instead of looping or exhausting the stack.
 */
function countPages(document: PDFDocument): number {
  const context = document.context;
  const root = lookup(context, document.catalog.get(name('Pages')));
  if (!(root instanceof PDFDict)) throw new Error('no page tree');
  const seen = new Set<PDFDict>();
  const pending: PDFDict[] = [root];
  let pages = 0;
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (seen.has(node)) throw new Error('page tree has a cycle');
    seen.add(node);
    const kids = lookup(context, node.get(name('Kids')));
    const type = lookup(context, node.get(name('Type')));
    if (kids instanceof PDFArray && type !== name('Page')) {
      for (let k = kids.size() - 1; k >= 0; k -= 1) {
        const kid = lookup(context, kids.get(k));
        if (!(kid instanceof PDFDict)) throw new Error('page tree has a broken entry');
        pending.push(kid);
      }
    } else if (type === name('Page') || type === undefined) {
      pages += 1;
    } else {
      throw new Error('page tree has a broken entry');
    }
  }
  return pages;
}

function fieldNameOf(context: PDFContext, field: PDFDict): string | null {
  // Fully qualified field name: partial names (/T) joined with "." up the /Parent chain (§12.7.4.2).
  const parts: string[] = [];
  const seen = new Set<PDFDict>();
  let node: PDFObject | undefined = field;
  while (node instanceof PDFDict && !seen.has(node)) {
    seen.add(node);
    const partial = text(lookup(context, node.get(name('T'))));
    if (partial !== null) parts.unshift(partial);
    node = lookup(context, node.get(name('Parent')));
  }
  return parts.length > 0 ? parts.join('.') : null;
}

function isSignatureDictionary(context: PDFContext, dict: PDFDict): boolean {
  const type = lookup(context, dict.get(name('Type')));
  const hasValue = dict.has(name('ByteRange')) && dict.has(name('Contents'));
  return hasValue && (type === name('Sig') || type === name('DocTimeStamp') || dict.has(name('Filter')));
}

function toEntry(context: PDFContext, dict: PDFDict, fieldName: string | null): PdfSignatureEntry {
  const subFilter = lookup(context, dict.get(name('SubFilter')));
  const rangeObject = lookup(context, dict.get(name('ByteRange')));
  let byteRange: number[] | null = null;
  if (rangeObject instanceof PDFArray) {
    const values = rangeObject.asArray().map((item) => lookup(context, item));
    if (values.every((v) => v instanceof PDFNumber))
      byteRange = values.map((v) => (v as PDFNumber).asNumber());
  }
  const contents = lookup(context, dict.get(name('Contents')));
  return {
    fieldName,
    subFilter: subFilter instanceof PDFName ? subFilter.decodeText() : null,
    byteRange,
    contents: contents instanceof PDFHexString || contents instanceof PDFString ? contents.asBytes() : null,
    claimedTime: date(lookup(context, dict.get(name('M')))),
  };
}

/** Every signature dictionary in the file, whether or not a form field points at it. */
function findSignatures(document: PDFDocument): PdfSignatureEntry[] {
  const context = document.context;
  const fieldBySignature = new Map<PDFDict, PDFDict>();
  const signatures = new Set<PDFDict>();
  for (const [, object] of context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    if (isSignatureDictionary(context, object)) signatures.add(object);
    if (lookup(context, object.get(name('FT'))) === name('Sig')) {
      const value = lookup(context, object.get(name('V')));
      if (value instanceof PDFDict && isSignatureDictionary(context, value)) {
        signatures.add(value);
        fieldBySignature.set(value, object);
      }
    }
  }
  return [...signatures]
    .map((dict) => {
      const field = fieldBySignature.get(dict);
      return toEntry(context, dict, field ? fieldNameOf(context, field) : null);
    })
    .sort((a, b) => signedEnd(a) - signedEnd(b));
}

function signedEnd(entry: PdfSignatureEntry): number {
  const range = entry.byteRange;
  return range && range.length === 4 ? range[2]! + range[3]! : Number.MAX_SAFE_INTEGER;
}

/**
 * Parses a PDF with pdf-lib: refuses encrypted and unreadable files, counts pages, and checks every
 * embedded signature. `ignoreEncryption: true` lets an encrypted file finish loading so that `isEncrypted`
 * can tell the trader what is wrong, instead of a generic parse failure; nothing is ever read from
 * encrypted content.
 */
export async function inspectPdf(bytes: Uint8Array, declaredName?: string): Promise<PdfFacts> {
  const who = fileLabel(declaredName);
  const corrupt = (problem: string) =>
    refuseDocument(
      'CORRUPT',
      `${who} is a damaged PDF (${problem}). Open it in a PDF reader, save or export it again, and upload the new file.`,
    );
  const encrypted = () =>
    refuseDocument(
      'ENCRYPTED',
      `${who} is a password-protected PDF. Password-protected PDFs cannot be accepted; remove the protection and upload again.`,
    );

  // ISO 32000-2 §7.5.5: the file ends with %%EOF; readers tolerate it within the last 1024 bytes. Its
  // absence is the mark of a file cut off in transfer.
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024)));
  if (tail.indexOf(EOF_MARKER) < 0) throw corrupt('it is incomplete: the end-of-file marker is missing');

  let document: PDFDocument;
  try {
    document = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
  } catch {
    // An encrypted file with compressed object streams can fail to parse at all; say "encrypted" then.
    // The entry sits in a trailer or a cross-reference stream dictionary, both uncompressed.
    if (ENCRYPT_ENTRY.test(Buffer.from(bytes).toString('latin1'))) throw encrypted();
    throw corrupt('its structure cannot be read');
  }
  if (document.isEncrypted) throw encrypted();

  let pageCount: number;
  try {
    pageCount = countPages(document);
  } catch {
    throw corrupt('its page list cannot be read');
  }
  if (pageCount === 0) throw corrupt('it has no pages');

  let entries: PdfSignatureEntry[];
  try {
    entries = findSignatures(document);
  } catch {
    throw corrupt('its signature fields cannot be read');
  }
  return { pageCount, signatures: entries.map((entry) => checkPdfSignature(bytes, entry)) };
}
