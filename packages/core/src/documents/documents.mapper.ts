import type { Document, DocumentKind, DocumentSignature, DocumentSubjectType } from '@aeolus/contracts';
import type { DocumentRow } from './documents.repository.js';

/** Row → API type. `kind`, `attachedToType` and `signatures` were checked on the way in. */
export function toDocument(row: DocumentRow): Document {
  return {
    id: row.id,
    organisationId: row.organisationId,
    sha256: row.sha256,
    size: row.size,
    kind: row.kind as DocumentKind,
    mime: row.mime,
    originalName: row.originalName,
    pageCount: row.pageCount,
    signatures: row.signatures as DocumentSignature[],
    attachedToType: row.attachedToType as DocumentSubjectType,
    attachedToId: row.attachedToId,
    uploadedBy: row.uploadedBy,
    uploadedAt: row.createdAt.toISOString(),
  };
}
