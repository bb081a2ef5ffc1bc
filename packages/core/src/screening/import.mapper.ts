import {
  Consignment,
  CsvError,
  type CsvRecord,
  parseCsv,
  type ScreeningImportError,
  SEAL_CONDITIONS,
} from '@aeolus/contracts';
import type { z } from 'zod';
import { AppError } from '../errors.js';
import {
  COLUMNS_BY_NAME,
  columnForPath,
  type ImportColumn,
  SCREENING_IMPORT_COLUMNS,
} from './import.columns.js';

/**
 * CSV rows → consignments (docs/screening-import.md). Rows are grouped by transport document (type and
 * number); consignment columns take the first non-blank value of the group and a later row that says
 * otherwise is an error; each row with an item column filled is one goods item. Every problem is named by
 * row and column, and a consignment with any problem is not filed while the others are.
 */

export interface MappedConsignment {
  /** `<document type> <number>`, as the filing service names the transport document. */
  transportDocument: string;
  rows: number[];
  /** The UCR the rows give, if any (a rejected consignment is still named as the filer knows it). */
  reference?: string;
  consignment?: Consignment;
}

export interface MappedFile {
  rows: number;
  consignments: MappedConsignment[];
  errors: ScreeningImportError[];
}

type Row = { rowNumber: number; cells: Map<string, string> };

/** `,`, `;` or a tab, whichever the header row has most of (spreadsheets in many locales write `;`). */
export function detectDelimiter(text: string): string {
  const end = text.search(/\r|\n/);
  const header = end === -1 ? text : text.slice(0, end);
  const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ',';
}

const normalise = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** Refuses the file (nothing filed) when its header cannot be read: unknown, repeated or missing columns. */
function readHeader(header: CsvRecord | undefined): string[] {
  if (!header) {
    throw AppError.validation([
      { path: 'row 1', message: 'the file is empty: it needs a header row and one row per goods item' },
    ]);
  }
  const names = header.fields.map(normalise);
  const problems: { path: string; message: string }[] = [];
  if (header.error) problems.push({ path: 'row 1', message: header.error });
  const seen = new Set<string>();
  names.forEach((name, index) => {
    if (name === '') {
      problems.push({ path: `row 1, column ${index + 1}`, message: 'has no name' });
    } else if (!COLUMNS_BY_NAME.has(name)) {
      problems.push({
        path: `row 1, column ${name}`,
        message: 'is not a column of the consignment import (see docs/screening-import.md)',
      });
    } else if (seen.has(name)) {
      problems.push({ path: `row 1, column ${name}`, message: 'appears twice' });
    }
    seen.add(name);
  });
  for (const column of SCREENING_IMPORT_COLUMNS) {
    if (column.required && !seen.has(column.name)) {
      problems.push({ path: `row 1, column ${column.name}`, message: 'is missing from the header' });
    }
  }
  if (problems.length > 0) throw AppError.validation(problems);
  return names;
}

/** Reads the CSV text; a quote never closed or a bad header refuses the file with a 4xx. */
export function readImportRows(text: string): { rows: Row[]; errors: ScreeningImportError[] } {
  let records: CsvRecord[];
  try {
    records = parseCsv(text, detectDelimiter(text));
  } catch (error) {
    if (error instanceof CsvError) throw AppError.validation([{ path: 'file', message: error.message }]);
    throw error;
  }
  const [header, ...data] = records;
  const names = readHeader(header);
  const rows: Row[] = [];
  const errors: ScreeningImportError[] = [];
  for (const record of data) {
    if (record.error) {
      errors.push({ row: record.rowNumber, column: null, message: record.error });
      continue;
    }
    if (record.fields.length !== names.length) {
      errors.push({
        row: record.rowNumber,
        column: null,
        message: `has ${record.fields.length} fields where the header has ${names.length}`,
      });
      continue;
    }
    const cells = new Map<string, string>();
    names.forEach((name, index) => {
      const value = record.fields[index]!.trim();
      if (value !== '') cells.set(name, value);
    });
    rows.push({ rowNumber: record.rowNumber, cells });
  }
  return { rows, errors };
}

// Cell values -----------------------------------------------------------------------------------------

class CellError extends Error {}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const LOCAL_DATETIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2}(\.\d+)?)?$/;

const list = (value: string) =>
  value
    .split(';')
    .map((v) => v.trim())
    .filter((v) => v !== '');

