import { MinLane, REFERRALS, type Referral, Rule, type RuleSetVersion } from '@aeolus/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { SelectField, TextAreaField, TextField } from '../../components/Field.js';
import { FormActions } from '../../components/FormActions.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Panel } from '../../components/Panel.js';
import { type ConditionDraft, ConditionEditor, conditionDraftOf, conditionOf } from './ConditionEditor.js';
import { contractProblems, firstAt, type Problems } from './problems.js';
import { usePartSave, VersionPart } from './VersionPart.js';

interface RuleForm {
  id: string;
  name: string;
  rationale: string;
  weight: string;
  minLane: '' | MinLane;
  referral: '' | Referral;
  enabled: boolean;
  condition: ConditionDraft;
}

function formOf(rule: Rule | undefined): RuleForm {
  return {
    id: rule?.id ?? '',
    name: rule?.name ?? '',
    rationale: rule?.rationale ?? '',
    weight: rule ? String(rule.weight) : '10',
    minLane: rule?.minLane ?? '',
    referral: rule?.referral ?? '',
    enabled: rule?.enabled ?? true,
    condition: conditionDraftOf(rule?.conditions),
  };
}

/** The form as a rule of the rule-set format (checked by the contract afterwards). */
export function ruleOf(form: RuleForm): { rule: unknown } | { problems: Problems } {
  const read = conditionOf(form.condition);
  if ('error' in read) return { problems: { conditions: read.error } };
  const weight = form.weight.trim() === '' ? Number.NaN : Number(form.weight);
  return {
    rule: {
      id: form.id.trim(),
      name: form.name,
      rationale: form.rationale,
      ...(form.enabled ? {} : { enabled: false }),
      conditions: read.condition,
      weight,
      ...(form.minLane ? { minLane: form.minLane } : {}),
      ...(form.referral ? { referral: form.referral } : {}),
    },
  };
}

/** A rule of a draft: edited here, checked against the contract, then saved with the whole draft. */
export function RuleEditorPage({ canEdit }: { canEdit: boolean }) {
  return (
    <VersionPart canEdit={canEdit} parts={(definition) => definition.rules}>
      {({ key, part, ...props }) => <RuleForm key={key} rule={part} {...props} />}
    </VersionPart>
  );
}

