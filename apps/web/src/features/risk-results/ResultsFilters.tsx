import { LANES, type RuleSetVersionSummary, TRANSPORT_MODES } from '@aeolus/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../components/Field.js';
import { Icon } from '../../components/Icon.js';
import {
  checkResultFilters,
  EMPTY_FILTERS,
  OUTCOME_FILTERS,
  PAGE_SIZES,
  type ResultFilterValues,
} from './results-filters.js';

/** The results list's filters; applied on submit, so that typing a rule id does not reload on every key. */
export function ResultsFilters({
  initial,
  versions,
  onApply,
}: {
  initial: ResultFilterValues;
  /** Rule-set versions that can have decided results (published or retired); empty when not readable. */
  versions: readonly RuleSetVersionSummary[];
  onApply(values: ResultFilterValues): void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const [problems, setProblems] = useState<ReturnType<typeof checkResultFilters>>({});
  const field = (key: keyof ResultFilterValues) => ({
    id: `risk-results-${key}`,
    'data-testid': `risk-filter-${key}`,
    label: t(`riskResults.filters.${key}`),
    value: values[key],
    onChange: (e: { target: { value: string } }) =>
      setValues((v) => ({ ...v, [key]: key === 'limit' ? Number(e.target.value) : e.target.value })),
  });
  const any = t('riskResults.filters.any');

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const found = checkResultFilters(values);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    onApply({ ...values, rule: values.rule.trim() });
  }

  function clear() {
    const cleared = { ...EMPTY_FILTERS, limit: values.limit };
    setValues(cleared);
    setProblems({});
    onApply(cleared);
  }

  return (
    <search aria-label={t('riskResults.filters.label')} className="panel">
      <form className="filters" noValidate onSubmit={onSubmit} data-testid="risk-results-filters">
        <div className="filters__grid risk-filters__grid">
          <SelectField {...field('lane')}>
            <option value="">{any}</option>
            {LANES.map((lane) => (
              <option key={lane} value={lane}>
                {t(`riskResults.lane.${lane}`)}
              </option>
            ))}
          </SelectField>
          <SelectField {...field('aeo')}>
            <option value="">{any}</option>
            <option value="true">{t('riskResults.filters.aeoYes')}</option>
            <option value="false">{t('riskResults.filters.aeoNo')}</option>
          </SelectField>
          <SelectField {...field('mode')}>
            <option value="">{any}</option>
            {TRANSPORT_MODES.map((mode) => (
              <option key={mode} value={mode}>
                {t(`riskResults.mode.${mode}`)}
              </option>
            ))}
          </SelectField>
          <SelectField {...field('outcome')}>
            <option value="">{any}</option>
            {OUTCOME_FILTERS.map((outcome) => (
              <option key={outcome} value={outcome}>
                {t(`riskResults.filters.outcomeOption.${outcome}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            {...field('rule')}
            hint={t('riskResults.filters.ruleHint')}
            maxLength={130}
            autoComplete="off"
            spellCheck={false}
            error={problems.rule ? t('riskResults.filters.ruleError') : undefined}
          />
          <SelectField {...field('version')}>
            <option value="">{any}</option>
            {versions.map((v) => (
              <option key={v.id} value={v.id}>
                {t('riskResults.filters.versionOption', {
                  ruleSet: v.ruleSetId,
                  version: v.version,
                  status: t(`riskResults.versionStatus.${v.status}`),
                })}
              </option>
            ))}
          </SelectField>
          <TextField {...field('from')} type="date" max={values.to || undefined} />
          <TextField
            {...field('to')}
            type="date"
            min={values.from || undefined}
            error={problems.to ? t('riskResults.filters.rangeError') : undefined}
          />
          <SelectField {...field('limit')}>
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="form__actions">
          <button type="submit" className="btn btn--primary" data-testid="risk-filter-apply">
            <Icon name="filter" />
            {t('riskResults.filters.apply')}
          </button>
          <button type="button" className="btn btn--secondary" onClick={clear}>
            {t('riskResults.filters.clear')}
          </button>
        </div>
      </form>
    </search>
  );
}
