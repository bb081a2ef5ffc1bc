import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../components/Field.js';
import { Icon } from '../../components/Icon.js';
import { KNOWN_AUDIT_ACTIONS } from './audit-actions.js';

export interface FilterValues {
  actor: string;
  action: string;
  subject: string;
  /** Calendar days, `YYYY-MM-DD`, in the viewer's time zone. */
  from: string;
  to: string;
  limit: number;
}

export function AuditFilters({
  initial,
  onApply,
  pageSizes,
}: {
  initial: FilterValues;
  onApply(values: FilterValues): void;
  pageSizes: readonly number[];
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const [rangeError, setRangeError] = useState<string | undefined>();
  /** What every filter field shares: its id, label and value, bound to `values`. */
  const field = (key: keyof FilterValues) => ({
    id: `audit-${key}`,
    label: t(`audit.filters.${key === 'limit' ? 'pageSize' : key}`),
    value: values[key],
    onChange: (e: { target: { value: string } }) =>
      setValues((v) => ({ ...v, [key]: key === 'limit' ? Number(e.target.value) : e.target.value })),
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (values.from && values.to && values.from > values.to) {
      setRangeError(t('audit.filters.rangeError'));
      return;
    }
    setRangeError(undefined);
    onApply({
      ...values,
      actor: values.actor.trim(),
      action: values.action.trim(),
      subject: values.subject.trim(),
    });
  }

  function clear() {
    const cleared = { actor: '', action: '', subject: '', from: '', to: '', limit: values.limit };
    setValues(cleared);
    setRangeError(undefined);
    onApply(cleared);
  }

  return (
    <search aria-label={t('audit.filters.label')} className="panel">
      <form className="filters" noValidate onSubmit={onSubmit} data-testid="audit-filters">
        <div className="filters__grid">
          <TextField
            {...field('actor')}
            hint={t('audit.filters.actorHint')}
            maxLength={254}
            autoComplete="off"
          />
          <TextField
            {...field('action')}
            hint={t('audit.filters.actionHint')}
            list="audit-action-options"
            maxLength={100}
            autoComplete="off"
          />
          <datalist id="audit-action-options">
            {KNOWN_AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action} />
            ))}
          </datalist>
          <TextField
            {...field('subject')}
            hint={t('audit.filters.subjectHint')}
            maxLength={200}
            autoComplete="off"
          />
          <TextField {...field('from')} type="date" max={values.to || undefined} error={rangeError} />
          <TextField {...field('to')} type="date" min={values.from || undefined} />
          <SelectField {...field('limit')}>
            {pageSizes.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="form__actions">
          <button type="submit" className="btn btn--primary">
            <Icon name="filter" />
            {t('audit.filters.apply')}
          </button>
          <button type="button" className="btn btn--secondary" onClick={clear}>
            {t('audit.filters.clear')}
          </button>
        </div>
      </form>
    </search>
  );
}
