import { ApiError } from '../../lib/api.js';

/**
 * Field-level problems by dotted path (`rules.3.weight`, `thresholds.red`), from the contract checked in the
 * browser or from the server's VALIDATION_FAILED answer, so each form shows a message beside its input.
 */
export type Problems = Record<string, string>;

export const pathOf = (path: readonly PropertyKey[]) => path.map(String).join('.');

/** The first problem per path of a failed contract check. */
export function contractProblems(
  error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] },
  prefix = '',
): Problems {
  const problems: Problems = {};
  for (const issue of error.issues) {
    const key = prefix + pathOf(issue.path);
    problems[key] ??= issue.message;
  }
  return problems;
}

/** The server's field problems (request location already stripped by ApiError). */
export function serverProblems(error: unknown): Problems {
  const problems: Problems = {};
  if (!(error instanceof ApiError)) return problems;
  for (const p of error.problems) problems[p.path] ??= p.message;
  return problems;
}

/** Problems under `prefix.` with the prefix removed (the rule being edited out of the whole rule set). */
export function problemsUnder(problems: Problems, prefix: string): Problems {
  const result: Problems = {};
  for (const [path, message] of Object.entries(problems)) {
    if (path === prefix) result[''] ??= message;
    else if (path.startsWith(`${prefix}.`)) result[path.slice(prefix.length + 1)] ??= message;
  }
  return result;
}

/** The first problem at `path` or below it (a condition's problem shown at the condition's editor). */
export function firstAt(problems: Problems, path: string): string | undefined {
  if (problems[path]) return problems[path];
  const key = Object.keys(problems).find((k) => k.startsWith(`${path}.`));
  return key ? problems[key] : undefined;
}
