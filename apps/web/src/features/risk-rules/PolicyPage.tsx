import { LANES, RANDOM_LANES, type ScreeningPolicy, ScreeningPolicySettings } from '@aeolus/contracts';
import type { TFunction } from 'i18next';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { TextField } from '../../components/Field.js';
import { FormActions } from '../../components/FormActions.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { useNotices } from '../../components/Notices.js';
import { Panel } from '../../components/Panel.js';
import { errorMessage } from '../../lib/errors.js';
import { formatDateTime } from '../../lib/format.js';
import { useResource } from '../../lib/use-resource.js';
import { contractProblems, type Problems, serverProblems } from './problems.js';
import { riskRulesApi } from './risk-rules-api.js';

const THRESHOLD_LANES = ['blue', 'yellow', 'red'] as const;

interface PolicyForm {
  thresholds: Record<(typeof THRESHOLD_LANES)[number], string>;
  random: Record<(typeof RANDOM_LANES)[number], string>;
  aeoBenefitCode: string;
  timeZone: string;
  offices: { office: string; capacity: string }[];
}

function formOf(policy: ScreeningPolicy): PolicyForm {
  const s = policy.settings;
  return {
    thresholds: {
      blue: String(s.thresholds.blue),
      yellow: String(s.thresholds.yellow),
      red: String(s.thresholds.red),
    },
    random: {
      green: String(s.randomSelectionPercent.green),
      blue: String(s.randomSelectionPercent.blue),
      yellow: String(s.randomSelectionPercent.yellow),
    },
    aeoBenefitCode: s.aeoBenefitCode ?? '',
    timeZone: s.timeZone,
    offices: s.officeCapacities.map((c) => ({ office: c.office, capacity: String(c.dailyRedCapacity) })),
  };
}

const num = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim()));

/** The form as the settings of the contract (which checks them). */
export function settingsOf(form: PolicyForm): unknown {
  return {
    thresholds: {
      blue: num(form.thresholds.blue),
      yellow: num(form.thresholds.yellow),
      red: num(form.thresholds.red),
    },
    randomSelectionPercent: {
      green: num(form.random.green),
      blue: num(form.random.blue),
      yellow: num(form.random.yellow),
    },
    aeoBenefitCode: form.aeoBenefitCode.trim() === '' ? null : form.aeoBenefitCode.trim(),
    officeCapacities: form.offices.map((o) => ({
      office: o.office.trim().toUpperCase(),
      dailyRedCapacity: num(o.capacity),
    })),
    timeZone: form.timeZone.trim(),
  };
}

