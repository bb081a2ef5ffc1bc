/**
 * The columns of the consignment CSV (docs/screening-import.md). Each names the contract field it fills
 * (`path`, in the WCO Data Model terms of `Consignment`), so that a problem the contract finds is reported
 * back under the column the filer wrote. Consignment columns are read once per consignment and may be
 * repeated on its other rows or left blank there; item columns are read on every row.
 */

export type ColumnKind =
  | 'text'
  | 'code'
  | 'integer'
  | 'number'
  | 'datetime'
  | 'codes'
  | 'identifiers'
  | 'containers'
  | 'seals';

export interface ImportColumn {
  name: string;
  level: 'consignment' | 'item';
  /** The contract field, numeric list positions left out (`goodsItems.hsCode`). */
  path: string;
  kind: ColumnKind;
  /** Must appear in the header (a value may still be required by the data set). */
  required: boolean;
  help: string;
}

const PARTIES = [
  ['consignor', 'consignor', true],
  ['consignee', 'consignee', true],
  ['notify_party', 'notifyParty', false],
  ['declarant', 'declarant', false],
] as const;

const partyColumns = PARTIES.flatMap(([prefix, path, required]): ImportColumn[] => [
  {
    name: `${prefix}_name`,
    level: 'consignment',
    path: `${path}.name`,
    kind: 'text',
    required,
    help: 'name',
  },
  {
    name: `${prefix}_address`,
    level: 'consignment',
    path: `${path}.address.line`,
    kind: 'text',
    required: false,
    help: 'street and number',
  },
  {
    name: `${prefix}_city`,
    level: 'consignment',
    path: `${path}.address.city`,
    kind: 'text',
    required,
    help: 'city',
  },
  {
    name: `${prefix}_postcode`,
    level: 'consignment',
    path: `${path}.address.postcode`,
    kind: 'text',
    required: false,
    help: 'postcode',
  },
  {
    name: `${prefix}_country`,
    level: 'consignment',
    path: `${path}.address.country`,
    kind: 'code',
    required,
    help: 'ISO 3166-1 alpha-2 country',
  },
  {
    name: `${prefix}_identifiers`,
    level: 'consignment',
    path: `${path}.identifiers`,
    kind: 'identifiers',
    required: false,
    help: 'SCHEME:VALUE;… e.g. EORI:NL123456789;AEO:NLAEOF000001',
  },
]);

const c = (name: string, path: string, kind: ColumnKind, help: string, required = false): ImportColumn => ({
  name,
  level: 'consignment',
  path,
  kind,
  required,
  help,
});
const i = (name: string, path: string, kind: ColumnKind, help: string): ImportColumn => ({
  name,
  level: 'item',
  path: `goodsItems.${path}`,
  kind,
  required: false,
  help,
});

export const SCREENING_IMPORT_COLUMNS: readonly ImportColumn[] = [
  c('dataset', 'dataset', 'code', 'full (entry summary, the default) or placi (air 7+1 pre-loading)'),
  c('mode', 'modeOfTransport', 'code', 'air, sea, road, rail or postal', true),
  c('reference', 'reference', 'text', 'UCR (WCO DM 016), the filer’s own key'),
  c(
    'transport_document_type',
    'transportDocument.type',
    'code',
    'MAWB, HAWB, MBL, HBL, CMR, CIM or UPU',
    true,
  ),
  c(
    'transport_document_number',
    'transportDocument.number',
    'text',
    'groups the rows of a consignment',
    true,
  ),
  c('master_document_number', 'transportDocument.masterNumber', 'text', 'master AWB or B/L of a house'),
  ...partyColumns,
  c('origin_country', 'originCountry', 'code', 'country of origin (full)'),
  c('place_of_loading', 'placeOfLoading', 'code', 'UN/LOCODE (full: required)'),
  c('place_of_unloading', 'placeOfUnloading', 'code', 'UN/LOCODE (full: required)'),
  c('routing_countries', 'routingCountries', 'codes', 'countries in order, ;-separated'),
  c('conveyance_id', 'borderTransportMeans.identifier', 'text', 'flight, IMO number, plate or train'),
  c('conveyance_nationality', 'borderTransportMeans.nationality', 'code', 'country of the conveyance'),
  c('filing_time', 'filingTime', 'datetime', 'ISO 8601; without a zone, UTC', true),
  c('expected_departure', 'expectedDeparture', 'datetime', 'ISO 8601'),
  c('expected_arrival', 'expectedArrival', 'datetime', 'ISO 8601'),
  c('total_packages', 'totalPackages', 'integer', 'pieces (placi: required)'),
  c('total_gross_mass_kg', 'totalGrossMassKg', 'number', 'kg (placi: required)'),
  c('goods_description', 'goodsDescription', 'text', 'placi: the cargo description'),
  c('containers', 'transportEquipment.containerId', 'containers', 'ISO 6346 numbers, ;-separated'),
  c('seals', 'transportEquipment.seals', 'seals', 'CONTAINER:SEAL[:intact|damaged|missing];…'),
  i('item_sequence', 'sequence', 'integer', '1-999; default: the row’s place in the consignment'),
  i('item_hs_code', 'hsCode', 'code', 'HS code, 6, 8 or 10 digits'),
  i('item_description', 'description', 'text', 'goods description'),
  i('item_packages', 'packages.count', 'integer', 'number of packages'),
  i('item_package_type', 'packages.type', 'code', 'UN/ECE Rec. 21 code, e.g. CT'),
  i('item_gross_mass_kg', 'grossMassKg', 'number', 'kg'),
  i('item_value', 'value.amount', 'number', 'customs value'),
  i('item_currency', 'value.currency', 'code', 'ISO 4217'),
  i('item_origin_country', 'originCountry', 'code', 'country of origin of the item'),
];

export const COLUMNS_BY_NAME = new Map(SCREENING_IMPORT_COLUMNS.map((col) => [col.name, col]));

/** The column a contract path was filled from: the longest column path that prefixes it. */
export function columnForPath(path: readonly PropertyKey[]): ImportColumn | undefined {
  const names = path.filter((p): p is string => typeof p === 'string');
  for (let n = names.length; n > 0; n--) {
    const found = COLUMNS_BY_PATH.get(names.slice(0, n).join('.'));
    if (found) return found;
  }
  return undefined;
}

const COLUMNS_BY_PATH = new Map(SCREENING_IMPORT_COLUMNS.map((col) => [col.path, col]));
// A whole missing object is reported under the column that names it.
for (const [alias, column] of [
  ['transportDocument', 'transport_document_number'],
  ['consignor', 'consignor_name'],
  ['consignee', 'consignee_name'],
  ['notifyParty', 'notify_party_name'],
  ['declarant', 'declarant_name'],
  ['consignor.address', 'consignor_city'],
  ['consignee.address', 'consignee_city'],
  ['notifyParty.address', 'notify_party_city'],
  ['declarant.address', 'declarant_city'],
  ['borderTransportMeans', 'conveyance_id'],
  ['goodsItems', 'item_hs_code'],
  ['goodsItems.packages', 'item_packages'],
  ['goodsItems.value', 'item_value'],
  ['transportEquipment', 'containers'],
] as const) {
  COLUMNS_BY_PATH.set(alias, COLUMNS_BY_NAME.get(column)!);
}
