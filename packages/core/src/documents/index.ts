export { createDocumentStore } from './create-document-store.js';
export { type DocumentStore, documentKey, type StoredDocument } from './document-store.js';
export { declaredTypes, sniffKind } from './document-type.js';
export {
  type DocumentsContext,
  documentTooLarge,
  getDocument,
  getDocumentContent,
  listDocuments,
  type UploadDocument,
  uploadDocument,
  type VerifyDocument,
  verifyDocument,
} from './documents.service.js';
export {
  type AcceptedDocument,
  acceptDocument,
  type InspectDocument,
  inspectDocument,
} from './inspect-document.js';
export { LocalDocumentStore } from './local-document-store.js';
export { S3DocumentStore, type S3DocumentStoreOptions, type S3ObjectClient } from './s3-document-store.js';
export { type AwsS3ObjectClientOptions, createAwsS3ObjectClient } from './s3-object-client.js';
