import {
  type Consignment,
  type ConsignmentItem,
  type ScreeningFacts,
  SEAL_CONDITIONS,
  TRANSPORT_DOCUMENT_TYPES,
  TRANSPORT_MODES,
  type TransportEquipment,
} from '@aeolus/contracts';
import * as d from './derived.js';

/**
 * The field catalogue: every path a rule may name, its type and where its value comes from. Rule sets are
 * checked against it at compile time (an unknown field is a compile error), the generated code reads the
 * `data` paths directly, and the rule editor can list it for analysts.
 */
export type FieldType = 'string' | 'number' | 'boolean' | 'string[]';
export type FieldScope = 'consignment' | 'item' | 'container';
export type FieldFormat = 'country' | 'hs' | 'locode' | 'currency';

type Scoped = Consignment | ConsignmentItem | TransportEquipment;

export interface FieldSpec {
  path: string;
  scope: FieldScope;
  type: FieldType;
  description: string;
  format?: FieldFormat;
  /** Closed set of values, for fields that hold a code list. */
  values?: readonly string[];
  /** Segments of the value in the scope object, when the field is read from the data as filed. */
  data?: readonly string[];
  /**
   * How a derived value or a caller fact is obtained. `basis`, when the spec names one, is that basis's
   * value for this consignment; a caller that passes nothing gets it computed afresh.
   */
  compute?: (scoped: Scoped, c: Consignment, facts: ScreeningFacts, basis?: never) => unknown;
  /** Consignment-level derived values are computed at most once per evaluation. */
  memoise?: boolean;
  /** An intermediate value shared with other fields (the parsed timestamps), computed once per evaluation. */
  basis?: Basis;
  /** A caller fact: `compute` reads it, and generated code reads `facts[fact]` directly. */
  fact?: keyof ScreeningFacts;
}

export interface Basis {
  id: string;
  compute: (c: Consignment) => unknown;
}

const SCHEDULE: Basis = { id: 'schedule', compute: d.schedule };

export const COLLECTIONS = { item: 'goodsItems', container: 'transportEquipment' } as const;

const specs: FieldSpec[] = [];
const data = (path: string, type: FieldType, description: string, extra: Partial<FieldSpec> = {}) => {
  const scope: FieldScope = path.startsWith('item.')
    ? 'item'
    : path.startsWith('container.')
      ? 'container'
      : 'consignment';
  const segments = scope === 'consignment' ? path.split('.') : path.split('.').slice(1);
  specs.push({ path, scope, type, description, data: segments, ...extra });
};
const derived = (
  path: string,
  type: FieldType,
  description: string,
  compute: FieldSpec['compute'],
  extra: Partial<FieldSpec> = {},
) => {
  const scope: FieldScope = path.startsWith('item.')
    ? 'item'
    : path.startsWith('container.')
      ? 'container'
      : 'consignment';
  specs.push({ path, scope, type, description, compute, memoise: scope === 'consignment', ...extra });
};

