/**
 * The slice of a pino logger the event workers use. The server passes Fastify's logger, so worker
 * lines carry the same format and redaction; tests pass a silent or capturing one.
 */
export interface EventLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

const noop = () => {};
export const silentLogger: EventLogger = { debug: noop, info: noop, warn: noop, error: noop };

export function errorMessage(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
    // fetch() reports "fetch failed" and hides the useful part (ECONNREFUSED, …) in `cause`.
    if (cause && (cause.code || cause.message)) return `${error.message}: ${cause.code ?? cause.message}`;
    return error.message;
  }
  return String(error);
}
