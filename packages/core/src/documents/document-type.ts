import type { DocumentKind } from '@aeolus/contracts';
import { fileLabel, refuseDocument } from './document-refusal.js';
import { PNG_SIGNATURE } from './image-structure.js';
import { looksLikeXml } from './xml-structure.js';

/**
 * Type decisions are made on content only (issue 3: "a `.pdf` that is not a PDF is refused"). The
 * declared name and MIME type are claims; when either claims a type and the content is something else,
 * the upload is refused, because a mislabelled file is either a mistake the trader wants to know about
 * or an attempt to slip one kind of file past checks meant for another.
 */

const KIND_LABEL: Record<DocumentKind, string> = {
  pdf: 'a PDF',
  png: 'a PNG image',
  jpeg: 'a JPEG image',
  xml: 'an XML document',
  json: 'a JSON document',
};

const ACCEPTED = 'PDF, PNG, JPEG, XML or JSON';

const KIND_BY_EXTENSION: Record<string, DocumentKind> = {
  pdf: 'pdf',
  png: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  jpe: 'jpeg',
  jfif: 'jpeg',
  xml: 'xml',
  json: 'json',
};

const KIND_BY_MIME: Record<string, DocumentKind> = {
  'application/pdf': 'pdf',
  'application/x-pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'image/jpg': 'jpeg',
  'image/pjpeg': 'jpeg',
  'application/xml': 'xml',
  'text/xml': 'xml',
  'application/json': 'json',
  'text/json': 'json',
};

/** MIME types that claim nothing: what browsers and HTTP clients send when they do not know. */
const NO_CLAIM_MIME = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/unknown']);

/** What the name or the MIME type says the file is: a kind we accept, something else, or nothing. */
export type DeclaredType =
  | { source: 'name' | 'mime'; kind: DocumentKind; label: string }
  | { source: 'name' | 'mime'; kind: 'other'; label: string };

export function declaredTypes(declaredName?: string, declaredMime?: string): DeclaredType[] {
  const claims: DeclaredType[] = [];
  const extension = declaredName?.match(/\.([^./\\]+)$/)?.[1]?.toLowerCase();
  if (extension) {
    claims.push({ source: 'name', kind: KIND_BY_EXTENSION[extension] ?? 'other', label: `.${extension}` });
  }
  const mime = declaredMime?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!NO_CLAIM_MIME.has(mime)) {
    // Structured syntax suffixes (RFC 6839): application/vnd.x+json is JSON. SVG (image/svg+xml) is not
    // accepted as evidence: it is an active format (scripts) that would be served back to browsers.
    const kind =
      KIND_BY_MIME[mime] ??
      (mime.endsWith('+json') ? 'json' : mime.endsWith('+xml') && mime !== 'image/svg+xml' ? 'xml' : 'other');
    claims.push({ source: 'mime', kind, label: mime });
  }
  return claims;
}

const startsWith = (bytes: Uint8Array, prefix: Uint8Array | number[], at = 0): boolean =>
  prefix.every((b, k) => bytes[at + k] === b);

const PDF_HEADER = [...'%PDF-'].map((c) => c.charCodeAt(0));

/**
 * Acrobat finds `%PDF-` anywhere in the first 1024 bytes (ISO 32000-2 Annex H notes readers tolerate
 * leading junk), and so do we, so that a real PDF with a mail-gateway prefix is not refused.
 */
export function pdfHeaderOffset(bytes: Uint8Array): number {
  const limit = Math.min(bytes.length - PDF_HEADER.length, 1024);
  for (let at = 0; at <= limit; at += 1) if (startsWith(bytes, PDF_HEADER, at)) return at;
  return -1;
}

function looksLikeJson(bytes: Uint8Array): boolean {
  let at = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (at < bytes.length && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[at]!)) at += 1;
  // Only objects and arrays: a bare number or string is valid JSON but not an evidence document.
  return bytes[at] === 0x7b || bytes[at] === 0x5b;
}

/** The kind the content's signature points to, before any structural check; undefined if none. */
export function sniffKind(bytes: Uint8Array): DocumentKind | undefined {
  if (startsWith(bytes, PNG_SIGNATURE)) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  const pdfAt = pdfHeaderOffset(bytes);
  if (pdfAt === 0) return 'pdf';
  // A text document that merely mentions "%PDF-" near its start is still that text document.
  if (looksLikeJson(bytes)) return 'json';
  if (looksLikeXml(bytes)) return 'xml';
  return pdfAt > 0 ? 'pdf' : undefined;
}

/**
 * Decides the kind from the content and refuses the file when the content is none of the accepted
 * kinds, or when the declared name or MIME type says otherwise. The message names both sides.
 */
export function decideKind(input: {
  bytes: Uint8Array;
  declaredName?: string;
  declaredMime?: string;
}): DocumentKind {
  const detected = sniffKind(input.bytes);
  const claims = declaredTypes(input.declaredName, input.declaredMime);
  const who = fileLabel(input.declaredName);
  const describe = (claim: DeclaredType) =>
    claim.source === 'name'
      ? `is named as ${claim.kind === 'other' ? `a ${claim.label} file` : `${KIND_LABEL[claim.kind]} (${claim.label})`}`
      : `was sent as ${claim.label}`;
  const contradicting = claims.find((claim) => claim.kind !== detected);

  if (!detected) {
    const claimed = claims.find((claim) => claim.kind !== 'other');
    if (claimed) {
      throw refuseDocument(
        'TYPE_MISMATCH',
        `${who} ${describe(claimed)} but its content is not ${KIND_LABEL[claimed.kind]} (nor any other accepted type). Only ${ACCEPTED} files are accepted.`,
        { declared: claimed.label, detected: null },
      );
    }
    throw refuseDocument(
      'UNSUPPORTED_TYPE',
      `${who} is not a type we accept: its content is not ${ACCEPTED}.`,
      { detected: null },
    );
  }
  if (contradicting) {
    throw refuseDocument(
      'TYPE_MISMATCH',
      `${who} ${describe(contradicting)} but its content is ${KIND_LABEL[detected]}. Rename the file or upload the right one.`,
      { declared: contradicting.label, detected },
    );
  }
  return detected;
}