data('dataset', 'string', 'full (entry summary) or placi (7+1 pre-loading)', { values: ['full', 'placi'] });
data('reference', 'string', 'Unique consignment reference (UCR)');
data('modeOfTransport', 'string', 'Mode of transport', { values: TRANSPORT_MODES });
data('transportDocument.type', 'string', 'Transport document type', { values: TRANSPORT_DOCUMENT_TYPES });
data('transportDocument.number', 'string', 'Transport document number (AWB, B/L, CMR ...)');
data('transportDocument.masterNumber', 'string', 'Master document of a house document');
// One accessor per party (not `c[party]`), so that each stays a plain, monomorphic property read.
const PARTIES = {
  consignor: (c: Consignment) => c.consignor,
  consignee: (c: Consignment) => c.consignee,
  notifyParty: (c: Consignment) => c.notifyParty,
  declarant: (c: Consignment) => c.declarant,
} as const;
for (const party of ['consignor', 'consignee', 'notifyParty', 'declarant'] as const) {
  const partyOf = PARTIES[party];
  data(`${party}.name`, 'string', `${party} name`);
  data(`${party}.address.line`, 'string', `${party} street line`);
  data(`${party}.address.city`, 'string', `${party} city`);
  data(`${party}.address.postcode`, 'string', `${party} postcode`);
  data(`${party}.address.country`, 'string', `${party} country`, { format: 'country' });
  derived(`${party}.aeoIds`, 'string[]', `AEO identifiers declared for the ${party}`, (_s, c) =>
    d.aeoIds(partyOf(c)),
  );
  derived(`${party}.eori`, 'string', `EORI number of the ${party}`, (_s, c) => d.eori(partyOf(c)));
}
data('originCountry', 'string', 'Country of origin', { format: 'country' });
data('placeOfLoading', 'string', 'Place of loading (UN/LOCODE)', { format: 'locode' });
data('placeOfUnloading', 'string', 'Place of unloading (UN/LOCODE)', { format: 'locode' });
data('routingCountries', 'string[]', 'Countries of routing', { format: 'country' });
data('borderTransportMeans.identifier', 'string', 'Flight, IMO, vehicle or train identifier');
data('borderTransportMeans.nationality', 'string', 'Nationality of the means of transport', {
  format: 'country',
});
data('totalPackages', 'number', 'Declared total number of packages (pieces)');
data('totalGrossMassKg', 'number', 'Declared total gross mass in kg');
data('goodsDescription', 'string', 'Goods description of a PLACI filing');

derived('derived.itemCount', 'number', 'Number of goods items', (_s, c) =>
  c.dataset === 'full' ? c.goodsItems.length : 0,
);
derived('derived.totalValue', 'number', 'Sum of item values (one currency only)', (_s, c) => d.totalValue(c));
derived('derived.valueCurrency', 'string', 'The currency of all items', (_s, c) => d.valueCurrency(c), {
  format: 'currency',
});
derived('derived.grossMassKg', 'number', 'Declared total gross mass, else the sum over items', (_s, c) =>
  d.grossMassKg(c),
);
derived('derived.packageCount', 'number', 'Declared pieces, else the sum over items', (_s, c) =>
  d.packageCount(c),
);
derived('derived.valuePerKg', 'number', 'Total value per kg of item gross mass', (_s, c) => d.valuePerKg(c));
derived('derived.massDiscrepancyPct', 'number', 'Declared total mass vs the items, in %', (_s, c) =>
  d.massDiscrepancyPct(c),
);
derived(
  'derived.loadingCountry',
  'string',
  'Country of the place of loading',
  (_s, c) => d.loadingCountry(c),
  {
    format: 'country',
  },
);
derived(
  'derived.unloadingCountry',
  'string',
  'Country of the place of unloading',
  (_s, c) => d.unloadingCountry(c),
  {
    format: 'country',
  },
);
derived(
  'derived.transitCountries',
  'string[]',
  'Routing countries other than loading and unloading',
  (_s, c) => d.transitCountries(c),
  { format: 'country' },
);
derived('derived.descriptions', 'string[]', 'Every goods description (items or PLACI)', (_s, c) =>
  d.descriptions(c),
);
derived('derived.hsCodes', 'string[]', 'Every item HS code', (_s, c) => d.hsCodes(c), { format: 'hs' });
derived('derived.minDescriptionWords', 'number', 'Fewest words in a goods description', (_s, c) =>
  d.minDescriptionWords(c),
);
derived(
  'derived.transitHours',
  'number',
  'Expected arrival minus expected departure, in hours',
  (_s, c, _f, times?: d.Schedule) => d.transitHours(c, times),
  { basis: SCHEDULE },
);
derived(
  'derived.filingLeadHours',
  'number',
  'Hours from filing to the deadline event',
  (_s, c, f, times?: d.Schedule) => d.filingLeadHours(c, f, times),
  { basis: SCHEDULE },
);
derived(
  'derived.filingRequiredHours',
  'number',
  'Hours before the event the mode requires',
  (_s, c, f, times?: d.Schedule) => d.filingDeadline(c, f, times)?.requiredHours,
  { basis: SCHEDULE },
);
derived(
  'derived.filingMarginHours',
  'number',
  'Lead time minus the required lead (negative = late)',
  (_s, c, f, times?: d.Schedule) => d.filingMarginHours(c, f, times),
  { basis: SCHEDULE },
);
derived(
  'derived.isLateFiling',
  'boolean',
  'Filed after the mode deadline',
  (_s, c, f, times?: d.Schedule) => {
    const margin = d.filingMarginHours(c, f, times);
    return margin === undefined ? undefined : margin < 0;
  },
  { basis: SCHEDULE },
);
derived('derived.containerCount', 'number', 'Number of containers', (_s, c) => d.equipment(c).length);
derived('derived.sealCount', 'number', 'Number of seals over all containers', (_s, c) => d.sealCount(c));
derived('derived.hasUnsealedContainer', 'boolean', 'A container without any seal', (_s, c) =>
  d.hasUnsealedContainer(c),
);
derived('derived.hasSealAnomaly', 'boolean', 'A seal reported damaged or missing', (_s, c) =>
  d.hasSealAnomaly(c),
);
derived('derived.hasAeoParty', 'boolean', 'Consignor or consignee declares an AEO identifier', (_s, c) =>
  d.hasAeoParty(c),
);

