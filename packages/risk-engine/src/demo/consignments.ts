import type {
  Consignment,
  ConsignmentItem,
  ConsignmentParty,
  ScreeningFacts,
  TransportEquipment,
  TransportMode,
} from '@aeolus/contracts';

/**
 * Seeded generator of realistic, schema-valid consignments for tests, benchmarks and demo data: the same
 * seed always gives the same consignments. Most are clean; a few percent carry an indicator (sensitive HS
 * code, vague description, late filing, watched party, broken seal...), roughly as a risk profile sees them.
 */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    // mulberry32
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
const chance = (rand: Rand, p: number) => rand() < p;
const int = (rand: Rand, lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

/** [HS code, description] pairs; the first block is ordinary trade, the second carries indicators. */
const GOODS: readonly [string, string][] = [
  ['610910', 'Cotton T-shirts, knitted'],
  ['620342', "Men's cotton trousers"],
  ['640399', 'Leather footwear'],
  ['851712', 'Mobile phones'],
  ['847130', 'Laptop computers'],
  ['940360', 'Wooden furniture'],
  ['080390', 'Fresh bananas'],
  ['090111', 'Green coffee beans, not roasted'],
  ['870899', 'Brake parts for motor vehicles'],
  ['392690', 'Plastic household articles'],
  ['630260', 'Terry towelling bed linen'],
  ['950300', "Children's toys, plastic"],
  ['330499', 'Skin care preparations'],
  ['848180', 'Industrial valves, stainless steel'],
  ['691110', 'Porcelain tableware'],
  ['220421', 'Red wine in bottles of 75 cl'],
  ['420221', 'Handbags with leather outer surface'],
  ['300490', 'Medicaments in measured doses'],
  ['854231', 'Electronic integrated circuits, processors'],
  ['930630', 'Cartridges for rifles'],
  ['360410', 'Fireworks'],
  ['291400', 'Ketones, industrial grade'],
  ['240220', 'Cigarettes containing tobacco'],
  ['970110', 'Oil painting on canvas'],
  ['847989', 'Machine tool with thermal imaging camera, dual use'],
  ['610910', 'Smart phone batteries'],
  ['392690', 'Parts'],
  ['950300', 'Samples'],
  ['300490', 'Tramadol tablets'],
  ['850760', 'Lithium-ion power bank'],
];
const ORDINARY = 19;

const PLACES: Record<string, readonly string[]> = {
  NL: ['NLRTM', 'NLAMS', 'NLVLI'],
  DE: ['DEHAM', 'DEFRA', 'DEBRV'],
  BE: ['BEANR', 'BEBRU'],
  CN: ['CNSHA', 'CNNGB', 'CNSZX', 'CNPVG'],
  HK: ['HKHKG'],
  US: ['USNYC', 'USLAX', 'USORD'],
  TR: ['TRIST', 'TRMER'],
  AE: ['AEJEA', 'AEDXB'],
  EC: ['ECGYE'],
  CO: ['COCTG'],
  IN: ['INNSA', 'INBOM'],
  KE: ['KEMBA', 'KENBO'],
  GB: ['GBFXT', 'GBLHR'],
  PL: ['PLGDN', 'PLWAW'],
  KZ: ['KZALA'],
};
const EXPORTERS = ['CN', 'CN', 'CN', 'HK', 'US', 'TR', 'AE', 'EC', 'CO', 'IN', 'KE', 'GB', 'KZ'];
const IMPORTERS = ['NL', 'NL', 'NL', 'DE', 'BE', 'PL'];
const TRANSIT = ['AE', 'TR', 'KZ', 'SG', 'EG', 'MA', 'IR'];
const NAMES = [
  'Shenzhen Bright Star Electronics Co Ltd',
  'Ningbo Ocean Textile Import Export',
  'Pacific Fruit Exporters SA',
  'Anatolia Tekstil AS',
  'Gulf Gateway General Trading LLC',
  'Mombasa Fresh Produce Ltd',
  'Midwest Industrial Supply Inc',
  'Mumbai Pharma Exports Pvt Ltd',
  'Holland Retail Distribution BV',
  'Rijnmond Food Importers BV',
  'Hanse Logistik GmbH',
  'Antwerp Diamond & Machinery NV',
  'Vistula Home Goods Sp z o o',
  'Kestrel Components Ltd',
  'Graywater Logistics',
];
const CITIES: Record<string, string> = {
  NL: 'Rotterdam',
  DE: 'Hamburg',
  BE: 'Antwerpen',
  CN: 'Shenzhen',
  HK: 'Hong Kong',
  US: 'Chicago',
  TR: 'Istanbul',
  AE: 'Dubai',
  EC: 'Guayaquil',
  CO: 'Cartagena',
  IN: 'Mumbai',
  KE: 'Mombasa',
  GB: 'London',
  PL: 'Gdansk',
  KZ: 'Almaty',
};
const CONTAINER_OWNERS = ['MSCU', 'MAEU', 'CMAU', 'HLXU', 'TGHU', 'OOLU'];

function containerNumber(rand: Rand): string {
  const prefix = pick(rand, CONTAINER_OWNERS) + String(int(rand, 0, 999_999)).padStart(6, '0');
  let value = 10;
  const letters: Record<string, number> = {};
  for (const letter of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
    if (value % 11 === 0) value++;
    letters[letter] = value++;
  }
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += (i < 4 ? letters[prefix[i]!]! : Number(prefix[i])) * 2 ** i;
  return prefix + String((sum % 11) % 10);
}

function airWaybill(rand: Rand): string {
  const serial = int(rand, 0, 9_999_999);
  return `${pick(rand, ['074', '176', '160', '020', '618'])}-${String(serial).padStart(7, '0')}${serial % 7}`;
}

function party(rand: Rand, country: string, withIds: boolean): ConsignmentParty {
  const p: ConsignmentParty = {
    name: chance(rand, 0.01) ? pick(rand, NAMES.slice(-2)) : pick(rand, NAMES.slice(0, -2)),
    address: {
      line: flat(
        chance(rand, 0.03) ? `P.O. Box ${int(rand, 100, 9999)}` : `${int(rand, 1, 400)} Harbour Road`,
      ),
      city: CITIES[country] ?? 'Capital',
      country,
    },
  };
  if (withIds) {
    p.identifiers = [];
    if (chance(rand, 0.8))
      p.identifiers.push({ scheme: 'EORI', value: `${country}${int(rand, 100_000_000, 999_999_999)}` });
    if (chance(rand, 0.15))
      p.identifiers.push({ scheme: 'AEO', value: `${country}AEOF${int(rand, 10_000, 99_999)}` });
  }
  return p;
}

function item(rand: Rand, sequence: number, origin: string): ConsignmentItem {
  const [hsCode, description] = chance(rand, 0.94) ? GOODS[int(rand, 0, ORDINARY - 1)]! : pick(rand, GOODS);
  const grossMassKg = Math.round((0.2 + rand() * (chance(rand, 0.2) ? 5000 : 80)) * 100) / 100;
  const perKg = chance(rand, 0.03) ? rand() * 3 : 5 + rand() * 120;
  const result: ConsignmentItem = {
    sequence,
    hsCode:
      hsCode.length === 6 && chance(rand, 0.3)
        ? `${hsCode}${String(int(rand, 0, 99)).padStart(2, '0')}`
        : hsCode,
    description,
    packages: { count: int(rand, 1, 40), type: pick(rand, ['CT', 'PK', 'BX', 'PL']) },
    grossMassKg,
    value: {
      amount: chance(rand, 0.01) ? 0 : Math.round(grossMassKg * perKg * 100) / 100,
      currency: pick(rand, ['EUR', 'EUR', 'EUR', 'USD', 'USD', 'CNY', 'GBP']),
    },
  };
  if (chance(rand, 0.1)) result.originCountry = origin;
  return result;
}

const BASE = Date.UTC(2025, 5, 2, 6, 0, 0);
const iso = (ms: number) => flat(new Date(ms).toISOString().replace('.000Z', 'Z'));

/**
 * The text as a parsed JSON body holds it: one flat string. Built by concatenation, V8 keeps longer strings
 * as "cons strings", whose characters cost any engine reading them several times more; consignments reach
 * the platform as JSON.
 */
function flat(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

export function generateConsignment(rand: Rand, index = 0): Consignment {
  const mode: TransportMode = pick(rand, [
    'air',
    'air',
    'air',
    'sea',
    'sea',
    'road',
    'rail',
    'postal',
    'postal',
  ]);
  const from = pick(rand, EXPORTERS);
  const to = pick(rand, IMPORTERS);
  const departure = BASE + index * 60_000 + int(rand, 0, 30 * 24) * 3_600_000;
  const hours =
    mode === 'sea'
      ? int(rand, 240, 900)
      : mode === 'air' || mode === 'postal'
        ? int(rand, 2, 30)
        : int(rand, 10, 120);
  const arrival = departure + hours * 3_600_000 + (chance(rand, 0.02) ? 60 * 3_600_000 : 0);
  const lead = chance(rand, 0.05) ? -int(rand, 1, 30) : int(rand, 30, 96);
  const filing = departure - lead * 3_600_000;
  const documentNumber = airWaybill(rand);
  if ((mode === 'air' || mode === 'postal') && chance(rand, 0.2)) {
    return {
      dataset: 'placi',
      modeOfTransport: 'air',
      transportDocument: { type: 'MAWB', number: documentNumber },
      consignor: party(rand, from, false),
      consignee: party(rand, to, false),
      goodsDescription: pick(rand, GOODS)[1],
      totalPackages: int(rand, 1, 30),
      totalGrossMassKg: Math.round((0.5 + rand() * 300) * 10) / 10,
      filingTime: iso(filing),
      expectedDeparture: iso(departure),
      placeOfLoading: pick(rand, PLACES[from]!),
    };
  }
  const items = Array.from({ length: chance(rand, 0.6) ? 1 : int(rand, 2, 4) }, (_, i) =>
    item(rand, i + 1, from),
  );
  const equipment: TransportEquipment[] =
    mode === 'sea'
      ? Array.from({ length: int(rand, 1, 3) }, () => ({
          containerId: containerNumber(rand),
          seals: chance(rand, 0.03)
            ? []
            : [
                {
                  id: `SL${int(rand, 100_000, 999_999)}`,
                  ...(chance(rand, 0.02) ? { condition: 'damaged' as const } : {}),
                },
              ],
        }))
      : [];
  const declaredMass = items.reduce((sum, it) => sum + it.grossMassKg, 0);
  const consignment: Consignment = {
    dataset: 'full',
    reference: `UCR${index}`,
    modeOfTransport: mode,
    transportDocument:
      mode === 'sea'
        ? { type: 'MBL', number: `MEDU${int(rand, 1_000_000, 9_999_999)}` }
        : mode === 'road'
          ? { type: 'CMR', number: `CMR-${int(rand, 10_000, 99_999)}` }
          : mode === 'rail'
            ? { type: 'CIM', number: `CIM-${int(rand, 10_000, 99_999)}` }
            : { type: 'MAWB', number: documentNumber },
    consignor: party(rand, from, true),
    consignee: party(rand, to, true),
    declarant: party(rand, to, true),
    goodsItems: items,
    originCountry: from,
    placeOfLoading: pick(rand, PLACES[from]!),
    placeOfUnloading: pick(rand, PLACES[to]!),
    routingCountries: chance(rand, 0.3) ? [from, pick(rand, TRANSIT), to] : [from, to],
    borderTransportMeans: {
      identifier: mode === 'air' && chance(rand, 0.01) ? 'XY9901' : `KL${int(rand, 100, 9999)}`,
    },
    filingTime: iso(filing),
    expectedDeparture: iso(departure),
    expectedArrival: iso(arrival),
    totalGrossMassKg: chance(rand, 0.05)
      ? Math.round(declaredMass * 1.4 * 100) / 100
      : Math.round(declaredMass * 100) / 100,
  };
  if (equipment.length > 0) consignment.transportEquipment = equipment;
  return consignment;
}

export function generateFacts(rand: Rand): ScreeningFacts {
  return {
    consignorFirstSeen: chance(rand, 0.05),
    consigneeFirstSeen: chance(rand, 0.05),
    consignorAeoActive: chance(rand, 0.1),
    consigneeAeoActive: chance(rand, 0.1),
  };
}

export function generateConsignments(
  count: number,
  seed: number,
): { consignment: Consignment; facts: ScreeningFacts }[] {
  const rand = createRandom(seed);
  return Array.from({ length: count }, (_, i) => ({
    consignment: generateConsignment(rand, i),
    facts: generateFacts(rand),
  }));
}
