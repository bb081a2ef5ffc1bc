import {
  DEFAULT_MAX_DOCUMENT_BYTES,
  DOCUMENT_MIME_TYPES,
  type DocumentInspection,
  type DocumentKind,
  type DocumentSignature,
} from '@aeolus/contracts';
import { AppError } from '../errors.js';
import { sha256Hex } from '../shared/crypto.js';
import { fileLabel, formatBytes, refuseDocument } from './document-refusal.js';
import type { DocumentStore, StoredDocument } from './document-store.js';
import { decideKind } from './document-type.js';
import { checkJpegStructure, checkPngStructure } from './image-structure.js';
import { checkJsonStructure } from './json-structure.js';
import { inspectPdf } from './pdf-document.js';
import { checkXmlStructure } from './xml-structure.js';

export interface InspectDocument {
  bytes: Uint8Array;
  /** The file name the uploader gave; a claim checked against the content, never trusted. */
  declaredName?: string;
  /** The Content-Type the uploader sent; a claim checked against the content, never trusted. */
  declaredMime?: string;
  /** Upper size limit in bytes; defaults to DEFAULT_MAX_DOCUMENT_BYTES (25 MiB). */
  maxBytes?: number;
}

/**
 * Decides what a file is from its content and checks that it is sound, or throws an AppError whose
 * `details.reason` says why it is refused (see DocumentRefusalReason). Pure: nothing is stored.
 */
export async function inspectDocument(input: InspectDocument): Promise<DocumentInspection> {
  const { bytes, declaredName, declaredMime } = input;
  const maxBytes = input.maxBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;
  if (!Number.isSafeInteger(maxBytes) || maxBytes <= 0) {
    throw new AppError('INTERNAL', 'The document size limit is misconfigured');
  }
  const who = fileLabel(declaredName);
  if (bytes.length === 0) {
    throw refuseDocument('EMPTY', `${who} is empty (0 bytes). Choose the file again and upload it.`);
  }
  if (bytes.length > maxBytes) {
    // Rounded, a file just over the limit would read "25 MB, over the limit of 25 MB": show bytes then.
    const exact = formatBytes(bytes.length) === formatBytes(maxBytes);
    const size = exact ? `${bytes.length.toLocaleString('en-GB')} bytes` : formatBytes(bytes.length);
    const limit = exact ? `${maxBytes.toLocaleString('en-GB')} bytes` : formatBytes(maxBytes);
    throw refuseDocument(
      'TOO_LARGE',
      `${who} is ${size}, which is over the limit of ${limit}. Reduce its size (for a scan, a lower resolution usually suffices) and upload it again.`,
      { size: bytes.length, maxBytes },
    );
  }

  const kind = decideKind({ bytes, declaredName, declaredMime });
  let pageCount: number | undefined;
  let signatures: DocumentSignature[] = [];
  switch (kind) {
    case 'pdf': {
      const facts = await inspectPdf(bytes, declaredName);
      pageCount = facts.pageCount;
      signatures = facts.signatures;
      break;
    }
    case 'png':
      checkPngStructure(bytes, declaredName);
      break;
    case 'jpeg':
      checkJpegStructure(bytes, declaredName);
      break;
    case 'xml':
      checkXmlStructure(bytes, declaredName);
      break;
    case 'json':
      checkJsonStructure(bytes, declaredName);
      break;
    default:
      kind satisfies never;
  }

  return {
    kind,
    mime: DOCUMENT_MIME_TYPES[kind satisfies DocumentKind],
    size: bytes.length,
    sha256: sha256Hex(bytes),
    ...(pageCount === undefined ? {} : { pageCount }),
    signatures,
  };
}

export interface AcceptedDocument {
  inspection: DocumentInspection;
  stored: StoredDocument;
}

/**
 * Inspects, then stores. Storage happens only after every check has passed, so a refused file leaves
 * nothing behind (issue 3: "refused with a clear error and leave nothing stored"). Because the store is
 * content-addressed and idempotent, accepting the same bytes twice stores them once.
 */
export async function acceptDocument(
  store: DocumentStore,
  input: InspectDocument,
): Promise<AcceptedDocument> {
  const inspection = await inspectDocument(input);
  const stored = await store.put(input.bytes);
  if (stored.sha256 !== inspection.sha256) {
    throw new AppError('INTERNAL', 'The document store returned a different digest than the inspection');
  }
  return { inspection, stored };
}
