import { describe, expect, it } from 'vitest';
import { countryName, dayBoundary, formatDate, initials } from './format.js';

describe('dayBoundary', () => {
  it('turns a calendar day into the first and last instant of that local day', () => {
    const start = new Date(dayBoundary('2026-03-05', 'start') ?? '');
    const end = new Date(dayBoundary('2026-03-05', 'end') ?? '');
    expect([
      start.getFullYear(),
      start.getMonth(),
      start.getDate(),
      start.getHours(),
      start.getMinutes(),
    ]).toEqual([2026, 2, 5, 0, 0]);
    expect([end.getDate(), end.getHours(), end.getMinutes(), end.getSeconds()]).toEqual([5, 23, 59, 59]);
  });

  it('refuses anything that is not YYYY-MM-DD', () => {
    expect(dayBoundary('05/03/2026', 'start')).toBeUndefined();
    expect(dayBoundary('', 'end')).toBeUndefined();
  });
});

describe('formatting in the UI language', () => {
  it('names countries and dates in English or French', () => {
    expect(countryName('NL', 'en')).toBe('Netherlands');
    expect(countryName('NL', 'fr')).toBe('Pays-Bas');
    expect(countryName(null, 'en')).toBe('');
    expect(formatDate('2026-11-22T10:00:00Z', 'fr')).toMatch(/22 nov/);
    expect(formatDate('not a date', 'en')).toBe('not a date');
  });

  it('makes initials from a display name', () => {
    expect(initials('Noor de Vries')).toBe('NV');
    expect(initials('Claire')).toBe('C');
    expect(initials('  ')).toBe('?');
  });
});
