import { z } from 'zod';
import { IsoDateTime } from './common.js';

/**
 * Paperless evidence (issue 3, item 5). The platform decides a document's type from its content, never
 * from its name; these are the kinds it accepts, PDF first.
 */
export const DOCUMENT_KINDS = ['pdf', 'png', 'jpeg', 'xml', 'json'] as const;
export const DocumentKind = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof DocumentKind>;

/** The one MIME type the platform serves each kind as (with `X-Content-Type-Options: nosniff`). */
export const DOCUMENT_MIME_TYPES = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  xml: 'application/xml',
  json: 'application/json',
} as const satisfies Record<DocumentKind, string>;

/** 25 MiB: a scanned multi-page certificate fits; the deployment may lower or raise it. */
export const DEFAULT_MAX_DOCUMENT_BYTES = 25 * 1024 * 1024;

/** Lower-case hex SHA-256: the document's identity in storage and in public verification. */
export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be a lower-case hex SHA-256 digest');
export type Sha256Hex = z.infer<typeof Sha256Hex>;

/**
 * The file name as the uploader's system gave it. Only used to check that the name agrees with the
 * content and to show it back; storage never uses it (content-addressed), so no path rules apply here.
 */
export const DocumentFileName = z
  .string()
  .trim()
  .min(1)
  .max(255)
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
  .regex(/^[^\u0000-\u001f\u007f]*$/, 'must not contain control characters');
export type DocumentFileName = z.infer<typeof DocumentFileName>;

/**
 * Machine-readable reason in `error.details.reason` when a document is refused, so that clients can
 * show their own (translated) message. Every refusal leaves nothing stored.
 */
export const DOCUMENT_REFUSAL_REASONS = [
  'EMPTY',
  'TOO_LARGE',
  'UNSUPPORTED_TYPE',
  'TYPE_MISMATCH',
  'CORRUPT',
  'ENCRYPTED',
  'UNSAFE_CONTENT',
] as const;
export const DocumentRefusalReason = z.enum(DOCUMENT_REFUSAL_REASONS);
export type DocumentRefusalReason = z.infer<typeof DocumentRefusalReason>;

/**
 * The platform checks the integrity of an embedded signature (the signed bytes are unchanged and the
 * signature over them verifies with the certificate it carries). It does not check the certificate
 * against a trust list, so a valid-looking signature says nothing about who the signer really is.
 */
export const SIGNATURE_TRUST_NOTE =
  'Integrity checked; signer identity not verified against a trust list.' as const;

export const SignatureTimeSource = z.enum(['signed-attribute', 'pdf-dictionary']);
export type SignatureTimeSource = z.infer<typeof SignatureTimeSource>;

export const DocumentSignature = z.object({
  /** Name of the PDF signature field (`/T`), when the signature is attached to one. */
  fieldName: z.string().nullable(),
  /** `/SubFilter` of the signature dictionary, e.g. `adbe.pkcs7.detached`, `ETSI.CAdES.detached`. */
  subFilter: z.string().nullable(),
  signerCommonName: z.string().nullable(),
  /** Claimed by the signer: from the signed `signingTime` attribute, else the PDF's `/M` entry. */
  signingTime: IsoDateTime.nullable(),
  signingTimeSource: SignatureTimeSource.nullable(),
  /** e.g. `SHA-256`; null when the signature could not be parsed far enough to tell. */
  digestAlgorithm: z.string().nullable(),
  /** The signed byte ranges are unchanged and the signature over them verifies. */
  intact: z.boolean(),
  /** The signed ranges cover the whole file apart from the signature itself (nothing appended later). */
  coversWholeDocument: z.boolean(),
  /** Why the signature is not intact; null when it is. */
  reason: z.string().nullable(),
  identityVerified: z.literal(false),
  note: z.literal(SIGNATURE_TRUST_NOTE),
});
export type DocumentSignature = z.infer<typeof DocumentSignature>;

export const DocumentInspection = z.object({
  kind: DocumentKind,
  mime: z.string(),
  size: z.number().int().positive(),
  sha256: Sha256Hex,
  /** PDFs only. */
  pageCount: z.number().int().positive().optional(),
  /** Embedded signatures (PDFs only; empty for other kinds). */
  signatures: z.array(DocumentSignature),
});
export type DocumentInspection = z.infer<typeof DocumentInspection>;
