import { consignmentCsv, IMPORT_HEADER, IMPORT_ROW, type ImportRow } from '@aeolus/core/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors.js';
import { SCREENING_IMPORT_COLUMNS } from './import.columns.js';
import { detectDelimiter, mapConsignmentCsv } from './import.mapper.js';

const HEADER: string[] = [...IMPORT_HEADER];
type Row = ImportRow;
const base = IMPORT_ROW;
const csv = consignmentCsv;

describe('mapConsignmentCsv', () => {
  it('groups item rows by transport document, consignment columns repeated or blank', () => {
    const second: Row = {
      transport_document_type: 'MBL',
      transport_document_number: 'MEDU1234567',
      item_hs_code: '85171300',
      item_description: 'Mobile phones',
      item_packages: '2',
      item_gross_mass_kg: '40.5',
      item_value: '30000',
      item_currency: 'EUR',
    };
    const other: Row = { ...base, reference: 'UCR-2', transport_document_number: 'MEDU7654321' };
    const mapped = mapConsignmentCsv(csv([base, second, { ...base, ...second }, other]));
    expect(mapped.errors).toEqual([]);
    expect(mapped.rows).toBe(4);
    expect(mapped.consignments.map((c) => [c.transportDocument, c.rows])).toEqual([
      ['MBL MEDU1234567', [2, 3, 4]],
      ['MBL MEDU7654321', [5]],
    ]);
    const first = mapped.consignments[0]!.consignment!;
    expect(first).toMatchObject({
      dataset: 'full',
      modeOfTransport: 'sea',
      filingTime: '2026-06-01T06:00:00.000Z',
      routingCountries: ['CN', 'SG', 'NL'],
      consignor: { identifiers: [{ scheme: 'EORI', value: 'CN123456789' }] },
      transportEquipment: [{ containerId: 'TCLU7654320', seals: [{ id: 'SL123456' }] }],
    });
    expect(
      first.dataset === 'full' && first.goodsItems.map((i) => [i.sequence, i.hsCode, i.grossMassKg]),
    ).toEqual([
      [1, '940360', 500],
      [2, '85171300', 40.5],
      [3, '85171300', 40.5],
    ]);
  });

  it('names the row and column of every bad value, and files the other consignments', () => {
    const rows: Row[] = [
      { ...base, item_hs_code: '7712' },
      { ...base, reference: 'UCR-2', transport_document_number: 'B2', item_gross_mass_kg: '-5' },
      { ...base, reference: 'UCR-3', transport_document_number: 'B3', consignor_country: 'XX' },
      { ...base, reference: 'UCR-4', transport_document_number: 'B4', place_of_loading: 'ZZ123' },
      { ...base, reference: 'UCR-5', transport_document_number: 'B5', item_packages: 'ten' },
      { ...base, reference: 'UCR-6', transport_document_number: 'B6', filing_time: 'yesterday' },
      { ...base, reference: 'UCR-7', transport_document_number: 'B7' },
    ];
    const mapped = mapConsignmentCsv(csv(rows));
    expect(mapped.errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'item_hs_code'],
      [3, 'item_gross_mass_kg'],
      [4, 'consignor_country'],
      [5, 'place_of_loading'],
      [6, 'item_packages'],
      [7, 'filing_time'],
    ]);
    expect(mapped.errors[1]!.message).toBe('must be greater than 0');
    expect(mapped.errors[4]!.message).toMatch(/must be a number/);
    expect(mapped.consignments.map((c) => c.consignment !== undefined)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      true,
    ]);
  });

  it('refuses a row that contradicts the consignment, and a seal of an unknown container', () => {
    const mapped = mapConsignmentCsv(
      csv([base, { ...base, consignee_country: 'BE', seals: 'MSCU0000000:S1' }]),
    );
    expect(mapped.errors).toEqual([
      expect.objectContaining({
        row: 3,
        column: 'consignee_country',
        message: expect.stringMatching(/row 2/),
      }),
      expect.objectContaining({ row: 3, column: 'seals' }),
    ]);
    expect(mapped.consignments[0]!.consignment).toBeUndefined();
  });

  it('reads a PLACI (7+1) consignment from one row and refuses item columns on it', () => {
    const header = [
      'dataset',
      'mode',
      'transport_document_type',
      'transport_document_number',
      'consignor_name',
      'consignor_city',
      'consignor_country',
      'consignee_name',
      'consignee_city',
      'consignee_country',
      'filing_time',
      'goods_description',
      'total_packages',
      'total_gross_mass_kg',
      'item_hs_code',
    ];
    const placi: Row = {
      dataset: 'PLACI',
      mode: 'air',
      transport_document_type: 'MAWB',
      transport_document_number: '17612345675',
      consignor_name: 'A',
      consignor_city: 'Nairobi',
      consignor_country: 'KE',
      consignee_name: 'B',
      consignee_city: 'Amsterdam',
      consignee_country: 'NL',
      filing_time: '2026-06-01T06:00:00+03:00',
      goods_description: 'Cut flowers',
      total_packages: '40',
      total_gross_mass_kg: '800',
    };
    const mapped = mapConsignmentCsv(
      csv([placi, { ...placi, transport_document_number: '17612345664', item_hs_code: '060311' }], header),
    );
    expect(mapped.consignments[0]!.consignment).toMatchObject({ dataset: 'placi', totalPackages: 40 });
    expect(mapped.errors).toEqual([expect.objectContaining({ row: 3, column: 'item_hs_code' })]);
  });

  it('refuses the file for an unknown, repeated or missing column, naming each', () => {
    try {
      mapConsignmentCsv(csv([base], [...HEADER.filter((h) => h !== 'filing_time'), 'colour', 'mode']));
      expect.unreachable();
    } catch (error) {
      expect(isAppError(error) && error.code).toBe('VALIDATION_FAILED');
      expect(
        (error as { details: { problems: { path: string }[] } }).details.problems.map((d) => d.path),
      ).toEqual(['row 1, column colour', 'row 1, column mode', 'row 1, column filing_time']);
    }
  });

  it('reads semicolon-separated files (spreadsheets in many locales) and short rows as row errors', () => {
    expect(detectDelimiter('a;b;c\n1,2;3')).toBe(';');
    const text = csv([base]).replaceAll(',', ';').replace('CN;SG;NL', '"CN;SG;NL"');
    expect(mapConsignmentCsv(text).errors).toEqual([]);
    const short = mapConsignmentCsv(`${csv([base])}\r\nsea,UCR-9`);
    expect(short.errors).toEqual([expect.objectContaining({ row: 3, column: null })]);
    expect(short.rows).toBe(2);
  });

  it('never throws on arbitrary cell values: each row maps or is reported', () => {
    const columns = SCREENING_IMPORT_COLUMNS.filter((c) => c.level === 'item').map((c) => c.name);
    fc.assert(
      fc.property(fc.constantFrom(...columns), fc.string({ maxLength: 30 }), (column, value) => {
        const mapped = mapConsignmentCsv(
          csv([{ ...base, [column]: value }], [...HEADER, ...columns.filter((c) => !HEADER.includes(c))]),
        );
        const ok = mapped.consignments[0]?.consignment !== undefined;
        expect(ok || mapped.errors.length > 0).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
