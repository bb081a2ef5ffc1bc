import { csvLine } from '@aeolus/contracts';

/** Columns of a full (entry summary) consignment CSV, as docs/screening-import.md shows them. */
export const IMPORT_HEADER = [
  'mode',
  'reference',
  'transport_document_type',
  'transport_document_number',
  'consignor_name',
  'consignor_city',
  'consignor_country',
  'consignor_identifiers',
  'consignee_name',
  'consignee_city',
  'consignee_country',
  'origin_country',
  'place_of_loading',
  'place_of_unloading',
  'routing_countries',
  'filing_time',
  'containers',
  'seals',
  'item_hs_code',
  'item_description',
  'item_packages',
  'item_gross_mass_kg',
  'item_value',
  'item_currency',
] as const;

export type ImportRow = Partial<Record<string, string>>;

/** One goods item of a sea consignment from Shanghai to Rotterdam that every column check accepts. */
export const IMPORT_ROW: ImportRow = {
  mode: 'sea',
  reference: 'UCR-1',
  transport_document_type: 'MBL',
  transport_document_number: 'MEDU1234567',
  consignor_name: 'Shenzhen Bright Star Electronics',
  consignor_city: 'Shenzhen',
  consignor_country: 'CN',
  consignor_identifiers: 'EORI:CN123456789',
  consignee_name: 'Holland Retail Distribution BV',
  consignee_city: 'Rotterdam',
  consignee_country: 'NL',
  origin_country: 'CN',
  place_of_loading: 'CNSHA',
  place_of_unloading: 'NLRTM',
  routing_countries: 'CN;SG;NL',
  filing_time: '2026-06-01 06:00',
  containers: 'TCLU7654320',
  seals: 'TCLU7654320:SL123456',
  item_hs_code: '940360',
  item_description: 'Wooden furniture',
  item_packages: '10',
  item_gross_mass_kg: '500',
  item_value: '12000',
  item_currency: 'EUR',
};

/** A consignment CSV: the header and one line per row (CRLF, as spreadsheets write). */
export function consignmentCsv(
  rows: readonly ImportRow[],
  header: readonly string[] = IMPORT_HEADER,
): string {
  return [csvLine(header), ...rows.map((r) => csvLine(header.map((h) => r[h] ?? '')))].join('\r\n');
}

/** `count` one-item consignments with distinct references and bills of lading (`prefix` keeps runs apart). */
export function importRows(count: number, prefix: string): ImportRow[] {
  return Array.from({ length: count }, (_, i) => ({
    ...IMPORT_ROW,
    reference: `${prefix}-${i + 1}`,
    transport_document_number: `${prefix}${String(i + 1).padStart(6, '0')}`,
  }));
}
