import { describe, expect, it } from 'vitest';
import { displayValue, shortHash, summarise } from './audit-summary.js';

describe('summarise', () => {
  it('pairs before and after values field by field', () => {
    const view = summarise({
      before: { displayName: 'Noor', locale: 'en' },
      after: { locale: 'fr' },
    });
    expect(view.changes).toEqual([
      { field: 'displayName', before: 'Noor' },
      { field: 'locale', before: 'en', after: 'fr' },
    ]);
    expect(view.note).toBeUndefined();
    expect(view.extra).toBeUndefined();
  });

  it('keeps the note and renders other keys as compact JSON', () => {
    const view = summarise({ note: 'signed in with password', after: { ip: '127.0.0.1' }, scopes: ['a'] });
    expect(view.note).toBe('signed in with password');
    expect(view.changes).toEqual([{ field: 'ip', after: '127.0.0.1' }]);
    expect(view.extra).toBe('{"scopes":["a"]}');
  });

  it('formats ISO instants with the given formatter and leaves other strings alone', () => {
    const view = summarise(
      { before: { revokedAt: null }, after: { revokedAt: '2026-11-22T14:47:33.117Z', name: '2026 plan' } },
      (iso) => `at ${iso.slice(0, 10)}`,
    );
    expect(view.changes).toEqual([
      { field: 'revokedAt', before: '—', after: 'at 2026-11-22' },
      { field: 'name', after: '2026 plan' },
    ]);
  });

  it('ignores before/after that are not objects instead of failing', () => {
    expect(summarise({ before: 'x', after: [1, 2] }).changes).toEqual([]);
  });
});

describe('displayValue', () => {
  it('stringifies non-strings and truncates long values', () => {
    expect(displayValue(42)).toBe('42');
    expect(displayValue(null)).toBe('—');
    expect(displayValue({ a: 1 })).toBe('{"a":1}');
    const long = displayValue('x'.repeat(200));
    expect(long).toHaveLength(80);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('shortHash', () => {
  it('shortens a SHA-256 hex hash', () => {
    expect(shortHash('a'.repeat(64))).toBe(`${'a'.repeat(12)}…`);
    expect(shortHash('abc')).toBe('abc');
  });
});
