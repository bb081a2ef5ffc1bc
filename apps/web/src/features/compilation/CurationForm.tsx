import {
  COMPILATION_BENEFITS,
  COMPILATION_OPERATOR_ROLES,
  type CuratedProgrammeInput,
  PROGRAMME_STATUSES,
} from '@aeolus/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { SelectField, TextField } from '../../components/Field.js';
import { Panel } from '../../components/Panel.js';
import { useFormSubmit } from '../../lib/use-form-submit.js';

type Draft = Omit<CuratedProgrammeInput, 'launchYear' | 'aeoCount'> & {
  launchYear?: number | string;
  aeoCount?: number | string;
};

const ID = 'curation-';

/** Create or edit an entry; the server names any field it refuses (unknown country, duplicate, year). */
export function CurationForm({
  initial,
  onSave,
  onCancel,
}: {
  initial: Draft;
  onSave(input: CuratedProgrammeInput): Promise<void>;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(initial);
  const source = draft.sources?.[0] ?? { title: '', publisher: '', url: '' };
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const text = (key: 'country' | 'name' | 'administration' | 'website' | 'contact') => ({
    value: (draft[key] as string | undefined) ?? '',
    onChange: (e: { target: { value: string } }) => set(key, e.target.value),
  });
  const toggle = (key: 'operatorRoles' | 'benefits', value: string, on: boolean) =>
    setDraft((d) => {
      const list = new Set<string>((d[key] as string[] | undefined) ?? []);
      if (on) list.add(value);
      else list.delete(value);
      return { ...d, [key]: [...list] };
    });

  const form = useFormSubmit({
    validate() {
      const errors: Record<string, string> = {};
      for (const key of ['country', 'name', 'administration'] as const)
        if (!String(draft[key] ?? '').trim())
          errors[key] =
            `${t(`compilation.curation.form.${key}`)}: ${t('compilation.curation.form.required')}`;
      if (
        draft.launchYear !== undefined &&
        draft.launchYear !== '' &&
        !/^\d{4}$/.test(String(draft.launchYear))
      )
        errors.launchYear = t('compilation.curation.form.year');
      return errors;
    },
    async submit() {
      const { launchYear, aeoCount, website, contact, sources: _sources, ...rest } = draft;
      const hasSource = source.url.trim() || source.title.trim();
      await onSave({
        ...rest,
        country: draft.country.trim().toUpperCase(),
        ...(launchYear !== undefined && launchYear !== '' ? { launchYear: Number(launchYear) } : {}),
        ...(aeoCount !== undefined && aeoCount !== '' ? { aeoCount: Number(aeoCount) } : {}),
        ...(website?.trim() ? { website: website.trim() } : {}),
        ...(contact?.trim() ? { contact: contact.trim() } : {}),
        sources: hasSource ? [source] : [],
      });
    },
  });
  const setSource = (key: 'title' | 'publisher' | 'url', value: string) =>
    set('sources', [{ ...source, [key]: value }]);
  const optional = t('compilation.curation.form.optional');

  return (
    <Panel title={t('compilation.curation.form.title')}>
      <ErrorSummary ref={form.summaryRef} errors={form.errors} failure={form.failure} fieldIdPrefix={ID} />
      <form className="form" noValidate onSubmit={form.onSubmit} data-testid="curation-form">
        <div className="compilation__filters">
          <TextField
            id={`${ID}country`}
            label={t('compilation.curation.form.country')}
            error={form.errors.country}
            maxLength={2}
            {...text('country')}
          />
          <TextField
            id={`${ID}name`}
            label={t('compilation.curation.form.name')}
            error={form.errors.name}
            {...text('name')}
          />
          <TextField
            id={`${ID}administration`}
            label={t('compilation.curation.form.administration')}
            error={form.errors.administration}
            {...text('administration')}
          />
          <SelectField
            id={`${ID}type`}
            label={t('compilation.curation.form.type')}
            value={draft.type}
            onChange={(e) => set('type', e.target.value as Draft['type'])}
          >
            <option value="aeo">{t('compilation.type.aeo')}</option>
            <option value="compliance">{t('compilation.type.compliance')}</option>
          </SelectField>
          <SelectField
            id={`${ID}status`}
            label={t('compilation.curation.form.status')}
            value={draft.status}
            onChange={(e) => set('status', e.target.value as Draft['status'])}
          >
            {PROGRAMME_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`compilation.status.${s}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            id={`${ID}launchYear`}
            label={t('compilation.curation.form.launchYear')}
            labelSuffix={optional}
            inputMode="numeric"
            error={form.errors.launchYear}
            value={draft.launchYear ?? ''}
            onChange={(e) => set('launchYear', e.target.value)}
          />
          <TextField
            id={`${ID}aeoCount`}
            label={t('compilation.curation.form.aeoCount')}
            labelSuffix={optional}
            inputMode="numeric"
            error={form.errors.aeoCount}
            value={draft.aeoCount ?? ''}
            onChange={(e) => set('aeoCount', e.target.value)}
          />
          <TextField
            id={`${ID}website`}
            label={t('compilation.curation.form.website')}
            labelSuffix={optional}
            error={form.errors.website}
            {...text('website')}
          />
          <TextField
            id={`${ID}contact`}
            label={t('compilation.curation.form.contact')}
            labelSuffix={optional}
            error={form.errors.contact}
            {...text('contact')}
          />
        </div>
        <fieldset className="curation__checks" id={`${ID}operatorRoles`}>
          <legend>{t('compilation.curation.form.roles')}</legend>
          {COMPILATION_OPERATOR_ROLES.map((role) => (
            <label key={role} className="checkbox">
              <input
                type="checkbox"
                checked={(draft.operatorRoles ?? []).includes(role)}
                onChange={(e) => toggle('operatorRoles', role, e.target.checked)}
              />
              <span className="checkbox__text">{t(`compilation.roles.${role}`)}</span>
            </label>
          ))}
        </fieldset>
        <fieldset className="curation__checks" id={`${ID}benefits`}>
          <legend>{t('compilation.curation.form.benefits')}</legend>
          {COMPILATION_BENEFITS.map((benefit) => (
            <label key={benefit} className="checkbox">
              <input
                type="checkbox"
                checked={(draft.benefits ?? []).includes(benefit)}
                onChange={(e) => toggle('benefits', benefit, e.target.checked)}
              />
              <span className="checkbox__text">{t(`compilation.benefits.${benefit}`)}</span>
            </label>
          ))}
        </fieldset>
        <div className="compilation__filters" id={`${ID}sources`}>
          <TextField
            id={`${ID}sourceTitle`}
            label={t('compilation.curation.form.sourceTitle')}
            labelSuffix={optional}
            value={source.title}
            onChange={(e) => setSource('title', e.target.value)}
          />
          <TextField
            id={`${ID}sourcePublisher`}
            label={t('compilation.curation.form.sourcePublisher')}
            labelSuffix={optional}
            value={source.publisher}
            onChange={(e) => setSource('publisher', e.target.value)}
          />
          <TextField
            id={`${ID}sourceUrl`}
            label={t('compilation.curation.form.sourceUrl')}
            labelSuffix={optional}
            value={source.url}
            onChange={(e) => setSource('url', e.target.value)}
          />
        </div>
        <div className="curation__actions">
          <button type="submit" className="btn btn--primary" disabled={form.busy} data-testid="curation-save">
            {t('compilation.curation.form.save')}
          </button>
          <button type="button" className="btn btn--secondary" onClick={onCancel}>
            {t('compilation.curation.form.cancel')}
          </button>
        </div>
      </form>
    </Panel>
  );
}
