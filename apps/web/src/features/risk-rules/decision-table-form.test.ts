import { DecisionTable } from '@aeolus/contracts';
import { describe, expect, it } from 'vitest';
import { addColumn, removeColumn, tableFormOf, tableOf } from './decision-table-form.js';

const lateFiling: DecisionTable = {
  id: 'late-filing',
  name: 'Late filing by mode',
  rationale: 'Data filed after the deadline leave too little time to assess.',
  hitPolicy: 'priority',
  inputs: [{ field: 'modeOfTransport', label: 'Mode' }, { field: 'derived.filingMarginHours' }],
  rows: [
    {
      id: 'sea-very-late',
      cells: [
        { op: 'eq', value: 'sea' },
        { op: 'lt', value: -12 },
      ],
      weight: 30,
      priority: 2,
    },
    {
      id: 'any-late',
      cells: [null, { op: 'between', min: -12, max: 0 }],
      weight: 10,
      minLane: 'yellow',
      referral: 'RFI',
      note: 'late',
    },
  ],
};

describe('decision-table form', () => {
  it('reads a table and writes back the same table', () => {
    expect(tableOf(tableFormOf(lateFiling))).toEqual(lateFiling);
  });

  it('adds and removes a column in every row, keeping "matches anything" cells', () => {
    const form = addColumn(tableFormOf(lateFiling));
    expect(form.rows.every((row) => row.cells.length === 3 && row.cells[2] === null)).toBe(true);
    const back = removeColumn(form, 0);
    expect(back.inputs.map((i) => i.field)).toEqual(['derived.filingMarginHours', '']);
    expect(back.rows[0]?.cells[0]).toEqual(expect.objectContaining({ op: 'lt', text: '-12' }));
  });

  it('lets the contract name an empty weight and a blank column field', () => {
    const form = tableFormOf(lateFiling);
    form.rows[1] = { ...form.rows[1]!, weight: '' };
    form.inputs[1] = { field: '', label: '' };
    const checked = DecisionTable.safeParse(tableOf(form));
    expect(checked.success).toBe(false);
    expect(checked.error?.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'inputs.1.field',
      'rows.1.weight',
    ]);
  });
});
