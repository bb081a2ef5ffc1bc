import type { Rule, RuleCondition, RuleSet } from '@aeolus/contracts';
import { describe, expect, it } from 'vitest';
import { generateConsignments } from '../demo/consignments.js';
import { evaluateReference } from '../reference/reference.js';
import { checkRuleSet } from './check.js';
import { compileRuleSet } from './compile.js';
import { comparisons, descriptionIndex, hsIndex } from './item-index.js';

/**
 * The item indexes hold 32 HS prefix lists or 31 description patterns per word; rule sets with more need
 * several words. These rule sets have more than two words' worth of each, and the compiled engine must still
 * agree with the reference on every consignment.
 */
const CHAPTERS = Array.from({ length: 97 }, (_, i) => String(i + 1).padStart(2, '0')).filter(
  (c) => c !== '77',
);
const WORDS = [
  'cotton',
  'knitted',
  'trousers',
  'leather',
  'footwear',
  'mobile',
  'phones',
  'laptop',
  'computers',
  'wooden',
  'furniture',
  'fresh',
  'bananas',
  'coffee',
  'beans',
  'brake',
  'parts',
  'plastic',
  'household',
  'towelling',
  'toys',
  'skin',
  'care',
  'valves',
  'steel',
  'porcelain',
  'wine',
  'bottles',
  'handbags',
  'medicaments',
  'processors',
  'cartridges',
  'fireworks',
  'ketones',
  'cigarettes',
  'painting',
  'machine',
  'dual use',
  'batteries',
  'samples',
  'tramadol',
  'power bank',
  'lithium',
  'children',
  'industrial',
  'oil',
  'red',
  'bed',
  'measured',
  'doses',
  'integrated',
  'circuits',
  'rifles',
  'grade',
  'tobacco',
  'canvas',
  'thermal',
];

function rule(id: string, conditions: RuleCondition): Rule {
  return { id, name: id, rationale: 'Index width', weight: 1, conditions };
}

function wideRuleSet(): RuleSet {
  const rules: Rule[] = [];
  CHAPTERS.slice(0, 70).forEach((chapter, i) => {
    const condition = { op: 'startsWith', field: 'item.hsCode', values: [chapter] } as const;
    rules.push(rule(`hs-any-${i}`, { op: 'anyItem', condition }));
    if (i % 3 === 0) rules.push(rule(`hs-all-${i}`, { op: 'allItems', condition }));
    if (i % 4 === 0) {
      rules.push(
        rule(`hs-list-${i}`, { op: 'startsWith', field: 'derived.hsCodes', values: [chapter, '85'] }),
      );
    }
  });
  WORDS.forEach((word, i) => {
    rules.push(rule(`desc-${i}`, { op: 'matches', field: 'derived.descriptions', keywords: [word] }));
    if (i % 2 === 0) {
      rules.push(
        rule(`item-desc-${i}`, {
          op: 'anyItem',
          condition: {
            op: 'all',
            conditions: [
              { op: 'matches', field: 'item.description', keywords: [word, 'parts'] },
              { op: 'startsWith', field: 'item.hsCode', values: [CHAPTERS[i]!] },
            ],
          },
        }),
      );
    }
  });
  // Word counts come from the same pass over the descriptions.
  rules.push(rule('few-words', { op: 'lte', field: 'derived.minDescriptionWords', value: 2 }));
  // Several patterns on one consignment-level text share one scan.
  for (const keyword of ['road', 'harbour', 'box', 'street']) {
    rules.push(
      rule(`line-${keyword}`, { op: 'matches', field: 'consignee.address.line', keywords: [keyword] }),
    );
  }
  return { id: 'wide', version: 1, status: 'draft', name: 'Wide', watchLists: [], rules, decisionTables: [] };
}

describe('item indexes wider than one word', () => {
  const ruleSet = wideRuleSet();

  it('need several words', () => {
    const checked = checkRuleSet(ruleSet, []);
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    const cmps = comparisons(checked.program);
    expect(hsIndex(cmps)!.words).toBeGreaterThanOrEqual(3);
    expect(descriptionIndex(cmps)!.words).toBeGreaterThanOrEqual(2);
  });

  it('give the reference evaluation on every consignment', () => {
    const compiled = compileRuleSet(ruleSet);
    const seen = new Set<string>();
    for (const { consignment, facts } of generateConsignments(1_500, 11)) {
      const result = compiled.evaluate(consignment, facts);
      expect(result).toEqual(evaluateReference(ruleSet, [], consignment, facts));
      for (const hit of result.fired) seen.add(hit.ruleId);
    }
    // Rules from the later words fire too, not only those in the first.
    expect([...seen].some((id) => /^hs-any-(3[2-9]|[4-6]\d)$/.test(id))).toBe(true);
    expect([...seen].some((id) => /^desc-(3[1-9]|[4-5]\d)$/.test(id))).toBe(true);
    expect(seen.has('line-road')).toBe(true);
    expect(seen.has('few-words')).toBe(true);
  });
});
