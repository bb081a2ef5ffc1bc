import { COMPARISON_OPERATORS, type ComparisonOperator, RuleCondition } from '@aeolus/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextAreaField, TextField } from '../../components/Field.js';
import {
  type BuilderModel,
  CLAUSE_SCOPES,
  type Clause,
  type ClauseOperand,
  COMMON_FIELDS,
  emptyClause,
  fromBuilder,
  operandInputs,
  toBuilder,
} from './condition-builder.js';
import { firstAt, type Problems } from './problems.js';

/** What the editor holds: the builder's model, or the JSON text for shapes the builder does not cover. */
export type ConditionDraft = { mode: 'builder'; model: BuilderModel } | { mode: 'json'; text: string };

export function conditionDraftOf(condition: RuleCondition | undefined): ConditionDraft {
  if (!condition) return { mode: 'builder', model: { combinator: 'all', clauses: [emptyClause()] } };
  const model = toBuilder(condition);
  return model ? { mode: 'builder', model } : { mode: 'json', text: JSON.stringify(condition, null, 2) };
}

/** The condition a draft describes, or a message why the JSON cannot be read. */
export function conditionOf(draft: ConditionDraft): { condition: unknown } | { error: string } {
  if (draft.mode === 'builder') return { condition: fromBuilder(draft.model) };
  try {
    return { condition: JSON.parse(draft.text) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** Path of a clause's condition in the rule (`conditions` alone, or `conditions.conditions.<i>`). */
export const clausePath = (model: BuilderModel, index: number) =>
  model.clauses.length === 1 ? 'conditions' : `conditions.conditions.${index}`;

/**
 * The condition of a rule: a structured builder for the common shapes (all/any of comparisons, each
 * optionally over items or containers and negated), and a JSON view for the rest. Problems arrive by rule
 * path (`conditions.conditions.1.value`) and are shown at the clause and input they concern.
 */
export function ConditionEditor({
  draft,
  onChange,
  problems,
  watchLists,
  readOnly,
}: {
  draft: ConditionDraft;
  onChange(draft: ConditionDraft): void;
  problems: Problems;
  watchLists: readonly string[];
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const datalistId = useId();
  const [jsonNote, model] =
    draft.mode === 'json'
      ? (() => {
          const read = conditionOf(draft);
          if ('error' in read) return [t('riskRules.condition.jsonUnreadable'), undefined] as const;
          const checked = RuleCondition.safeParse(read.condition);
          if (!checked.success) return [t('riskRules.condition.jsonInvalid'), undefined] as const;
          const m = toBuilder(checked.data);
          return [m ? undefined : t('riskRules.condition.builderCannot'), m] as const;
        })()
      : [undefined, draft.model];

  const setModel = (next: BuilderModel) => onChange({ mode: 'builder', model: next });
  const setClause = (index: number, patch: Partial<Clause>) =>
    draft.mode === 'builder' &&
    setModel({
      ...draft.model,
      clauses: draft.model.clauses.map((c, i) => (i === index ? { ...c, ...patch } : c)),
    });

  return (
    <fieldset className="risk-condition" data-testid="condition-editor">
      <legend className="field__label">{t('riskRules.condition.legend')}</legend>
      <fieldset className="form__actions risk-toggle">
        <legend className="visually-hidden">{t('riskRules.condition.view')}</legend>
        <button
          type="button"
          className={`btn btn--small ${draft.mode === 'builder' ? 'btn--primary' : 'btn--secondary'}`}
          aria-pressed={draft.mode === 'builder'}
          disabled={!model}
          onClick={() => draft.mode === 'json' && model && setModel(model)}
          data-testid="condition-mode-builder"
        >
          {t('riskRules.condition.builder')}
        </button>
        <button
          type="button"
          className={`btn btn--small ${draft.mode === 'json' ? 'btn--primary' : 'btn--secondary'}`}
          aria-pressed={draft.mode === 'json'}
          onClick={() =>
            draft.mode === 'builder' &&
            onChange({ mode: 'json', text: JSON.stringify(fromBuilder(draft.model), null, 2) })
          }
          data-testid="condition-mode-json"
        >
          {t('riskRules.condition.json')}
        </button>
      </fieldset>
      {draft.mode === 'json' ? (
        <TextAreaField
          id="rule-conditions"
          label={t('riskRules.condition.jsonLabel')}
          hint={jsonNote ?? t('riskRules.condition.jsonHint')}
          error={firstAt(problems, 'conditions')}
          className="risk-json"
          rows={14}
          spellCheck={false}
          readOnly={readOnly}
          value={draft.text}
          onChange={(event) => onChange({ mode: 'json', text: event.target.value })}
          data-testid="condition-json"
        />
      ) : (
        <>
          <datalist id={datalistId}>
            {COMMON_FIELDS.map((f) => (
              <option key={f} value={f} />
            ))}
          </datalist>
          {draft.model.clauses.length > 1 ? (
            <SelectField
              id="rule-conditions"
              label={t('riskRules.condition.combinator')}
              value={draft.model.combinator}
              disabled={readOnly}
              onChange={(event) =>
                setModel({ ...draft.model, combinator: event.target.value as 'all' | 'any' })
              }
            >
              <option value="all">{t('riskRules.condition.all')}</option>
              <option value="any">{t('riskRules.condition.any')}</option>
            </SelectField>
          ) : (
            <span id="rule-conditions" />
          )}
          <ol className="risk-clauses">
            {draft.model.clauses.map((clause, index) => (
              <ClauseRow
                // biome-ignore lint/suspicious/noArrayIndexKey: clauses have no identity beyond their place
                key={index}
                index={index}
                clause={clause}
                path={clausePath(draft.model, index)}
                problems={problems}
                datalistId={datalistId}
                watchLists={watchLists}
                readOnly={readOnly}
                onChange={(patch) => setClause(index, patch)}
                onRemove={
                  draft.model.clauses.length > 1
                    ? () =>
                        setModel({
                          ...draft.model,
                          clauses: draft.model.clauses.filter((_, i) => i !== index),
                        })
                    : undefined
                }
              />
            ))}
          </ol>
          {readOnly ? null : (
            <button
              type="button"
              className="btn btn--secondary btn--small"
              onClick={() => setModel({ ...draft.model, clauses: [...draft.model.clauses, emptyClause()] })}
              data-testid="condition-add"
            >
              {t('riskRules.condition.add')}
            </button>
          )}
        </>
      )}
    </fieldset>
  );
}

/** Where in a clause's path the comparison itself sits (inside `not` and the quantifier). */
function comparisonPath(clause: Clause, path: string) {
  let p = path;
  if (clause.negate) p += '.condition';
  if (clause.scope !== 'consignment') p += '.condition';
  return p;
}

function ClauseRow({
  index,
  clause,
  path,
  problems,
  datalistId,
  watchLists,
  readOnly,
  onChange,
  onRemove,
}: {
  index: number;
  clause: Clause;
  path: string;
  problems: Problems;
  datalistId: string;
  watchLists: readonly string[];
  readOnly: boolean;
  onChange(patch: Partial<Clause>): void;
  onRemove: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const at = comparisonPath(clause, path);
  const id = (part: string) => `rule-clause-${index}-${part}`;
  const fieldError = problems[`${at}.field`];
  const operandError = fieldError ? undefined : (firstAt(problems, at) ?? firstAt(problems, path));
  return (
    <li className="risk-clause" data-testid={`clause-${index}`}>
      <fieldset>
        <legend className="visually-hidden">{t('riskRules.condition.clause', { n: index + 1 })}</legend>
        <div className="risk-clause__grid">
          <SelectField
            id={id('scope')}
            label={t('riskRules.condition.scope')}
            value={clause.scope}
            disabled={readOnly}
            onChange={(event) => onChange({ scope: event.target.value as Clause['scope'] })}
          >
            {CLAUSE_SCOPES.map((scope) => (
              <option key={scope} value={scope}>
                {t(`riskRules.condition.scopes.${scope}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            id={id('field')}
            label={t('riskRules.condition.field')}
            list={datalistId}
            value={clause.field}
            readOnly={readOnly}
            error={fieldError}
            onChange={(event) => onChange({ field: event.target.value })}
            spellCheck={false}
          />
          <SelectField
            id={id('op')}
            label={t('riskRules.condition.operator')}
            value={clause.op}
            disabled={readOnly}
            onChange={(event) => onChange({ op: event.target.value as ComparisonOperator })}
          >
            {COMPARISON_OPERATORS.map((op) => (
              <option key={op} value={op}>
                {t(`riskRules.condition.ops.${op}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="risk-clause__operand">
          <OperandInputs
            operand={clause}
            idOf={id}
            error={operandError}
            watchLists={watchLists}
            readOnly={readOnly}
            onChange={onChange}
          />
        </div>
        <div className="form__actions">
          <label className="checkbox">
            <input
              type="checkbox"
              checked={clause.negate}
              disabled={readOnly}
              onChange={(event) => onChange({ negate: event.target.checked })}
            />
            {t('riskRules.condition.negate')}
          </label>
          {onRemove && !readOnly ? (
            <button type="button" className="btn btn--secondary btn--small" onClick={onRemove}>
              {t('riskRules.condition.remove', { n: index + 1 })}
            </button>
          ) : null}
        </div>
      </fieldset>
    </li>
  );
}

/** The inputs an operator needs; shared by rule clauses and decision-table cells. */
export function OperandInputs({
  operand,
  idOf,
  error,
  watchLists,
  readOnly,
  onChange,
  compact = false,
}: {
  operand: ClauseOperand;
  idOf(part: string): string;
  error: string | undefined;
  watchLists: readonly string[];
  readOnly: boolean;
  onChange(patch: Partial<ClauseOperand>): void;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const label = (key: 'value' | 'values' | 'min' | 'max' | 'keywords' | 'pattern' | 'list') =>
    t(`riskRules.condition.${key}`);
  const common = { readOnly, spellCheck: false, className: compact ? 'field--compact' : undefined };
  switch (operandInputs(operand.op)) {
    case 'value':
      return (
        <TextField
          {...common}
          id={idOf('value')}
          label={label('value')}
          error={error}
          value={operand.text}
          onChange={(event) => onChange({ text: event.target.value })}
        />
      );
    case 'values':
      return (
        <TextField
          {...common}
          id={idOf('value')}
          label={label('values')}
          error={error}
          value={operand.text}
          onChange={(event) => onChange({ text: event.target.value })}
        />
      );
    case 'range':
      return (
        <>
          <TextField
            {...common}
            id={idOf('value')}
            label={label('min')}
            error={error}
            inputMode="decimal"
            value={operand.min}
            onChange={(event) => onChange({ min: event.target.value })}
          />
          <TextField
            {...common}
            id={idOf('max')}
            label={label('max')}
            inputMode="decimal"
            value={operand.max}
            onChange={(event) => onChange({ max: event.target.value })}
          />
        </>
      );
    case 'text':
      return (
        <>
          <TextField
            {...common}
            id={idOf('value')}
            label={label('keywords')}
            error={error}
            value={operand.text}
            disabled={operand.pattern.trim() !== ''}
            onChange={(event) => onChange({ text: event.target.value })}
          />
          <TextField
            {...common}
            id={idOf('pattern')}
            label={label('pattern')}
            value={operand.pattern}
            onChange={(event) => onChange({ pattern: event.target.value })}
          />
        </>
      );
    case 'list':
      return (
        <SelectField
          id={idOf('value')}
          label={label('list')}
          error={error}
          disabled={readOnly}
          value={operand.list}
          onChange={(event) => onChange({ list: event.target.value })}
        >
          <option value="">{t('riskRules.condition.chooseList')}</option>
          {[...new Set([...watchLists, operand.list].filter(Boolean))].map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </SelectField>
      );
    case 'none':
      return error ? <p className="field__error">{error}</p> : null;
    default:
      return null;
  }
}
