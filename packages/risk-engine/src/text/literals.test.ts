import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePattern, keywordsPattern } from './automaton.js';
import { literalPrefilter, requiredLiterals } from './literals.js';

describe('required literals', () => {
  it.each([
    ['\\b(p\\.?\\s?o\\.?\\s?box|postbus)\\b', ['box', 'postbus']],
    ['^\\s*(parts|spare parts|samples?)\\s*$', ['parts', 'sample']],
    ['p\\.?o\\.?', ['p.o', 'po']],
    ['colou?r', ['colour', 'color']],
    ['[0-9]{3}', undefined],
    ['a{2,3}b', undefined],
    ['.*', undefined],
  ])('%s', (pattern, expected) => {
    expect(requiredLiterals(pattern)).toEqual(expected);
  });

  it('keyword lists need one of their keywords', () => {
    expect(requiredLiterals(keywordsPattern(['Dual use', 'drone']))).toEqual(['dual', 'drone']);
    expect(requiredLiterals(keywordsPattern(['Tramadol', 'kratom']))).toEqual(['tramadol', 'kratom']);
  });

  it('never refuses a text the automaton matches', () => {
    const atom = fc.constantFrom(
      'a',
      'b',
      'o',
      'x',
      'ab',
      'box',
      ' ',
      '.',
      '-',
      '\\d',
      '\\s',
      '\\w',
      '[a-c]',
      '[^b]',
      'é',
      'K',
    );
    const quantified = fc
      .tuple(atom, fc.constantFrom('', '', '', '*', '+', '?', '{2}'))
      .map(([a, q]) =>
        q === '' || a.length === 1 || a.startsWith('\\') || a.startsWith('[') ? a + q : `(?:${a})${q}`,
      );
    const sequence = fc.array(quantified, { minLength: 1, maxLength: 5 }).map((parts) => parts.join(''));
    const pattern = fc
      .tuple(fc.array(sequence, { minLength: 1, maxLength: 3 }), fc.boolean())
      .map(([alts, bounded]) => (bounded ? `\\b(?:${alts.join('|')})\\b` : alts.join('|')));
    const text = fc
      .array(
        fc.constantFrom('a', 'A', 'b', 'B', 'o', 'O', 'x', 'X', ' ', '.', '-', '1', 'é', 'ſ', 'K', '\t'),
        {
          maxLength: 14,
        },
      )
      .map((chars) => chars.join(''));
    let filtered = 0;
    fc.assert(
      fc.property(pattern, fc.array(text, { minLength: 1, maxLength: 8 }), (source, texts) => {
        const prefilter = literalPrefilter(source);
        if (!prefilter) return;
        const matcher = compilePattern(source);
        for (const t of texts) {
          if (matcher.test(t)) expect(prefilter.test(t), `${source} on ${JSON.stringify(t)}`).toBe(true);
          else if (!prefilter.test(t)) filtered++;
        }
      }),
      { numRuns: 1500 },
    );
    // The prefilter does refuse texts (it is not a test that always says yes).
    expect(filtered).toBeGreaterThan(0);
  });
});