function parseCell(column: ImportColumn, value: string): unknown {
  switch (column.kind) {
    case 'text':
      return value;
    case 'code':
      // Code lists are upper case, except the contract's own words (dataset, mode).
      return column.name === 'dataset' || column.name === 'mode' ? value.toLowerCase() : value.toUpperCase();
    case 'integer':
    case 'number': {
      if (!NUMBER.test(value)) {
        throw new CellError(
          `must be a number written with digits and a decimal point, e.g. 1250.5 (not "${value}")`,
        );
      }
      const n = Number(value);
      if (column.kind === 'integer' && !Number.isInteger(n)) throw new CellError('must be a whole number');
      return n;
    }
    case 'datetime': {
      const local = LOCAL_DATETIME.exec(value);
      const iso = local ? `${local[1]}T${local[2]}${local[3] ?? ':00'}Z` : value;
      const time = Date.parse(iso);
      if (!/^\d{4}-\d{2}-\d{2}T/.test(iso) || Number.isNaN(time)) {
        throw new CellError('must be a date and time in ISO 8601, e.g. 2026-11-22T14:30:00Z');
      }
      return new Date(time).toISOString();
    }
    case 'codes':
      return list(value).map((v) => v.toUpperCase());
    case 'identifiers':
      return list(value).map((entry) => {
        const at = entry.indexOf(':');
        if (at <= 0 || at === entry.length - 1) {
          throw new CellError(`"${entry}" is not SCHEME:VALUE, e.g. EORI:NL123456789`);
        }
        return { scheme: entry.slice(0, at).trim().toUpperCase(), value: entry.slice(at + 1).trim() };
      });
    case 'containers':
      return list(value).map((v) => v.toUpperCase());
    case 'seals':
      return list(value).map((entry) => {
        const [container, id, condition, ...rest] = entry.split(':').map((p) => p.trim());
        if (!container || !id || rest.length > 0) {
          throw new CellError(`"${entry}" is not CONTAINER:SEAL or CONTAINER:SEAL:condition`);
        }
        if (
          condition !== undefined &&
          !(SEAL_CONDITIONS as readonly string[]).includes(condition.toLowerCase())
        ) {
          throw new CellError(
            `the seal condition "${condition}" is not one of ${SEAL_CONDITIONS.join(', ')}`,
          );
        }
        return { container: container.toUpperCase(), id, condition: condition?.toLowerCase() };
      });
    default:
      return column.kind satisfies never;
  }
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    node[part] ??= {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts.at(-1)!] = value;
}

// Grouping and building ---------------------------------------------------------------------------------

interface Group {
  transportDocument: string;
  rows: Row[];
}

const CONSIGNMENT_COLUMNS = SCREENING_IMPORT_COLUMNS.filter((col) => col.level === 'consignment');
const ITEM_COLUMNS = SCREENING_IMPORT_COLUMNS.filter((col) => col.level === 'item');

function group(rows: readonly Row[], errors: ScreeningImportError[]): Group[] {
  const groups = new Map<string, Group>();
  for (const row of rows) {
    const type = row.cells.get('transport_document_type')?.toUpperCase();
    const number = row.cells.get('transport_document_number');
    if (!type || !number) {
      for (const column of ['transport_document_type', 'transport_document_number']) {
        if (!row.cells.has(column)) {
          errors.push({
            row: row.rowNumber,
            column,
            message: 'is required: the transport document groups the rows of a consignment',
          });
        }
      }
      continue;
    }
    const key = `${type} ${number}`;
    const found = groups.get(key);
    if (found) found.rows.push(row);
    else groups.set(key, { transportDocument: key, rows: [row] });
  }
  return [...groups.values()];
}

interface Built {
  value: Record<string, unknown>;
  /** Where each contract field came from: item index → row, and `row:column` cells already in error. */
  itemRows: number[];
  firstRowOf: Map<string, number>;
  failed: Set<string>;
}

