import type { RuleSet } from '@aeolus/contracts';
import { describe, expect, it } from 'vitest';
import { diffRuleSets, sameJson } from './rule-set-diff.js';

const rule = (id: string, weight = 10) => ({
  id,
  name: `Rule ${id}`,
  rationale: 'why',
  conditions: { op: 'exists' as const, field: 'dataset' },
  weight,
});
const base: RuleSet = {
  id: 'nl-demo',
  version: 1,
  status: 'published',
  name: 'NL',
  watchLists: ['denied-parties'],
  rules: [rule('a'), rule('b'), rule('c')],
  decisionTables: [],
};

describe('diff between rule-set versions', () => {
  it('finds nothing between a version and its copy as a draft', () => {
    expect(diffRuleSets(base, { ...structuredClone(base), version: 2, status: 'draft' }).isEmpty).toBe(true);
  });

  it('names added, removed and changed rules, with the parts that changed', () => {
    const next: RuleSet = {
      ...base,
      watchLists: ['denied-parties', 'watched-containers'],
      rules: [rule('a', 45), { ...rule('b'), enabled: false, minLane: 'red' }, rule('d')],
    };
    const diff = diffRuleSets(base, next);
    expect(diff.rules.added.map((r) => r.id)).toEqual(['d']);
    expect(diff.rules.removed.map((r) => r.id)).toEqual(['c']);
    expect(diff.rules.changed.map((c) => [c.after.id, c.parts])).toEqual([
      ['a', ['weight']],
      ['b', ['enabled', 'minLane']],
    ]);
    expect(diff.watchLists).toEqual({ added: ['watched-containers'], removed: [] });
    expect(diff.isEmpty).toBe(false);
  });

  it('treats a missing enabled flag as enabled and ignores key order', () => {
    const next: RuleSet = { ...base, rules: [{ ...rule('a'), enabled: true }, rule('b'), rule('c')] };
    expect(diffRuleSets(base, next).isEmpty).toBe(true);
    expect(sameJson({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 1, b: undefined })).toBe(true);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
  });
});