for (const fact of [
  'consignorFirstSeen',
  'consigneeFirstSeen',
  'declarantFirstSeen',
  'consignorAeoActive',
  'consigneeAeoActive',
  'shortSeaVoyage',
] as const) {
  derived(`facts.${fact}`, 'boolean', `Caller fact: ${fact}`, (_s, _c, f) => f[fact], {
    fact,
    memoise: false,
  });
}

data('item.sequence', 'number', 'Item sequence number');
data('item.hsCode', 'string', 'HS code of the item', { format: 'hs' });
data('item.description', 'string', 'Goods description of the item');
data('item.packages.count', 'number', 'Number of packages');
data('item.packages.type', 'string', 'UN/ECE Rec. 21 package type');
data('item.grossMassKg', 'number', 'Gross mass in kg');
data('item.value.amount', 'number', 'Item value');
data('item.value.currency', 'string', 'Item value currency', { format: 'currency' });
data('item.originCountry', 'string', 'Item country of origin', { format: 'country' });
derived('item.valuePerKg', 'number', 'Item value per kg', (s) => d.itemValuePerKg(s as ConsignmentItem));
derived('item.descriptionWords', 'number', 'Words in the item description', (s) =>
  d.wordCount((s as ConsignmentItem).description),
);

data('container.containerId', 'string', 'ISO 6346 container number');
derived(
  'container.sealCount',
  'number',
  'Seals on the container',
  (s) => (s as TransportEquipment).seals.length,
);
derived('container.sealIds', 'string[]', 'Seal numbers', (s) =>
  (s as TransportEquipment).seals.map((x) => x.id),
);
derived(
  'container.sealConditions',
  'string[]',
  'Reported seal conditions',
  (s) => (s as TransportEquipment).seals.flatMap((x) => (x.condition === undefined ? [] : [x.condition])),
  { values: SEAL_CONDITIONS },
);
derived('container.hasSealAnomaly', 'boolean', 'A seal reported damaged or missing', (s) =>
  d.containerHasSealAnomaly(s as TransportEquipment),
);

export const FIELDS: ReadonlyMap<string, FieldSpec> = new Map(specs.map((spec) => [spec.path, spec]));

/** Reads a field the plain way: follow the data path, or compute. Used by the reference evaluator. */
export function readField(spec: FieldSpec, scoped: Scoped, c: Consignment, facts: ScreeningFacts): unknown {
  if (spec.compute) return spec.compute(scoped, c, facts);
  // A consignment-level field read inside anyItem/anyContainer still reads the consignment.
  let value: unknown = spec.scope === 'consignment' ? c : scoped;
  for (const segment of spec.data!) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

/** The concrete name of a value in evidence, e.g. `goodsItems.2.hsCode` for `item.hsCode` on item 2. */
export function evidenceName(spec: FieldSpec, index: number): string {
  if (spec.scope === 'consignment') return spec.path;
  return `${COLLECTIONS[spec.scope]}.${index}.${spec.path.slice(spec.scope.length + 1)}`;
}
