import type {
  Consignment,
  FullConsignment,
  PlaciConsignment,
  Rule,
  RuleSet,
  WatchList,
} from '@aeolus/contracts';

/** A valid full (ENS) air consignment; tests override what they look at. */
export function fullConsignment(overrides: Partial<FullConsignment> = {}): FullConsignment {
  return {
    dataset: 'full',
    reference: 'UCR-TEST-1',
    modeOfTransport: 'air',
    transportDocument: { type: 'MAWB', number: '176-12345675' },
    consignor: {
      name: 'Shenzhen Bright Star Electronics Co Ltd',
      address: { line: '88 Harbour Road', city: 'Shenzhen', country: 'CN' },
      identifiers: [{ scheme: 'AEO', value: 'CNAEO12345' }],
    },
    consignee: {
      name: 'Holland Retail Distribution BV',
      address: { line: '1 Kade', city: 'Rotterdam', postcode: '3011AA', country: 'NL' },
      identifiers: [{ scheme: 'EORI', value: 'NL123456789' }],
    },
    goodsItems: [
      {
        sequence: 1,
        hsCode: '851712',
        description: 'Mobile phones',
        packages: { count: 10, type: 'CT' },
        grossMassKg: 20,
        value: { amount: 4000, currency: 'EUR' },
      },
      {
        sequence: 2,
        hsCode: '610910',
        description: 'Cotton T-shirts, knitted',
        packages: { count: 5, type: 'CT' },
        grossMassKg: 10,
        value: { amount: 300, currency: 'EUR' },
      },
    ],
    originCountry: 'CN',
    placeOfLoading: 'CNSZX',
    placeOfUnloading: 'NLAMS',
    routingCountries: ['CN', 'AE', 'NL'],
    borderTransportMeans: { identifier: 'KL888' },
    filingTime: '2025-06-01T08:00:00Z',
    expectedDeparture: '2025-06-01T12:00:00Z',
    expectedArrival: '2025-06-02T01:00:00Z',
    totalGrossMassKg: 30,
    ...overrides,
  };
}

/** The PLACI 7+1 minimum: parties, description, pieces, weight and the air waybill. */
export function placiConsignment(overrides: Partial<PlaciConsignment> = {}): PlaciConsignment {
  return {
    dataset: 'placi',
    modeOfTransport: 'air',
    transportDocument: { type: 'MAWB', number: '176-12345675' },
    consignor: { name: 'Shenzhen Bright Star', address: { city: 'Shenzhen', country: 'CN' } },
    consignee: { name: 'Holland Retail', address: { city: 'Rotterdam', country: 'NL' } },
    goodsDescription: 'Mobile phones',
    totalPackages: 3,
    totalGrossMassKg: 12.5,
    filingTime: '2025-06-01T08:00:00Z',
    ...overrides,
  };
}

export function rule(id: string, conditions: Rule['conditions'], extra: Partial<Rule> = {}): Rule {
  return { id, name: `Rule ${id}`, rationale: `Because ${id}`, weight: 10, conditions, ...extra };
}

export function ruleSet(rules: Rule[], extra: Partial<RuleSet> = {}): RuleSet {
  return {
    id: 'test-set',
    version: 1,
    status: 'draft',
    name: 'Test rule set',
    watchLists: [],
    rules,
    decisionTables: [],
    ...extra,
  };
}

export const LISTS: WatchList[] = [
  { name: 'embargo', entries: ['IR', 'KP'] },
  { name: 'parties', entries: ['holland  retail distribution bv'], includes: ['more-parties'] },
  { name: 'more-parties', entries: ['GRAYWATER LOGISTICS'] },
];

export type { Consignment };
