import {
  COMPARISON_OPERATORS,
  type ComparisonOperator,
  DecisionTable,
  HIT_POLICIES,
  type HitPolicy,
  MinLane,
  REFERRALS,
  type RuleSetVersion,
} from '@aeolus/contracts';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { SelectField, TextAreaField, TextField } from '../../components/Field.js';
import { FormActions } from '../../components/FormActions.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Panel } from '../../components/Panel.js';
import { TableScroll } from '../../components/TableScroll.js';
import { OperandInputs } from './ConditionEditor.js';
import { COMMON_FIELDS, emptyOperand } from './condition-builder.js';
import {
  addColumn,
  emptyRow,
  type RowForm,
  removeColumn,
  tableFormOf,
  tableOf,
} from './decision-table-form.js';
import { contractProblems, firstAt, type Problems, problemsUnder } from './problems.js';
import { usePartSave, VersionPart } from './VersionPart.js';

/** A decision table of a draft: input columns, rows of cells → outcome, and the hit policy. */
export function DecisionTableEditorPage({ canEdit }: { canEdit: boolean }) {
  return (
    <VersionPart canEdit={canEdit} parts={(definition) => definition.decisionTables}>
      {({ key, part, ...props }) => <TableEditor key={key} table={part} {...props} />}
    </VersionPart>
  );
}

