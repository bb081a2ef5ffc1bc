import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseListValue } from './ir.js';
import { listMembership } from './membership.js';

/**
 * The allocation-free membership test (two-letter table, signature prefilter, hash) must answer exactly what
 * the plain definition does: is the normalised value one of the normalised entries?
 */
const unit = fc.constantFrom(
  ...'abcXYZ019 -.'.split(''),
  '\t',
  '\n',
  '  ',
  '\u00a0',
  'é',
  'É',
  'ß',
  'İ',
  '\u2003',
);
const text = fc.array(unit, { maxLength: 8 }).map((units) => units.join(''));

describe('watch-list membership', () => {
  it('agrees with the normalised set on random entries and values', () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 12 }), fc.array(text, { maxLength: 20 }), (raw, values) => {
        const entries = new Set(raw.map(normaliseListValue));
        const member = listMembership(entries);
        // Entries themselves, in other spellings, and unrelated values.
        const probes = [...raw, ...raw.map((v) => ` ${v.toLowerCase()}\t`), ...values];
        for (const value of probes) expect(member(value)).toBe(entries.has(normaliseListValue(value)));
      }),
      { numRuns: 500 },
    );
  });

  it('decides two-letter codes and names the same way as the definition', () => {
    const entries = new Set(['IR', 'KP', 'GRAYWATER LOGISTICS', 'A B', 'X', '']);
    const member = listMembership(entries);
    for (const [value, expected] of [
      ['ir', true],
      ['Ir', true],
      ['IQ', false],
      [' kp ', true],
      ['graywater   logistics', true],
      ['Graywater Logistic', false],
      ['a\t\tb', true],
      ['x', true],
      ['   ', true],
      ['I R', false],
    ] as const) {
      expect(member(value)).toBe(expected);
    }
  });
});