function build(g: Group, errors: ScreeningImportError[]): Built {
  const value: Record<string, unknown> = {};
  const firstRowOf = new Map<string, number>();
  const failed = new Set<string>();
  const fail = (row: number, column: string, message: string) => {
    errors.push({ row, column, message });
    failed.add(`${row}:${column}`);
  };
  const cellOf = (row: Row, column: ImportColumn): unknown => {
    const text = row.cells.get(column.name);
    if (text === undefined) return undefined;
    try {
      return parseCell(column, text);
    } catch (error) {
      if (!(error instanceof CellError)) throw error;
      fail(row.rowNumber, column.name, error.message);
      return undefined;
    }
  };

  for (const column of CONSIGNMENT_COLUMNS) {
    let first: Row | undefined;
    for (const row of g.rows) {
      const text = row.cells.get(column.name);
      if (text === undefined) continue;
      if (!first) {
        first = row;
        firstRowOf.set(column.name, row.rowNumber);
        continue;
      }
      if (text !== first.cells.get(column.name)) {
        fail(
          row.rowNumber,
          column.name,
          `says "${text}" where row ${first.rowNumber} of the same consignment says "${first.cells.get(column.name)}" (repeat the value or leave it blank)`,
        );
      }
    }
    if (!first) continue;
    const cell = cellOf(first, column);
    if (cell === undefined || column.kind === 'containers' || column.kind === 'seals') continue;
    setPath(value, column.path, cell);
  }
  value.dataset ??= 'full';

  // Containers and their seals: each seal names a container of the `containers` column.
  const containersRow = g.rows.find((r) => r.cells.has('containers'));
  const sealsRow = g.rows.find((r) => r.cells.has('seals'));
  const containers = containersRow
    ? (cellOf(containersRow, COLUMNS_BY_NAME.get('containers')!) as string[] | undefined)
    : [];
  const seals = sealsRow
    ? (cellOf(sealsRow, COLUMNS_BY_NAME.get('seals')!) as
        | { container: string; id: string; condition?: string }[]
        | undefined)
    : [];
  if (containers && seals) {
    for (const seal of seals) {
      if (!containers.includes(seal.container)) {
        fail(
          sealsRow!.rowNumber,
          'seals',
          `names container ${seal.container}, which is not in the containers column`,
        );
      }
    }
    if (containers.length > 0) {
      value.transportEquipment = containers.map((containerId) => ({
        containerId,
        seals: seals
          .filter((s) => s.container === containerId)
          .map((s) => (s.condition ? { id: s.id, condition: s.condition } : { id: s.id })),
      }));
    }
  }

  // Goods items: every row with an item column filled.
  const itemRows: number[] = [];
  const items: Record<string, unknown>[] = [];
  for (const row of g.rows) {
    if (!ITEM_COLUMNS.some((col) => row.cells.has(col.name))) continue;
    if (value.dataset === 'placi') {
      fail(
        row.rowNumber,
        ITEM_COLUMNS.find((col) => row.cells.has(col.name))!.name,
        'a PLACI (7+1) consignment has no goods items: leave the item columns blank and use goods_description, total_packages and total_gross_mass_kg',
      );
      continue;
    }
    const item: Record<string, unknown> = { sequence: items.length + 1 };
    for (const column of ITEM_COLUMNS) {
      const cell = cellOf(row, column);
      if (cell !== undefined) setPath(item, column.path.slice('goodsItems.'.length), cell);
    }
    items.push(item);
    itemRows.push(row.rowNumber);
  }
  if (items.length > 0) value.goodsItems = items;
  return { value, itemRows, firstRowOf, failed };
}

/** A zod message as a filer reads it. */
function wordIssue(issue: z.core.$ZodIssue, dataset: unknown): string {
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) {
    return `is required for a ${dataset === 'placi' ? 'PLACI (7+1)' : 'full'} consignment`;
  }
  if (issue.code === 'too_small' && typeof issue.minimum === 'number') {
    if (issue.origin === 'array') return `needs at least ${issue.minimum}`;
    return issue.inclusive ? `must be at least ${issue.minimum}` : `must be greater than ${issue.minimum}`;
  }
  if (issue.code === 'too_big' && typeof issue.maximum === 'number') {
    return issue.origin === 'string'
      ? `must be at most ${issue.maximum} characters`
      : `must be at most ${issue.maximum}`;
  }
  if (issue.code === 'invalid_value') return `must be one of ${issue.values.map(String).join(', ')}`;
  return issue.message;
}

function validate(g: Group, built: Built, errors: ScreeningImportError[]): Consignment | undefined {
  const parsed = Consignment.safeParse(built.value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const column = columnForPath(issue.path);
      const itemIndex = issue.path[0] === 'goodsItems' ? issue.path[1] : undefined;
      const row =
        typeof itemIndex === 'number'
          ? built.itemRows[itemIndex]!
          : ((column && built.firstRowOf.get(column.name)) ?? g.rows[0]!.rowNumber);
      const name = column?.name ?? (issue.path.join('.') || null);
      // One problem per cell: the first the contract finds (a bad format, not also its range).
      if (name && built.failed.has(`${row}:${name}`)) continue;
      if (name) built.failed.add(`${row}:${name}`);
      errors.push({ row, column: name, message: wordIssue(issue, built.value.dataset) });
    }
  }
  return parsed.success && built.failed.size === 0 ? parsed.data : undefined;
}

/** Maps the rows of a consignment CSV to consignments, with every problem by row and column. */
export function mapConsignmentCsv(text: string): MappedFile {
  const { rows, errors } = readImportRows(text);
  const groups = group(rows, errors);
  const consignments = groups.map((g): MappedConsignment => {
    const built = build(g, errors);
    const consignment = validate(g, built, errors);
    const reference = g.rows.find((r) => r.cells.has('reference'))?.cells.get('reference');
    return {
      transportDocument: g.transportDocument,
      rows: g.rows.map((r) => r.rowNumber),
      ...(reference ? { reference } : {}),
      ...(consignment ? { consignment } : {}),
    };
  });
  errors.sort((a, b) => a.row - b.row);
  return { rows: rows.length + countUnreadable(errors, rows), consignments, errors };
}

/** Rows dropped before grouping (unreadable, wrong field count) still count as rows of the file. */
function countUnreadable(errors: readonly ScreeningImportError[], rows: readonly Row[]): number {
  const read = new Set(rows.map((r) => r.rowNumber));
  return new Set(errors.filter((e) => !read.has(e.row)).map((e) => e.row)).size;
}