function TableEditor({
  version,
  table,
  readOnly,
  watchLists,
}: {
  version: RuleSetVersion;
  table: DecisionTable | undefined;
  readOnly: boolean;
  watchLists: string[];
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const datalistId = useId();
  const [form, setForm] = useState(() => tableFormOf(table));
  const { problems, failure, busy, summary, back, fail, save } = usePartSave(
    version,
    'decisionTables',
    table,
  );
  const setRow = (r: number, patch: Partial<RowForm>) =>
    setForm((f) => ({ ...f, rows: f.rows.map((row, i) => (i === r ? { ...row, ...patch } : row)) }));
  const setCell = (r: number, c: number, cell: RowForm['cells'][number]) =>
    setForm((f) => ({
      ...f,
      rows: f.rows.map((row, i) =>
        i === r ? { ...row, cells: row.cells.map((x, j) => (j === c ? cell : x)) } : row,
      ),
    }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (readOnly) return;
    const checked = DecisionTable.safeParse(tableOf(form));
    if (!checked.success) return fail(contractProblems(checked.error));
    await save(checked.data, t('riskRules.tables.saved', { id: checked.data.id }));
  }

  const summaryErrors: Problems = {};
  for (const [path, message] of Object.entries(problems))
    summaryErrors[domId(path)] ??= `${path}: ${message}`;
  const showPriority = form.hitPolicy === 'priority';

  return (
    <>
      <PageHeader
        eyebrow={
          <>
            <Link to="/risk/rule-sets">{t('riskRules.sets.title')}</Link> ›{' '}
            <Link to={back}>
              {version.ruleSetId}@{version.version}
            </Link>
          </>
        }
        title={table ? t('riskRules.tables.editTitle', { name: table.name }) : t('riskRules.tables.newTitle')}
      />
      <form className="form" onSubmit={submit} noValidate data-testid="decision-table-form">
        <ErrorSummary ref={summary} failure={failure} errors={summaryErrors} fieldIdPrefix="" />
        <Panel title={t('riskRules.tables.general')}>
          <div className="risk-rule-form__row">
            <TextField
              id={domId('id')}
              label={t('riskRules.rules.fields.id')}
              value={form.id}
              readOnly={readOnly || table !== undefined}
              error={problems.id}
              onChange={(event) => setForm({ ...form, id: event.target.value })}
            />
            <TextField
              id={domId('name')}
              label={t('riskRules.rules.fields.name')}
              value={form.name}
              readOnly={readOnly}
              error={problems.name}
              onChange={(event) => setForm({ ...form, name: event.target.value })}
            />
            <SelectField
              id={domId('hitPolicy')}
              label={t('riskRules.tables.hitPolicy')}
              hint={t(`riskRules.tables.policyHints.${form.hitPolicy}`)}
              value={form.hitPolicy}
              disabled={readOnly}
              onChange={(event) => setForm({ ...form, hitPolicy: event.target.value as HitPolicy })}
              data-testid="decision-table-hit-policy"
            >
              {HIT_POLICIES.map((policy) => (
                <option key={policy} value={policy}>
                  {t(`riskRules.tables.policies.${policy}`)}
                </option>
              ))}
            </SelectField>
          </div>
          <TextAreaField
            id={domId('rationale')}
            label={t('riskRules.rules.fields.rationale')}
            hint={t('riskRules.rules.hints.rationale')}
            value={form.rationale}
            readOnly={readOnly}
            error={problems.rationale}
            onChange={(event) => setForm({ ...form, rationale: event.target.value })}
          />
        </Panel>
        <Panel
          title={t('riskRules.tables.inputs')}
          actions={
            readOnly ? null : (
              <button
                type="button"
                className="btn btn--secondary btn--small"
                onClick={() => setForm(addColumn(form))}
              >
                {t('riskRules.tables.addInput')}
              </button>
            )
          }
        >
          <datalist id={datalistId}>
            {COMMON_FIELDS.map((f) => (
              <option key={f} value={f} />
            ))}
          </datalist>
          <ol className="risk-inputs">
            {form.inputs.map((input, c) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: columns are identified by their place
              <li key={c} className="risk-rule-form__row">
                <TextField
                  id={domId(`inputs.${c}.field`)}
                  label={t('riskRules.tables.inputField', { n: c + 1 })}
                  list={datalistId}
                  value={input.field}
                  readOnly={readOnly}
                  error={problems[`inputs.${c}.field`]}
                  spellCheck={false}
                  onChange={(event) =>
                    setForm({
                      ...form,
                      inputs: form.inputs.map((x, i) => (i === c ? { ...x, field: event.target.value } : x)),
                    })
                  }
                />
                <TextField
                  id={domId(`inputs.${c}.label`)}
                  label={t('riskRules.tables.inputLabel', { n: c + 1 })}
                  value={input.label}
                  readOnly={readOnly}
                  onChange={(event) =>
                    setForm({
                      ...form,
                      inputs: form.inputs.map((x, i) => (i === c ? { ...x, label: event.target.value } : x)),
                    })
                  }
                />
                {readOnly || form.inputs.length === 1 ? null : (
                  <button
                    type="button"
                    className="btn btn--secondary btn--small risk-inline-button"
                    onClick={() => setForm(removeColumn(form, c))}
                  >
                    {t('riskRules.tables.removeInput', { n: c + 1 })}
                  </button>
                )}
              </li>
            ))}
          </ol>
        </Panel>
        <Panel
          title={t('riskRules.tables.rows')}
          description={t('riskRules.tables.rowsHint')}
          actions={
            readOnly ? null : (
              <button
                type="button"
                className="btn btn--secondary btn--small"
                onClick={() =>
                  setForm({
                    ...form,
                    rows: [...form.rows, emptyRow(form.inputs.length, form.rows.length + 1)],
                  })
                }
                data-testid="decision-table-add-row"
              >
                {t('riskRules.tables.addRow')}
              </button>
            )
          }
        >
          <TableScroll label={t('riskRules.tables.rows')}>
            <table className="table table--dense risk-dt" data-testid="decision-table-rows">
              <caption className="visually-hidden">{t('riskRules.tables.rows')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('riskRules.rules.fields.id')}</th>
                  {form.inputs.map((input, c) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: columns are identified by their place
                    <th key={c} scope="col">
                      {input.label || input.field || t('riskRules.tables.inputField', { n: c + 1 })}
                    </th>
                  ))}
                  <th scope="col">{t('riskRules.rules.fields.weight')}</th>
                  <th scope="col">{t('riskRules.rules.fields.minLane')}</th>
                  <th scope="col">{t('riskRules.rules.fields.referral')}</th>
                  {showPriority ? <th scope="col">{t('riskRules.tables.priority')}</th> : null}
                  <th scope="col">{t('riskRules.tables.note')}</th>
                  {readOnly ? null : (
                    <th scope="col">
                      <span className="visually-hidden">{t('riskRules.sets.columns.actions')}</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {form.rows.map((row, r) => {
                  const rowProblems = problemsUnder(problems, `rows.${r}`);
                  const label = (what: string) => t('riskRules.tables.cellLabel', { row: r + 1, what });
                  return (
                    // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; ids may be blank
                    <tr key={r} data-testid={`decision-table-row-${r}`}>
                      <td>
                        <TextField
                          id={domId(`rows.${r}.id`)}
                          className="field--compact"
                          label={label(t('riskRules.rules.fields.id'))}
                          value={row.id}
                          readOnly={readOnly}
                          error={rowProblems.id}
                          onChange={(event) => setRow(r, { id: event.target.value })}
                        />
                      </td>
                      {row.cells.map((cell, c) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: cells are identified by their column
                        <td key={c} className="risk-dt__cell">
                          <SelectField
                            id={domId(`rows.${r}.cells.${c}`)}
                            className="field--compact"
                            label={label(
                              `${form.inputs[c]?.label || form.inputs[c]?.field || c + 1}: ${t('riskRules.condition.operator')}`,
                            )}
                            value={cell?.op ?? ''}
                            disabled={readOnly}
                            error={firstAt(rowProblems, `cells.${c}`)}
                            onChange={(event) =>
                              setCell(
                                r,
                                c,
                                event.target.value === ''
                                  ? null
                                  : {
                                      ...(cell ?? emptyOperand()),
                                      op: event.target.value as ComparisonOperator,
                                    },
                              )
                            }
                          >
                            <option value="">{t('riskRules.tables.anyValue')}</option>
                            {COMPARISON_OPERATORS.map((op) => (
                              <option key={op} value={op}>
                                {t(`riskRules.condition.ops.${op}`)}
                              </option>
                            ))}
                          </SelectField>
                          {cell ? (
                            <OperandInputs
                              compact
                              operand={cell}
                              idOf={(part) => domId(`rows.${r}.cells.${c}.${part}`)}
                              error={undefined}
                              watchLists={watchLists}
                              readOnly={readOnly}
                              onChange={(patch) => setCell(r, c, { ...cell, ...patch })}
                            />
                          ) : null}
                        </td>
                      ))}
                      <td>
                        <TextField
                          id={domId(`rows.${r}.weight`)}
                          className="field--compact"
                          label={label(t('riskRules.rules.fields.weight'))}
                          inputMode="numeric"
                          value={row.weight}
                          readOnly={readOnly}
                          error={rowProblems.weight}
                          onChange={(event) => setRow(r, { weight: event.target.value })}
                        />
                      </td>
                      <td>
                        <SelectField
                          id={domId(`rows.${r}.minLane`)}
                          className="field--compact"
                          label={label(t('riskRules.rules.fields.minLane'))}
                          value={row.minLane}
                          disabled={readOnly}
                          onChange={(event) =>
                            setRow(r, { minLane: event.target.value as RowForm['minLane'] })
                          }
                        >
                          <option value="">{t('riskRules.rules.none')}</option>
                          {MinLane.options.map((lane) => (
                            <option key={lane} value={lane}>
                              {t(`riskRules.lanes.${lane}`)}
                            </option>
                          ))}
                        </SelectField>
                      </td>
                      <td>
                        <SelectField
                          id={domId(`rows.${r}.referral`)}
                          className="field--compact"
                          label={label(t('riskRules.rules.fields.referral'))}
                          value={row.referral}
                          disabled={readOnly}
                          onChange={(event) =>
                            setRow(r, { referral: event.target.value as RowForm['referral'] })
                          }
                        >
                          <option value="">{t('riskRules.rules.none')}</option>
                          {REFERRALS.map((referral) => (
                            <option key={referral} value={referral}>
                              {referral}
                            </option>
                          ))}
                        </SelectField>
                      </td>
                      {showPriority ? (
                        <td>
                          <TextField
                            id={domId(`rows.${r}.priority`)}
                            className="field--compact"
                            label={label(t('riskRules.tables.priority'))}
                            inputMode="numeric"
                            value={row.priority}
                            readOnly={readOnly}
                            error={rowProblems.priority}
                            onChange={(event) => setRow(r, { priority: event.target.value })}
                          />
                        </td>
                      ) : null}
                      <td>
                        <TextField
                          id={domId(`rows.${r}.note`)}
                          className="field--compact"
                          label={label(t('riskRules.tables.note'))}
                          value={row.note}
                          readOnly={readOnly}
                          onChange={(event) => setRow(r, { note: event.target.value })}
                        />
                      </td>
                      {readOnly ? null : (
                        <td>
                          <button
                            type="button"
                            className="btn btn--secondary btn--small"
                            disabled={form.rows.length === 1}
                            onClick={() => setForm({ ...form, rows: form.rows.filter((_, i) => i !== r) })}
                          >
                            {t('riskRules.tables.removeRow', { n: r + 1 })}
                          </button>
                        </td>
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
        </Panel>
        {readOnly ? (
          <div className="form__actions">
            <Link className="btn btn--secondary" to={back}>
              {t('riskRules.rules.back')}
            </Link>
          </div>
        ) : (
          <FormActions
            busy={busy}
            submitLabel={t('riskRules.tables.save')}
            onCancel={() => navigate(back)}
            submitTestId="decision-table-save"
          />
        )}
      </form>
    </>
  );
}

/** An element id for a form path (the error summary links to it). */
function domId(path: string) {
  return `dt-${path.replaceAll('.', '-')}`;
}
