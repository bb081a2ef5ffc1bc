import type { DocumentRefusalReason } from '@aeolus/contracts';
import { AppError, type ErrorCode } from '../errors.js';

/**
 * The HTTP-facing code for each refusal. A file of a kind we do not take at all is 415; a file that is
 * of a kind we take but is broken, locked, unsafe or not what its name says is 422; size problems are
 * 400 (empty: the `file` field is invalid) and 413.
 */
const CODE_FOR: Record<DocumentRefusalReason, ErrorCode> = {
  EMPTY: 'VALIDATION_FAILED',
  TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  TYPE_MISMATCH: 'UNPROCESSABLE',
  CORRUPT: 'UNPROCESSABLE',
  ENCRYPTED: 'UNPROCESSABLE',
  UNSAFE_CONTENT: 'UNPROCESSABLE',
};

/**
 * A refused upload. `details.reason` is stable and machine-readable (clients translate it);
 * `details.problems` follows the shape of `AppError.validation` so forms can point at the file field.
 */
export function refuseDocument(
  reason: DocumentRefusalReason,
  message: string,
  extra: Record<string, unknown> = {},
): AppError {
  return new AppError(CODE_FOR[reason], message, {
    reason,
    ...extra,
    problems: [{ path: 'file', message }],
  });
}

/** "the file "x.pdf"" or "the file" — every message names the file when we know its name. */
export function fileLabel(declaredName: string | undefined): string {
  if (!declaredName) return 'The file';
  return `The file "${declaredName.length > 120 ? `${declaredName.slice(0, 117)}...` : declaredName}"`;
}

/** Sizes in a trader's units: "25 MB" rather than "26214400 bytes". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}