/** The selectivity policy (ASYCUDA lanes, DOMAIN.md §7): thresholds, random selection, AEO treatment, capacity. */
export function PolicyPage({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const policy = useResource((signal) => riskRulesApi.getPolicy(signal), 'policy');
  if (policy.status === 'error')
    return <LoadError title={t('riskRules.policy.loadFailed')} error={policy.error} />;
  if (!policy.data) return <Loading label={t('common.loading')} block />;
  return (
    <PolicyEditor key={policy.data.revision} policy={policy.data} canEdit={canEdit} onSaved={policy.reload} />
  );
}

function PolicyEditor({
  policy,
  canEdit,
  onSaved,
}: {
  policy: ScreeningPolicy;
  canEdit: boolean;
  onSaved(): void;
}) {
  const { t, i18n } = useTranslation();
  const { notify } = useNotices();
  const [form, setForm] = useState(() => formOf(policy));
  const [problems, setProblems] = useState<Problems>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const readOnly = !canEdit;
  const id = (path: string) => `policy-${path.replaceAll('.', '-')}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = ScreeningPolicySettings.safeParse(settingsOf(form));
    if (!checked.success) {
      setProblems(contractProblems(checked.error));
      return;
    }
    setBusy(true);
    try {
      await riskRulesApi.updatePolicy(checked.data);
      notify(t('riskRules.policy.saved'));
      onSaved();
    } catch (error) {
      setProblems(serverProblems(error));
      setFailure(errorMessage(t, error, i18n.language));
    } finally {
      setBusy(false);
    }
  }

  const summaryErrors: Problems = {};
  for (const [path, message] of Object.entries(problems)) {
    summaryErrors[path.replaceAll('.', '-')] = `${labelOf(t, path)}: ${message}`;
  }
  return (
    <form className="form" onSubmit={submit} noValidate data-testid="policy-form">
      <ErrorSummary failure={failure} errors={summaryErrors} fieldIdPrefix="policy-" />
      <p className="muted small">
        {t('riskRules.policy.revision', {
          revision: policy.revision,
          at: formatDateTime(policy.updatedAt, i18n.language),
        })}
      </p>
      <Panel title={t('riskRules.policy.thresholds')} description={t('riskRules.policy.thresholdsHint')}>
        <div className="risk-rule-form__row">
          {THRESHOLD_LANES.map((lane) => (
            <TextField
              key={lane}
              id={id(`thresholds.${lane}`)}
              label={t('riskRules.policy.threshold', { lane: t(`riskRules.lanes.${lane}`) })}
              inputMode="numeric"
              readOnly={readOnly}
              value={form.thresholds[lane]}
              error={problems[`thresholds.${lane}`]}
              onChange={(event) =>
                setForm({ ...form, thresholds: { ...form.thresholds, [lane]: event.target.value } })
              }
            />
          ))}
        </div>
      </Panel>
      <Panel title={t('riskRules.policy.random')} description={t('riskRules.policy.randomHint')}>
        <div className="risk-rule-form__row">
          {RANDOM_LANES.map((lane) => (
            <TextField
              key={lane}
              id={id(`randomSelectionPercent.${lane}`)}
              label={t('riskRules.policy.randomRate', {
                lane: t(`riskRules.lanes.${lane}`).toLocaleLowerCase(i18n.language),
              })}
              inputMode="decimal"
              readOnly={readOnly}
              value={form.random[lane]}
              error={problems[`randomSelectionPercent.${lane}`]}
              onChange={(event) =>
                setForm({ ...form, random: { ...form.random, [lane]: event.target.value } })
              }
            />
          ))}
        </div>
      </Panel>
      <Panel title={t('riskRules.policy.aeo')} description={t('riskRules.policy.aeoHint')}>
        <div className="risk-rule-form__row">
          <TextField
            id={id('aeoBenefitCode')}
            label={t('riskRules.policy.aeoBenefitCode')}
            hint={t('riskRules.policy.aeoBenefitCodeHint')}
            readOnly={readOnly}
            value={form.aeoBenefitCode}
            error={problems.aeoBenefitCode}
            spellCheck={false}
            onChange={(event) => setForm({ ...form, aeoBenefitCode: event.target.value })}
          />
          <TextField
            id={id('timeZone')}
            label={t('riskRules.policy.timeZone')}
            readOnly={readOnly}
            value={form.timeZone}
            error={problems.timeZone}
            spellCheck={false}
            onChange={(event) => setForm({ ...form, timeZone: event.target.value })}
          />
        </div>
      </Panel>
      <Panel
        title={t('riskRules.policy.capacity')}
        description={t('riskRules.policy.capacityHint')}
        actions={
          readOnly ? null : (
            <button
              type="button"
              className="btn btn--secondary btn--small"
              onClick={() => setForm({ ...form, offices: [...form.offices, { office: '', capacity: '' }] })}
            >
              {t('riskRules.policy.addOffice')}
            </button>
          )
        }
      >
        <ol className="risk-inputs">
          {form.offices.map((office, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: offices are edited in place
            <li key={i} className="risk-rule-form__row">
              <TextField
                id={id(`officeCapacities.${i}.office`)}
                label={t('riskRules.policy.office', { n: i + 1 })}
                readOnly={readOnly}
                value={office.office}
                error={problems[`officeCapacities.${i}.office`]}
                onChange={(event) =>
                  setForm({
                    ...form,
                    offices: form.offices.map((o, j) => (j === i ? { ...o, office: event.target.value } : o)),
                  })
                }
              />
              <TextField
                id={id(`officeCapacities.${i}.dailyRedCapacity`)}
                label={t('riskRules.policy.dailyCapacity', { n: i + 1 })}
                inputMode="numeric"
                readOnly={readOnly}
                value={office.capacity}
                error={problems[`officeCapacities.${i}.dailyRedCapacity`]}
                onChange={(event) =>
                  setForm({
                    ...form,
                    offices: form.offices.map((o, j) =>
                      j === i ? { ...o, capacity: event.target.value } : o,
                    ),
                  })
                }
              />
              {readOnly ? null : (
                <button
                  type="button"
                  className="btn btn--secondary btn--small risk-inline-button"
                  onClick={() => setForm({ ...form, offices: form.offices.filter((_, j) => j !== i) })}
                >
                  {t('riskRules.policy.removeOffice', { n: i + 1 })}
                </button>
              )}
            </li>
          ))}
        </ol>
      </Panel>
      {readOnly ? null : (
        <FormActions busy={busy} submitLabel={t('riskRules.policy.save')} submitTestId="policy-save" />
      )}
    </form>
  );
}

function labelOf(t: TFunction, path: string): string {
  const [group, key] = path.split('.');
  const lane = LANES.find((l) => l === key);
  if (group === 'thresholds' && lane)
    return t('riskRules.policy.threshold', { lane: t(`riskRules.lanes.${lane}`) });
  if (group === 'randomSelectionPercent' && lane) {
    return t('riskRules.policy.randomRate', { lane: t(`riskRules.lanes.${lane}`) });
  }
  if (group === 'officeCapacities') return t('riskRules.policy.capacity');
  if (group === 'aeoBenefitCode') return t('riskRules.policy.aeoBenefitCode');
  if (group === 'timeZone') return t('riskRules.policy.timeZone');
  return path;
}
