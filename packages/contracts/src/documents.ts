import { z } from 'zod';
import { IsoDateTime, Uuid } from './common.js';

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

/**
 * What a document can be attached to. Access to the document follows access to that subject:
 * - `organisation`: general evidence of the uploader's own organisation (only that organisation sees it);
 * - `aeo_application`: evidence in an AEO case, seen by the operator who applied and the administration
 *   that decides it.
 */
export const DOCUMENT_SUBJECT_TYPES = ['organisation', 'aeo_application'] as const;
export const DocumentSubjectType = z.enum(DOCUMENT_SUBJECT_TYPES);
export type DocumentSubjectType = z.infer<typeof DocumentSubjectType>;

/** The form fields of `POST /api/documents` (multipart/form-data, beside the one `file` part). */
export const UploadDocumentFields = z.strictObject({
  attachedToType: DocumentSubjectType,
  attachedToId: Uuid,
});
export type UploadDocumentFields = z.infer<typeof UploadDocumentFields>;

export const DocumentListQuery = UploadDocumentFields;
export type DocumentListQuery = z.infer<typeof DocumentListQuery>;

/** An accepted document's metadata: what the content turned out to be, and what it is attached to. */
export const Document = z.object({
  id: Uuid,
  organisationId: Uuid,
  sha256: Sha256Hex,
  size: z.number().int().positive(),
  kind: DocumentKind,
  mime: z.string(),
  originalName: z.string(),
  pageCount: z.number().int().positive().nullable(),
  signatures: z.array(DocumentSignature),
  attachedToType: DocumentSubjectType,
  attachedToId: Uuid,
  uploadedBy: Uuid.nullable(),
  uploadedAt: IsoDateTime,
});
export type Document = z.infer<typeof Document>;

export const DocumentList = z.object({ items: z.array(Document) });
export type DocumentList = z.infer<typeof DocumentList>;

/** `POST /api/public/documents/verify` with JSON: the holder computed the digest themselves. */
export const VerifyDocumentByHash = z.strictObject({ sha256: Sha256Hex });
export type VerifyDocumentByHash = z.infer<typeof VerifyDocumentByHash>;

/**
 * The public answer about a document, by hash. Deliberately nothing else: not who uploaded it, its name,
 * its kind or what it is attached to — holding a file must not reveal anything about the platform's
 * other users. `unchanged` and `uploadedAt` are present only when `known`.
 */
export const DocumentVerification = z.strictObject({
  known: z.boolean(),
  /**
   * The platform still holds the file stored under this digest (content-addressed: same digest, same
   * bytes; every read re-hashes it). False when a retention or erasure job has removed it since.
   */
  unchanged: z.boolean().optional(),
  sha256: Sha256Hex,
  /** When the platform first received these bytes. */
  uploadedAt: IsoDateTime.optional(),
});
export type DocumentVerification = z.infer<typeof DocumentVerification>;
