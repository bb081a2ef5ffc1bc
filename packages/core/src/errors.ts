/**
 * The one error type that business code throws. The server's error handler maps `code` to an HTTP
 * status (see `httpStatusFor`) and renders `{ error: { code, message, details, requestId } }`.
 * Every code is listed here so that the API documentation and the clients can rely on the set.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CSRF_TOKEN_INVALID: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_STATE: 409,
  IDEMPOTENCY_CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  TOO_MANY_ATTEMPTS: 429,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  NOT_CONFIGURED: 501,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface FieldProblem {
  /** Dotted path of the offending field, e.g. `memberships.0.role`; empty for the whole body. */
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_CODES[this.code];
  }

  static validation(problems: FieldProblem[]): AppError {
    const fields = problems.map((p) => p.path || '(body)').join(', ');
    return new AppError('VALIDATION_FAILED', `Invalid input: ${fields}`, { problems });
  }

  static notFound(what: string): AppError {
    return new AppError('NOT_FOUND', `${what} not found`);
  }

  static forbidden(message = 'You are not allowed to do this'): AppError {
    return new AppError('FORBIDDEN', message);
  }

  /** A change the record's current status does not allow (409); the details name that status. */
  static invalidState(message: string, status: string): AppError {
    return new AppError('INVALID_STATE', message, { status });
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
