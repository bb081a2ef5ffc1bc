import {
  Document,
  DocumentList,
  DocumentListQuery,
  DocumentVerification,
  ErrorBody,
  UploadDocumentFields,
  Uuid,
  VerifyDocumentByHash,
} from '@aeolus/contracts';
import {
  AppError,
  createDocumentStore,
  type DocumentsContext,
  getDocument,
  getDocumentContent,
  listDocuments,
  uploadDocument,
  verifyDocument,
} from '@aeolus/core';
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../plugins/auth.js';
import {
  MULTIPART_OVERHEAD_BYTES,
  parseFields,
  readMultipart,
  refuseUnfitUpload,
} from '../plugins/document-upload.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const uploadErrors = { ...errors, 413: ErrorBody, 415: ErrorBody, 422: ErrorBody };

/** RFC 6266: an ASCII fallback name plus the exact UTF-8 name (RFC 8187) for browsers that read it. */
function attachment(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * Paperless evidence (issue 3, item 5). Uploads are multipart/form-data (fields `attachedToType`,
 * `attachedToId`, one part `file`): browsers send it natively and one request carries the file with what
 * it belongs to. The multipart parser and the raw-bytes parser exist only inside this plugin, and only
 * these routes accept bodies up to DOCUMENTS_MAX_BYTES; the global body limit stays small.
 */
export async function documentRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { ctx, config } = app.services;
  const maxBytes = config.documents.maxBytes;
  const docs: DocumentsContext = {
    db: ctx.db,
    store: await createDocumentStore(config.documents.store),
    maxBytes,
  };
  const bodyLimit = maxBytes + MULTIPART_OVERHEAD_BYTES;
  await app.register(multipart, { limits: { fileSize: maxBytes, files: 1 } });
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit }, (_r, body, done) =>
    done(null, body),
  );

  app.post(
    '/api/documents',
    {
      config: { access: { action: 'documents:upload' } },
      bodyLimit,
      preParsing: async (request) => refuseUnfitUpload(request, maxBytes),
      schema: {
        tags: ['documents'],
        summary: 'Upload evidence (multipart/form-data: attachedToType, attachedToId, file)',
        description:
          'The type is decided by the content, not the name; corrupt, encrypted, empty, oversized and ' +
          'wrong-type files are refused (`error.details.reason`) and nothing is stored.',
        consumes: ['multipart/form-data'],
        response: { 201: Document, ...uploadErrors },
      },
    },
    async (request, reply) => {
      const form = await readMultipart(request, { maxBytes, fieldNames: ['attachedToType', 'attachedToId'] });
      const fields = parseFields(UploadDocumentFields, form.fields);
      if (!form.file) throw AppError.validation([{ path: 'file', message: 'is required' }]);
      const document = await uploadDocument(docs, actorOf(request), {
        ...fields,
        bytes: form.file.bytes,
        fileName: form.file.fileName,
        declaredMime: form.file.mime,
      });
      return reply.status(201).send(document);
    },
  );

  app.get(
    '/api/documents',
    {
      config: { access: { action: 'documents:read' } },
      schema: {
        tags: ['documents'],
        summary: 'Documents attached to an organisation or an AEO application',
        querystring: DocumentListQuery,
        response: { 200: DocumentList, ...errors },
      },
    },
    async (request) => ({ items: await listDocuments(docs, actorOf(request), request.query) }),
  );

  app.get(
    '/api/documents/:id',
    {
      config: { access: { action: 'documents:read' } },
      schema: {
        tags: ['documents'],
        summary: 'A document’s metadata: SHA-256, kind, pages, embedded signatures',
        params: z.object({ id: Uuid }),
        response: { 200: Document, ...errors },
      },
    },
    async (request) => getDocument(docs, actorOf(request), { id: request.params.id }),
  );

  app.get(
    '/api/documents/:id/content',
    {
      config: { access: { action: 'documents:read' } },
      schema: {
        tags: ['documents'],
        summary: 'Download a document (always as an attachment)',
        params: z.object({ id: Uuid }),
        produces: ['application/pdf', 'image/png', 'image/jpeg', 'application/xml', 'application/json'],
        response: { 200: z.any().describe('The file, byte for byte as uploaded'), ...errors },
      },
    },
    async (request, reply) => {
      const { document, bytes } = await getDocumentContent(docs, actorOf(request), { id: request.params.id });
      // Uploaded content is never rendered in our origin: forced download, no sniffing, and a sandbox
      // CSP in case a browser displays it anyway (an SVG or HTML disguised as evidence runs no script).
      return reply
        .header('content-type', document.mime)
        .header('content-disposition', attachment(document.originalName))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    },
  );

  app.post(
    '/api/public/documents/verify',
    {
      config: {
        access: { public: true },
        rateLimit: {
          max: config.documents.verifyRateLimitPerMinute,
          timeWindow: '1 minute',
          keyGenerator: (r) => `documents-verify:${r.ip}`,
        },
      },
      bodyLimit,
      preParsing: async (request) => refuseUnfitUpload(request, maxBytes, true),
      schema: {
        tags: ['documents'],
        summary: 'Is this document known to the platform and unchanged? (no account)',
        description:
          'Send `{ "sha256": "<hex>" }` as JSON, the file as multipart/form-data (part `file`) or the raw ' +
          'bytes as application/octet-stream. The answer says whether the platform knows these exact ' +
          'bytes and nothing else about them (no owner, no name).',
        consumes: ['application/json', 'multipart/form-data', 'application/octet-stream'],
        response: {
          200: DocumentVerification,
          400: ErrorBody,
          413: ErrorBody,
          415: ErrorBody,
          429: ErrorBody,
        },
      },
    },
    async (request) => {
      if (request.isMultipart()) {
        const form = await readMultipart(request, { maxBytes, fieldNames: [] });
        if (!form.file) throw AppError.validation([{ path: 'file', message: 'is required' }]);
        return verifyDocument(docs, { bytes: form.file.bytes });
      }
      if (/^application\/octet-stream/i.test(request.headers['content-type'] ?? '')) {
        return verifyDocument(docs, {
          bytes: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
        });
      }
      return verifyDocument(docs, parseFields(VerifyDocumentByHash, request.body ?? {}));
    },
  );
}
