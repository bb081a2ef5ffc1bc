import { AppError, documentTooLarge } from '@aeolus/core';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';

/**
 * Reading evidence uploads (multipart/form-data). The whole file is buffered, because inspection (type by
 * content, PDF parsing, signature checks) needs every byte before anything is stored; the limits below
 * bound that buffer to the configured document size.
 */

/** Room for the multipart boundaries, part headers and the few small form fields around the file. */
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

export interface UploadedFile {
  bytes: Buffer;
  fileName?: string;
  mime?: string;
}

export interface MultipartUpload {
  fields: Record<string, string>;
  file?: UploadedFile;
}

const isMultipartType = (request: FastifyRequest) =>
  /^multipart\/form-data\s*;/i.test(request.headers['content-type'] ?? '');

/**
 * Fails before the body is read: a non-multipart upload is 415, and a declared length that cannot fit
 * the limit is 413 at once (the client learns it without sending 25 MB for nothing).
 */
export function refuseUnfitUpload(request: FastifyRequest, maxBytes: number, allowOctetStream = false) {
  const type = request.headers['content-type'] ?? '';
  if (!isMultipartType(request) && !(allowOctetStream && /^application\/(octet-stream|json)\b/i.test(type))) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      `Content-Type ${type.slice(0, 100) || '(none)'} is not accepted; send multipart/form-data with the file in a part named "file"`,
    );
  }
  const length = Number(request.headers['content-length'] ?? 0);
  if (Number.isFinite(length) && length > maxBytes + MULTIPART_OVERHEAD_BYTES) {
    throw documentTooLarge({ maxBytes });
  }
}

/** Reads the form: at most one file part, named `file`, and the named text fields. */
export async function readMultipart(
  request: FastifyRequest,
  options: { maxBytes: number; fieldNames: readonly string[] },
): Promise<MultipartUpload> {
  if (!request.isMultipart()) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send multipart/form-data with a part named "file"');
  }
  const fields: Record<string, string> = {};
  let file: UploadedFile | undefined;
  let fileName: string | undefined;
  try {
    const parts = request.parts({
      limits: {
        fileSize: options.maxBytes,
        files: 1,
        fields: options.fieldNames.length,
        // One spare part, so that a second file is reported as such rather than as "too many parts".
        parts: options.fieldNames.length + 2,
        fieldNameSize: 100,
        fieldSize: 1024,
        headerPairs: 20,
      },
    });
    for await (const part of parts) {
      if (part.type === 'file') {
        fileName = part.filename || undefined;
        if (part.fieldname !== 'file') {
          part.file.resume();
          throw AppError.validation([
            { path: part.fieldname, message: 'send the file in a part named "file"' },
          ]);
        }
        file = { bytes: await part.toBuffer(), fileName, mime: part.mimetype || undefined };
      } else {
        if (part.valueTruncated) {
          throw AppError.validation([{ path: part.fieldname, message: 'is longer than 1024 characters' }]);
        }
        fields[part.fieldname] = String(part.value);
      }
    }
  } catch (error) {
    throw translateMultipartError(error, {
      fileName,
      maxBytes: options.maxBytes,
      fieldNames: options.fieldNames,
    });
  }
  return { fields, ...(file ? { file } : {}) };
}

function translateMultipartError(
  error: unknown,
  context: { fileName?: string; maxBytes: number; fieldNames: readonly string[] },
): AppError {
  if (error instanceof AppError) return error;
  const code = (error as { code?: string }).code;
  const expected = [...context.fieldNames, 'file'].join(', ');
  switch (code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return documentTooLarge({ fileName: context.fileName, maxBytes: context.maxBytes });
    case 'FST_FILES_LIMIT':
      return AppError.validation([{ path: 'file', message: 'send exactly one file per request' }]);
    case 'FST_FIELDS_LIMIT':
    case 'FST_PARTS_LIMIT':
      return AppError.validation([{ path: '(body)', message: `has too many parts; send only ${expected}` }]);
    case 'FST_PROTO_VIOLATION':
      return AppError.validation([{ path: '(body)', message: 'has a field name that is not allowed' }]);
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send multipart/form-data with a part named "file"');
    default:
      // Busboy's own parse errors (no boundary, truncated body, malformed part headers) are the client's.
      return new AppError('BAD_REQUEST', `The multipart body is malformed: ${(error as Error).message}`);
  }
}

/** Checks the text fields against their contract, naming each offending field. */
export function parseFields<T extends z.ZodType>(schema: T, fields: unknown): z.infer<T> {
  const parsed = schema.safeParse(fields);
  if (parsed.success) return parsed.data;
  throw AppError.validation(
    parsed.error.issues.flatMap((issue) => {
      const keys = (issue as { keys?: string[] }).keys;
      if (issue.code === 'unrecognized_keys' && keys) {
        return keys.map((k) => ({ path: k, message: 'is not a known field' }));
      }
      return [{ path: issue.path.join('.') || '(body)', message: issue.message }];
    }),
  );
}
