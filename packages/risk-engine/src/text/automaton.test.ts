import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePattern, compilePatternSet, keywordsPattern, PatternTooComplexError } from './automaton.js';
import { PatternError } from './pattern-parser.js';

describe('safe patterns run by the automaton', () => {
  it.each([
    ['\\bgun\\b', ['a gun here', 'GUN'], ['gunpowder', 'shotgun']],
    ['^abc$', ['abc', 'ABC'], ['xabc', '']],
    ['a{2,3}b', ['aab', 'xaaaab'], ['ab']],
    ['[^a-z]x', ['1x', '-X'], ['ax', 'AX']],
    ['colou?r', ['color', 'COLOUR'], ['colr']],
    ['\\Bin\\B', ['pint'], ['in', 'inside']],
    ['(?:dual use|samples?)', ['free samples', 'DUAL USE goods'], ['sampl']],
    ['\\d{4}-\\d{2}', ['ref 2025-06'], ['2025-6']],
    ['p\\.?\\s?o\\.?\\s?box', ['P.O. Box 12', 'po box'], ['post box']],
  ])('%s', (pattern, hits, misses) => {
    const matcher = compilePattern(pattern);
    for (const text of hits) expect(matcher.test(text), text).toBe(true);
    for (const text of misses) expect(matcher.test(text), text).toBe(false);
  });

  it('agrees with the platform RegExp (case-insensitive) on random safe patterns and texts', () => {
    const atom = fc.oneof(
      fc.constantFrom(
        'a',
        'b',
        'c',
        ' ',
        '-',
        '.',
        '\\d',
        '\\w',
        '\\s',
        '\\W',
        '[a-c]',
        '[^b ]',
        '[A-Z0-9]',
        'é',
        'ß',
      ),
    );
    const quantified = fc
      .tuple(atom, fc.constantFrom('', '', '*', '+', '?', '{1,2}', '{2}'))
      .map(([a, q]) => a + q);
    const sequence = fc.array(quantified, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(''));
    const group = fc.oneof(
      sequence,
      fc.array(sequence, { minLength: 2, maxLength: 3 }).map((alts) => `(?:${alts.join('|')})`),
    );
    const pattern = fc
      .tuple(
        fc.boolean(),
        fc.boolean(),
        fc.array(group, { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        fc.boolean(),
      )
      .map(
        ([start, b1, parts, b2, end]) =>
          `${start ? '^' : ''}${b1 ? '\\b' : ''}${parts.join('')}${b2 ? '\\b' : ''}${end ? '$' : ''}`,
      );
    const text = fc.string({
      unit: fc.constantFrom('a', 'b', 'c', 'A', 'B', ' ', '-', '1', '.', 'é', 'É', 'ß', 'x'),
      maxLength: 12,
    });
    fc.assert(
      fc.property(pattern, fc.array(text, { minLength: 1, maxLength: 8 }), (source, texts) => {
        const matcher = compilePattern(source);
        const native = new RegExp(source, 'i');
        for (const t of texts)
          expect(matcher.test(t), `${source} on ${JSON.stringify(t)}`).toBe(native.test(t));
      }),
      { numRuns: 400 },
    );
  });

  it('runs in time linear in the text, even for patterns that are slow in a backtracking engine', () => {
    // a*a*a*a*b on "aaaa…a!" is polynomial of degree 4 for backtracking; the automaton reads each character once.
    const matcher = compilePattern('a*a*a*a*a*b');
    const text = `${'a'.repeat(100_000)}!`;
    const start = performance.now();
    expect(matcher.test(text)).toBe(false);
    expect(performance.now() - start).toBeLessThan(200);
  });

  it.each([
    ['(a+)+$', 'nested repetition'],
    ['(a*)*', 'nested repetition'],
    ['(a|aa)+', 'nested repetition'],
    ['(a)\\1', 'back-references'],
    ['(?<=x)a', 'look-around'],
    ['a**', 'quantifier cannot follow'],
    ['[z-a]', 'out of order'],
    ['a{101}', 'limited to 100'],
    ['(abc', 'unclosed "("'],
    ['abc)', 'unmatched ")"'],
    ['\\p{L}', 'unsupported escape'],
    ['*a', 'nothing to repeat'],
  ])('refuses %s', (pattern, message) => {
    expect(() => compilePattern(pattern)).toThrow(PatternError);
    expect(() => compilePattern(pattern)).toThrow(message);
  });

  it('refuses a pattern whose automaton would be too large', () => {
    // "an a fourteen characters before the end" needs 2^15 states in any deterministic automaton.
    expect(() => compilePattern('[ab]*a[ab]{14}')).toThrow(PatternTooComplexError);
    expect(() => compilePattern('[ab]{0,100}'.repeat(250))).toThrow(PatternTooComplexError);
  });
});

describe('pattern sets (one scan for several patterns)', () => {
  it('reports exactly the patterns that match, as a bit mask', () => {
    const sources = ['^\\s*parts\\s*$', keywordsPattern(['dual use', 'drone']), '\\bbox\\b', 'x{3}'];
    const scan = compilePatternSet(sources);
    const single = sources.map((source) => compilePattern(source));
    const text = fc.string({
      unit: fc.constantFrom('p', 'a', 'r', 't', 's', ' ', 'x', 'b', 'o', 'd', 'u', 'l', 'e', 'n'),
      maxLength: 16,
    });
    const known = fc.constantFrom('parts', ' Parts ', 'dual  use drone', 'a box', 'xxxx', 'boxes', '');
    fc.assert(
      fc.property(fc.oneof(text, known), (t) => {
        const expected = single.reduce((mask, matcher, i) => mask | (matcher.test(t) ? 1 << i : 0), 0);
        expect(scan(t)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe('keyword lists', () => {
  it('match whole words and phrases, case-insensitively, any spacing', () => {
    const matcher = compilePattern(keywordsPattern(['dual use', 'C4', 'p.o. box', '(test)']));
    expect(matcher.test('for DUAL   use')).toBe(true);
    expect(matcher.test('dual-use')).toBe(false);
    expect(matcher.test('c4 charge')).toBe(true);
    expect(matcher.test('c45')).toBe(false);
    expect(matcher.test('send to P.O. BOX 5')).toBe(true);
    expect(matcher.test('a (test) run')).toBe(true);
  });
});
