import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkResultFilters,
  EMPTY_FILTERS,
  hasActiveFilters,
  readResultFilters,
  toResultsQuery,
  writeResultFilters,
} from './results-filters.js';

const VERSION = '0b6a5c1e-2f3d-4c5b-8a9e-1d2c3b4a5f60';

describe('results filters in the address', () => {
  it('reads known values and ignores anything else', () => {
    const values = readResultFilters(
      new URLSearchParams(
        `lane=red&aeo=false&mode=sea&rule=HS-WEAPONS&version=${VERSION}&outcome=seizure&from=2026-11-01&to=2026-11-20&limit=100`,
      ),
    );
    expect(values).toEqual({
      lane: 'red',
      aeo: 'false',
      mode: 'sea',
      rule: 'HS-WEAPONS',
      version: VERSION,
      outcome: 'seizure',
      from: '2026-11-01',
      to: '2026-11-20',
      limit: 100,
    });
    expect(
      readResultFilters(
        new URLSearchParams(
          'lane=purple&aeo=yes&mode=space&rule=a b&version=7&outcome=maybe&from=1/11/2026&limit=7',
        ),
      ),
    ).toEqual(EMPTY_FILTERS);
  });

  it('writes only what differs from the defaults, and reads back the same filters', () => {
    expect(writeResultFilters(EMPTY_FILTERS).toString()).toBe('');
    expect(writeResultFilters({ ...EMPTY_FILTERS, lane: 'yellow', limit: 25 }).toString()).toBe(
      'lane=yellow&limit=25',
    );
    const lanes = fc.constantFrom('', 'green', 'blue', 'yellow', 'red' as const);
    fc.assert(
      fc.property(
        fc.record({
          lane: lanes,
          aeo: fc.constantFrom('', 'true', 'false' as const),
          mode: fc.constantFrom('', 'air', 'sea', 'postal' as const),
          rule: fc.constantFrom('', 'HS-93', 'late-filing/row-2'),
          version: fc.constantFrom('', VERSION),
          outcome: fc.constantFrom('', 'recorded', 'none', 'discrepancy' as const),
          from: fc.constantFrom('', '2026-01-31'),
          to: fc.constantFrom('', '2026-02-01'),
          limit: fc.constantFrom(25, 50, 100),
        }),
        (values) => {
          expect(readResultFilters(writeResultFilters(values))).toEqual(values);
        },
      ),
    );
  });

  it('says whether any filter narrows the list (page size does not)', () => {
    expect(hasActiveFilters({ ...EMPTY_FILTERS, limit: 100 })).toBe(false);
    expect(hasActiveFilters({ ...EMPTY_FILTERS, outcome: 'none' })).toBe(true);
  });

  it('refuses an end date before the start and a rule id with spaces, before asking the server', () => {
    expect(checkResultFilters({ ...EMPTY_FILTERS, from: '2026-11-02', to: '2026-11-01' })).toEqual({
      to: 'range',
    });
    expect(checkResultFilters({ ...EMPTY_FILTERS, from: '2026-11-01', to: '2026-11-01' })).toEqual({});
    expect(checkResultFilters({ ...EMPTY_FILTERS, rule: 'two words' })).toEqual({ rule: 'rule' });
  });

  it('turns calendar days into the instants the API filters on, and leaves out empty filters', () => {
    const query = toResultsQuery(
      { ...EMPTY_FILTERS, aeo: 'true', from: '2026-11-01', to: '2026-11-01' },
      'c1',
    );
    expect(query.aeo).toBe('true');
    expect(query.lane).toBeUndefined();
    expect(query.cursor).toBe('c1');
    expect(query.limit).toBe(50);
    const from = new Date(query.from as string);
    const to = new Date(query.to as string);
    expect(to.getTime() - from.getTime()).toBe(24 * 3600 * 1000 - 1);
    expect(from.getHours()).toBe(0);
  });
});
