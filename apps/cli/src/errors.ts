import { AppError, ConfigError, type FieldProblem } from '@aeolus/core';

/** How a command names the fields of its input on the command line (`displayName` → `--name`). */
export type FieldOptions = Record<string, string>;

/**
 * One line that tells the operator what went wrong, without a stack trace: the AppError or ConfigError
 * message as the API would give it, the offending options by their command-line names, and for driver
 * errors (database unreachable, wrong password) the driver's own message.
 */
export function describeError(error: unknown, fields: FieldOptions = {}): string {
  if (error instanceof ConfigError) {
    // "Invalid configuration:\n  PORT: …\n  DATA_DIR: …" → one line.
    const [title, ...lines] = error.message.split('\n');
    return lines.length > 0 ? `${title} ${lines.map((l) => l.trim()).join('; ')}` : error.message;
  }
  if (error instanceof AppError) {
    const problems = (error.details as { problems?: FieldProblem[] } | undefined)?.problems;
    if (error.code === 'VALIDATION_FAILED' && problems && problems.length > 0) {
      return `Invalid input: ${problems.map((p) => `${optionName(p.path, fields)}: ${p.message}`).join('; ')}`;
    }
    return error.message;
  }
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    const cause = (error as { cause?: unknown }).cause;
    if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ETIMEDOUT') {
      return `Could not reach the database: ${firstLine(error.message)}`;
    }
    // drizzle wraps driver errors ("Failed query: …") and keeps the driver's error as the cause.
    if (cause instanceof Error && /^Failed query/.test(error.message)) return firstLine(cause.message);
    return firstLine(error.message) || error.name;
  }
  return String(error);
}

/** Turns zod issues into the field problems AppError.validation carries, so both render the same way. */
export function zodProblems(error: {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}): FieldProblem[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

function optionName(path: string, fields: FieldOptions): string {
  const [head = ''] = path.split('.');
  return fields[path] ?? fields[head] ?? (path || 'input');
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0]!.trim();
}
