/**
 * PostgreSQL text and `jsonb` cannot hold U+0000. Input is checked for it before it reaches the driver, so
 * that the client reads which field is wrong instead of a failed statement: the API refuses it per request
 * (the error plugin's hook), a filing per consignment (`validateConsignments`).
 */
export interface NulProblem {
  path: string;
  message: string;
}

/** Whether any string (value or key) contains U+0000: the common answer is no, found without paths. */
export function hasNulCharacter(root: unknown): boolean {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return true;
    } else if (value && typeof value === 'object') {
      for (const key in value) {
        if (!Object.hasOwn(value, key)) continue;
        if (key.includes('\u0000')) return true;
        stack.push((value as Record<string, unknown>)[key]);
      }
    }
  }
  return false;
}

/**
 * Paths (dotted, under `where`; '' for the root itself) of strings, values or keys, that contain U+0000;
 * iterative, as bodies can nest deeply. Paths are built only for input that has one: every consignment of
 * every filing passes through here.
 */
export function nulCharacterProblems(root: unknown, where = '', limit = 20): NulProblem[] {
  if (!hasNulCharacter(root)) return [];
  const problems: NulProblem[] = [];
  const stack: [unknown, string][] = [[root, where]];
  while (stack.length > 0 && problems.length < limit) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) problems.push({ path, message: 'must not contain the NUL character' });
    } else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (key.includes('\u0000')) problems.push({ path, message: 'has a key with the NUL character' });
        stack.push([child, path ? `${path}.${key}` : key]);
      }
    }
  }
  return problems;
}
