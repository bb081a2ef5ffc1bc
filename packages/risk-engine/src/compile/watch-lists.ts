import type { WatchList } from '@aeolus/contracts';
import { normaliseListValue } from './ir.js';

export interface Problem {
  /** Dotted path in the rule-set JSON, like the API's field problems (`rules.3.conditions.field`). */
  path: string;
  message: string;
}

/**
 * Resolves the watch lists a rule set declares into sets of normalised entries, following `includes`.
 * A list that is declared but not provided, or an include cycle, is a compile error naming the lists
 * involved: a screening must never run against half a list.
 */
export function resolveWatchLists(
  declared: readonly string[],
  provided: readonly WatchList[],
  problems: Problem[],
): Map<string, ReadonlySet<string>> {
  const byName = new Map(provided.map((list) => [list.name, list]));
  const resolved = new Map<string, Set<string>>();
  const failed = new Set<string>();

  const resolve = (name: string, chain: string[], path: string): Set<string> | undefined => {
    const done = resolved.get(name);
    if (done) return done;
    if (failed.has(name)) return undefined;
    if (chain.includes(name)) {
      const cycle = [...chain.slice(chain.indexOf(name)), name].join(' -> ');
      problems.push({ path, message: `watch list "${name}" includes itself: ${cycle}` });
      for (const member of chain.slice(chain.indexOf(name))) failed.add(member);
      return undefined;
    }
    const list = byName.get(name);
    if (!list) {
      const via = chain.length > 0 ? ` (included by "${chain[chain.length - 1]}")` : '';
      problems.push({ path, message: `watch list "${name}"${via} was not provided to the compiler` });
      failed.add(name);
      return undefined;
    }
    const entries = new Set<string>();
    for (const entry of list.entries) entries.add(normaliseListValue(entry));
    for (const included of list.includes ?? []) {
      const inner = resolve(included, [...chain, name], path);
      if (!inner) {
        failed.add(name);
        return undefined;
      }
      for (const entry of inner) entries.add(entry);
    }
    resolved.set(name, entries);
    return entries;
  };

  declared.forEach((name, index) => {
    resolve(name, [], `watchLists.${index}`);
  });
  return resolved;
}