function RuleForm({
  version,
  rule,
  readOnly,
  watchLists,
}: {
  version: RuleSetVersion;
  rule: Rule | undefined;
  readOnly: boolean;
  watchLists: string[];
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form, setForm] = useState(() => formOf(rule));
  const {
    problems,
    failure,
    busy,
    summary,
    back,
    parts: rules,
    index,
    fail,
    save,
  } = usePartSave(version, 'rules', rule);
  const set = <K extends keyof RuleForm>(key: K, value: RuleForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (readOnly) return;
    const built = ruleOf(form);
    if ('problems' in built) return fail(built.problems);
    const checked = Rule.safeParse(built.rule);
    const local = checked.success ? {} : contractProblems(checked.error);
    const clash = rules.some((r, i) => r.id === form.id.trim() && i !== index);
    if (clash) local.id = t('riskRules.rules.idTaken');
    if (!checked.success || clash) return fail(local);
    await save(checked.data, t('riskRules.rules.saved', { id: checked.data.id }));
  }

  /** Summary entries point at the input that shows each problem. */
  const summaryErrors: Problems = {};
  for (const [path, message] of Object.entries(problems)) {
    const top = path.split('.')[0] ?? path;
    summaryErrors[top === 'conditions' ? 'conditions' : top] ??=
      `${t(`riskRules.rules.fields.${labelKey(top)}`)}: ${message}`;
  }

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
        title={rule ? t('riskRules.rules.editTitle', { name: rule.name }) : t('riskRules.rules.newTitle')}
      />
      <Panel
        title={t('riskRules.rules.formTitle')}
        description={readOnly ? t('riskRules.rules.readOnlyHint') : undefined}
      >
        <form className="form risk-rule-form" onSubmit={submit} noValidate data-testid="rule-form">
          <ErrorSummary ref={summary} failure={failure} errors={summaryErrors} fieldIdPrefix="rule-" />
          <div className="risk-rule-form__row">
            <TextField
              id="rule-id"
              label={t('riskRules.rules.fields.id')}
              hint={t('riskRules.rules.hints.id')}
              value={form.id}
              readOnly={readOnly || rule !== undefined}
              error={problems.id}
              onChange={(event) => set('id', event.target.value)}
              spellCheck={false}
            />
            <TextField
              id="rule-name"
              label={t('riskRules.rules.fields.name')}
              value={form.name}
              readOnly={readOnly}
              error={problems.name}
              onChange={(event) => set('name', event.target.value)}
            />
          </div>
          <TextAreaField
            id="rule-rationale"
            label={t('riskRules.rules.fields.rationale')}
            hint={t('riskRules.rules.hints.rationale')}
            value={form.rationale}
            readOnly={readOnly}
            error={problems.rationale}
            onChange={(event) => set('rationale', event.target.value)}
          />
          <div className="risk-rule-form__row">
            <TextField
              id="rule-weight"
              label={t('riskRules.rules.fields.weight')}
              hint={t('riskRules.rules.hints.weight')}
              inputMode="numeric"
              value={form.weight}
              readOnly={readOnly}
              error={problems.weight}
              onChange={(event) => set('weight', event.target.value)}
            />
            <SelectField
              id="rule-minLane"
              label={t('riskRules.rules.fields.minLane')}
              value={form.minLane}
              disabled={readOnly}
              error={problems.minLane}
              onChange={(event) => set('minLane', event.target.value as RuleForm['minLane'])}
            >
              <option value="">{t('riskRules.rules.none')}</option>
              {MinLane.options.map((lane) => (
                <option key={lane} value={lane}>
                  {t(`riskRules.lanes.${lane}`)}
                </option>
              ))}
            </SelectField>
            <SelectField
              id="rule-referral"
              label={t('riskRules.rules.fields.referral')}
              value={form.referral}
              disabled={readOnly}
              error={problems.referral}
              onChange={(event) => set('referral', event.target.value as RuleForm['referral'])}
            >
              <option value="">{t('riskRules.rules.none')}</option>
              {REFERRALS.map((referral) => (
                <option key={referral} value={referral}>
                  {t(`riskRules.referrals.${referral}`)}
                </option>
              ))}
            </SelectField>
          </div>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={form.enabled}
              disabled={readOnly}
              onChange={(event) => set('enabled', event.target.checked)}
            />
            {t('riskRules.rules.fields.enabled')}
          </label>
          <ConditionEditor
            draft={form.condition}
            onChange={(draft) => set('condition', draft)}
            problems={problems}
            watchLists={watchLists}
            readOnly={readOnly}
          />
          {firstAt(problems, 'conditions') && form.condition.mode === 'builder' && problems.conditions ? (
            <p className="field__error">{problems.conditions}</p>
          ) : null}
          {readOnly ? (
            <div className="form__actions">
              <Link className="btn btn--secondary" to={back}>
                {t('riskRules.rules.back')}
              </Link>
            </div>
          ) : (
            <FormActions
              busy={busy}
              submitLabel={t('riskRules.rules.save')}
              onCancel={() => navigate(back)}
              submitTestId="rule-save"
            />
          )}
        </form>
      </Panel>
    </>
  );
}

const FIELD_KEYS = [
  'id',
  'name',
  'rationale',
  'weight',
  'minLane',
  'referral',
  'enabled',
  'conditions',
] as const;
const labelKey = (top: string): (typeof FIELD_KEYS)[number] =>
  (FIELD_KEYS as readonly string[]).includes(top) ? (top as (typeof FIELD_KEYS)[number]) : 'conditions';
