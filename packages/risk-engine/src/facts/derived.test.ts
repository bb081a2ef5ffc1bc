import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fullConsignment, placiConsignment } from '../testing/fixtures.js';
import * as d from './derived.js';
import { parseIsoMillis } from './time.js';

const sea = (containers: boolean) =>
  fullConsignment({
    modeOfTransport: 'sea',
    transportDocument: { type: 'MBL', number: 'MEDU1234567' },
    ...(containers ? { transportEquipment: [{ containerId: 'MSCU1234566', seals: [{ id: 'S1' }] }] } : {}),
  });

describe('ENS filing deadlines per mode (DOMAIN.md §7)', () => {
  it.each([
    ['sea, containerised: 24 h before loading', sea(true), {}, 'departure', 24],
    ['sea, bulk: 4 h before arrival', sea(false), {}, 'arrival', 4],
    ['sea, short-sea: 2 h before arrival', sea(true), { shortSeaVoyage: true }, 'arrival', 2],
    [
      'air, short haul (< 4 h): by departure',
      fullConsignment({ expectedDeparture: '2025-06-01T12:00:00Z', expectedArrival: '2025-06-01T14:30:00Z' }),
      {},
      'departure',
      0,
    ],
    ['air, long haul: 4 h before arrival', fullConsignment(), {}, 'arrival', 4],
    [
      'rail: 2 h before arrival',
      fullConsignment({ modeOfTransport: 'rail', transportDocument: { type: 'CIM', number: 'CIM-1' } }),
      {},
      'arrival',
      2,
    ],
    [
      'road: 1 h before arrival',
      fullConsignment({ modeOfTransport: 'road', transportDocument: { type: 'CMR', number: 'CMR-1' } }),
      {},
      'arrival',
      1,
    ],
    ['PLACI: before loading', placiConsignment(), {}, 'departure', 0],
  ] as const)('%s', (_name, c, facts, basis, hours) => {
    expect(d.filingDeadline(c, facts)).toEqual({ basis, requiredHours: hours });
  });

  it('computes lead and margin from the filing time', () => {
    // Filed 2025-06-01T08:00Z, arrival 2025-06-02T01:00Z: 17 h lead, 4 h required, 13 h to spare.
    expect(d.filingLeadHours(fullConsignment(), {})).toBe(17);
    expect(d.filingMarginHours(fullConsignment(), {})).toBe(13);
    const late = fullConsignment({ filingTime: '2025-06-01T23:00:00+02:00' }); // 21:00Z: 4 h before arrival
    expect(d.filingMarginHours(late, {})).toBe(0);
    const later = fullConsignment({ filingTime: '2025-06-01T22:30:00Z' });
    expect(d.filingMarginHours(later, {})).toBe(-1.5);
  });

  it('has no deadline when the times it needs are absent', () => {
    expect(d.filingDeadline(fullConsignment({ expectedArrival: undefined }), {})).toBeUndefined();
    expect(d.filingMarginHours(placiConsignment(), {})).toBeUndefined();
  });
});

describe('value, mass and routing facts', () => {
  it('value per kg needs a single currency', () => {
    expect(d.valuePerKg(fullConsignment())).toBeCloseTo(4300 / 30);
    const mixed = fullConsignment();
    mixed.goodsItems[1]!.value.currency = 'USD';
    expect(d.valuePerKg(mixed)).toBeUndefined();
    expect(d.totalValue(mixed)).toBeUndefined();
  });

  it('mass discrepancy compares the declared total with the items', () => {
    expect(d.massDiscrepancyPct(fullConsignment())).toBe(0);
    expect(d.massDiscrepancyPct(fullConsignment({ totalGrossMassKg: 45 }))).toBe(50);
    expect(d.massDiscrepancyPct(placiConsignment())).toBeUndefined();
  });

  it('transit countries leave out both ends', () => {
    expect(d.transitCountries(fullConsignment())).toEqual(['AE']);
    expect(d.loadingCountry(fullConsignment())).toBe('CN');
  });

  it('descriptions cover both data sets', () => {
    expect(d.descriptions(placiConsignment())).toEqual(['Mobile phones']);
    expect(d.minDescriptionWords(fullConsignment())).toBe(2);
    expect(d.wordCount('  Cotton \t T-shirts  ')).toBe(2);
  });

  it('seal facts', () => {
    const c = sea(true);
    expect(d.hasUnsealedContainer(c)).toBe(false);
    c.transportEquipment![0]!.seals = [];
    expect(d.hasUnsealedContainer(c)).toBe(true);
    expect(d.sealCount(c)).toBe(0);
  });
});

describe('parseIsoMillis', () => {
  it('agrees with Date.parse on every date-time the schema accepts', () => {
    const iso = fc
      .tuple(
        fc.date({
          min: new Date('1970-01-01T00:00:00Z'),
          max: new Date('2100-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: -14 * 60, max: 14 * 60 }),
        fc.constantFrom('Z', 'offset', 'millis'),
      )
      .map(([date, offset, style]) => {
        if (style === 'millis') return date.toISOString();
        if (style === 'Z') return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
        const local = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, 19);
        const sign = offset < 0 ? '-' : '+';
        const abs = Math.abs(offset);
        return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
      });
    fc.assert(
      fc.property(iso, (text) => parseIsoMillis(text) === Date.parse(text)),
      { numRuns: 2000 },
    );
  });

  it('rejects impossible dates', () => {
    expect(parseIsoMillis('2025-02-30T00:00:00Z')).toBeNaN();
  });
});
