import { describe, expect, it } from 'vitest';
import { Consignment } from './consignment.js';
import { isAirWaybillNumber, isContainerNumber, isUnLocode, isUpuItemId } from './identifiers.js';

const valid = () => ({
  dataset: 'full',
  modeOfTransport: 'sea',
  transportDocument: { type: 'HBL', number: 'HBL-778', masterNumber: 'MEDU1234567' },
  consignor: {
    name: 'Pacific Fruit Exporters SA',
    address: { city: 'Guayaquil', country: 'EC' },
    identifiers: [{ scheme: 'AEO', value: 'ECAEO0001' }],
  },
  consignee: { name: 'Rijnmond Food Importers BV', address: { city: 'Rotterdam', country: 'NL' } },
  goodsItems: [
    {
      sequence: 1,
      hsCode: '08039010',
      description: 'Fresh bananas',
      packages: { count: 1200, type: 'CT' },
      grossMassKg: 21_600,
      value: { amount: 15_000, currency: 'USD' },
    },
  ],
  originCountry: 'EC',
  placeOfLoading: 'ECGYE',
  placeOfUnloading: 'NLRTM',
  transportEquipment: [{ containerId: 'MSCU1234566', seals: [{ id: 'EC778812' }] }],
  filingTime: '2025-06-01T08:00:00Z',
  expectedDeparture: '2025-06-02T08:00:00Z',
  expectedArrival: '2025-06-16T08:00:00Z',
});

function problems(input: unknown) {
  const result = Consignment.safeParse(input);
  return result.success
    ? []
    : result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

describe('consignment validation', () => {
  it('accepts a full entry summary', () => {
    expect(problems(valid())).toEqual([]);
  });

  it('accepts the PLACI 7+1 minimum on its own', () => {
    expect(
      problems({
        dataset: 'placi',
        modeOfTransport: 'air',
        transportDocument: { type: 'HAWB', number: 'HAWB-1', masterNumber: '176-12345675' },
        consignor: { name: 'Shenzhen Bright Star', address: { city: 'Shenzhen', country: 'CN' } },
        consignee: { name: 'Holland Retail', address: { city: 'Rotterdam', country: 'NL' } },
        goodsDescription: 'Mobile phones',
        totalPackages: 3,
        totalGrossMassKg: 12.5,
        filingTime: '2025-06-01T08:00:00Z',
      }),
    ).toEqual([]);
  });

  it('a PLACI filing without pieces, weight or description names each', () => {
    const paths = problems({
      dataset: 'placi',
      modeOfTransport: 'air',
      transportDocument: { type: 'MAWB', number: '176-12345675' },
      consignor: { name: 'A', address: { city: 'B', country: 'CN' } },
      consignee: { name: 'C', address: { city: 'D', country: 'NL' } },
      filingTime: '2025-06-01T08:00:00Z',
    }).map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['goodsDescription', 'totalPackages', 'totalGrossMassKg']));
  });

  const withItem = (patch: Record<string, unknown>) => {
    const c = valid();
    Object.assign(c.goodsItems[0]!, patch);
    return c;
  };

  it.each([
    ['unknown field', { ...valid(), colour: 'red' }, '', 'Unrecognized key'],
    ['wrong type', { ...valid(), originCountry: 7 }, 'originCountry', 'expected string'],
    ['HS code too short', withItem({ hsCode: '0803' }), 'goodsItems.0.hsCode', '6, 8 or 10 digits'],
    ['HS chapter that does not exist', withItem({ hsCode: '770000' }), 'goodsItems.0.hsCode', 'HS chapter'],
    ['negative mass', withItem({ grossMassKg: -5 }), 'goodsItems.0.grossMassKg', 'expected number to be >0'],
    [
      'unknown currency',
      withItem({ value: { amount: 1, currency: 'EUX' } }),
      'goodsItems.0.value.currency',
      'ISO 4217',
    ],
    ['unknown country', { ...valid(), originCountry: 'XX' }, 'originCountry', 'not an assigned'],
    ['malformed UN/LOCODE', { ...valid(), placeOfLoading: 'ECGY1' }, 'placeOfLoading', 'UN/LOCODE'],
    [
      'UN/LOCODE of an unknown country',
      { ...valid(), placeOfUnloading: 'XXRTM' },
      'placeOfUnloading',
      'assigned',
    ],
    [
      'container check digit',
      { ...valid(), transportEquipment: [{ containerId: 'MSCU1234567', seals: [] }] },
      'transportEquipment.0.containerId',
      'ISO 6346',
    ],
    [
      'document of another mode',
      { ...valid(), transportDocument: { type: 'MAWB', number: '176-12345675' } },
      'transportDocument.type',
      'not a transport document of mode sea',
    ],
    [
      'house bill without master',
      { ...valid(), transportDocument: { type: 'HBL', number: 'H1' } },
      'transportDocument.masterNumber',
      'master document',
    ],
    [
      'arrival before departure',
      { ...valid(), expectedArrival: '2025-06-01T00:00:00Z' },
      'expectedArrival',
      'before the expected departure',
    ],
    ['unknown data set', { ...valid(), dataset: 'ens' }, 'dataset', '"full"'],
  ])('%s', (_name, input, path, message) => {
    expect(problems(input)).toContainEqual({ path, message: expect.stringContaining(message) });
  });

  it('checks the air waybill check digit', () => {
    const c = {
      ...valid(),
      modeOfTransport: 'air',
      transportDocument: { type: 'MAWB', number: '176-12345674' },
    };
    delete (c as Record<string, unknown>).transportEquipment;
    expect(problems(c)).toContainEqual({
      path: 'transportDocument.number',
      message: expect.stringContaining('mod-7'),
    });
  });
});

describe('identifier checks', () => {
  it.each([
    [isAirWaybillNumber, '176-12345675', true],
    [isAirWaybillNumber, '17612345675', true],
    [isAirWaybillNumber, '176-12345676', false],
    [isContainerNumber, 'CSQU3054383', true],
    [isContainerNumber, 'CSQU3054384', false],
    [isUpuItemId, 'RR123456785NL', true],
    [isUpuItemId, 'RR123456784NL', false],
    [isUnLocode, 'NLRTM', true],
    [isUnLocode, 'NLRT1', false],
  ] as const)('%o(%s) is %s', (check, value, expected) => {
    expect(check(value)).toBe(expected);
  });
});
