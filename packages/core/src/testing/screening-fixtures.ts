import { type Consignment, FullConsignment } from '@aeolus/contracts';
import { generateConsignments } from '@aeolus/risk-engine';

/**
 * Consignments for screening tests: a clean full entry summary that tests change field by field (no party,
 * container or document of it is on a demo watch list), and the engine's seeded generator (realistic,
 * schema-valid, a few percent carrying risk indicators).
 */

export function cleanConsignment(overrides: Partial<Record<string, unknown>> = {}): Consignment {
  const base = {
    dataset: 'full',
    reference: 'UCR-TEST-0001',
    modeOfTransport: 'sea',
    transportDocument: { type: 'MBL', number: 'MEDU1234567' },
    consignor: {
      name: 'Shenzhen Bright Star Electronics Co Ltd',
      address: { line: '12 Harbour Road', city: 'Shenzhen', country: 'CN' },
      identifiers: [{ scheme: 'EORI', value: 'CN123456789' }],
    },
    consignee: {
      name: 'Holland Retail Distribution BV',
      address: { line: '8 Harbour Road', city: 'Rotterdam', country: 'NL' },
      identifiers: [{ scheme: 'EORI', value: 'NL987654321' }],
    },
    goodsItems: [
      {
        sequence: 1,
        hsCode: '940360',
        description: 'Wooden furniture',
        packages: { count: 10, type: 'PK' },
        grossMassKg: 500,
        value: { amount: 12_000, currency: 'EUR' },
      },
    ],
    originCountry: 'CN',
    placeOfLoading: 'CNSHA',
    placeOfUnloading: 'NLRTM',
    routingCountries: ['CN', 'NL'],
    transportEquipment: [{ containerId: 'TCLU7654320', seals: [{ id: 'SL123456' }] }],
    filingTime: '2025-06-01T06:00:00Z',
    expectedDeparture: '2025-06-03T06:00:00Z',
    expectedArrival: '2025-06-28T06:00:00Z',
    totalGrossMassKg: 500,
    ...overrides,
  };
  return FullConsignment.parse(base);
}

/** `count` realistic consignments from the engine's generator, with unique references. */
export function generatedConsignments(count: number, seed: number, prefix = 'GEN'): Consignment[] {
  return generateConsignments(count, seed).map(({ consignment }, i) => ({
    ...consignment,
    reference: `${prefix}-${seed}-${i}`,
  }));
}
