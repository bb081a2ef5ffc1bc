import type { DecisionTable, HitPolicy, MinLane, Referral } from '@aeolus/contracts';
import { type ClauseOperand, cellToOperand, operandToCell } from './condition-builder.js';

/**
 * The decision-table editor's form and its mapping to the rule-set format: input columns are fields, a
 * row's cells are operands on their column (`null` matches anything, "-" in DMN), then the row's outcome.
 */
export interface RowForm {
  id: string;
  cells: (ClauseOperand | null)[];
  weight: string;
  minLane: '' | MinLane;
  referral: '' | Referral;
  priority: string;
  note: string;
}

export interface TableForm {
  id: string;
  name: string;
  rationale: string;
  hitPolicy: HitPolicy;
  inputs: { field: string; label: string }[];
  rows: RowForm[];
}

export const emptyRow = (columns: number, n: number): RowForm => ({
  id: `row-${n}`,
  cells: Array.from({ length: columns }, () => null),
  weight: '10',
  minLane: '',
  referral: '',
  priority: '',
  note: '',
});

export function tableFormOf(table: DecisionTable | undefined): TableForm {
  if (!table) {
    return {
      id: '',
      name: '',
      rationale: '',
      hitPolicy: 'first',
      inputs: [{ field: 'modeOfTransport', label: '' }],
      rows: [emptyRow(1, 1)],
    };
  }
  return {
    id: table.id,
    name: table.name,
    rationale: table.rationale,
    hitPolicy: table.hitPolicy,
    inputs: table.inputs.map((i) => ({ field: i.field, label: i.label ?? '' })),
    rows: table.rows.map((row) => ({
      id: row.id,
      cells: row.cells.map((cell) => (cell ? cellToOperand(cell) : null)),
      weight: String(row.weight),
      minLane: row.minLane ?? '',
      referral: row.referral ?? '',
      priority: row.priority === undefined ? '' : String(row.priority),
      note: row.note ?? '',
    })),
  };
}

const numberOf = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim()));

/** The form as a decision table of the rule-set format (the contract checks it afterwards). */
export function tableOf(form: TableForm): unknown {
  return {
    id: form.id.trim(),
    name: form.name,
    rationale: form.rationale,
    hitPolicy: form.hitPolicy,
    inputs: form.inputs.map((i) => ({
      field: i.field.trim(),
      ...(i.label.trim() ? { label: i.label.trim() } : {}),
    })),
    rows: form.rows.map((row) => ({
      id: row.id.trim(),
      cells: row.cells.map((cell) => (cell ? operandToCell(cell) : null)),
      weight: numberOf(row.weight),
      ...(row.minLane ? { minLane: row.minLane } : {}),
      ...(row.referral ? { referral: row.referral } : {}),
      ...(row.priority.trim() !== '' ? { priority: numberOf(row.priority) } : {}),
      ...(row.note.trim() ? { note: row.note.trim() } : {}),
    })),
  };
}

/** Adds an input column: every row gets a "matches anything" cell for it. */
export function addColumn(form: TableForm): TableForm {
  return {
    ...form,
    inputs: [...form.inputs, { field: '', label: '' }],
    rows: form.rows.map((row) => ({ ...row, cells: [...row.cells, null] })),
  };
}

/** Removes an input column and its cell in every row. */
export function removeColumn(form: TableForm, column: number): TableForm {
  return {
    ...form,
    inputs: form.inputs.filter((_, i) => i !== column),
    rows: form.rows.map((row) => ({ ...row, cells: row.cells.filter((_, i) => i !== column) })),
  };
}
