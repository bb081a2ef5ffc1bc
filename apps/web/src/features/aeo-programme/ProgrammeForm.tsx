import type { AeoProgramme, LocalisedText, UpdateAeoProgramme } from '@aeolus/contracts';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { TextAreaField, TextField } from '../../components/Field.js';
import { FormActions } from '../../components/FormActions.js';
import { useFormSubmit } from '../../lib/use-form-submit.js';
import { programmeApi } from './programme-api.js';
import { problemsByPath, toUpdateBody } from './programme-form.js';

/** Field ids are this prefix + the server's path, so an error summary link lands on the input. */
export const FIELD_PREFIX = 'programme-';
export const fieldId = (path: string) => `${FIELD_PREFIX}${path}`;

export type Language = 'en' | 'fr';

/** The reader's language for programme texts, which exist in English and French. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return i18n.language.startsWith('fr') ? 'fr' : 'en';
}

/**
 * Saves one part of the programme: the current settings with `changes` applied go to PUT, and a refusal
 * comes back as messages keyed by the server's full paths (`clocks.decisionDays`).
 */
export function useProgrammeEditor({
  programme,
  changes,
  onSaved,
}: {
  programme: AeoProgramme;
  changes(): Partial<UpdateAeoProgramme>;
  onSaved(saved: AeoProgramme): void;
}) {
  return useFormSubmit({
    async submit() {
      onSaved(await programmeApi.update({ ...toUpdateBody(programme), ...changes() }));
    },
    explain: (error, usual) => ({ errors: problemsByPath(error), failure: usual.failure }),
  });
}

const SEGMENTS = [
  'name',
  'identifierPrefix',
  'categories',
  'eligibleRoles',
  'validity',
  'reassessmentYears',
  'years',
  'clocks',
  'acceptanceDays',
  'decisionDays',
  'maxExtensionDays',
  'effectDays',
  'benefits',
  'criteria',
  'code',
  'title',
  'description',
  'safeHeading',
  'onSiteByDefault',
  'parameters',
  'en',
  'fr',
] as const;

/** "Criteria 4 › Title › French" for `criteria.3.title.fr`, in the reader's language. */
export function useDescribePath(): (path: string) => string {
  const { t } = useTranslation();
  return (path) =>
    path
      .split('.')
      .map((segment) =>
        /^\d+$/.test(segment)
          ? `#${Number(segment) + 1}`
          : (SEGMENTS as readonly string[]).includes(segment)
            ? t(`aeoProgramme.paths.${segment as (typeof SEGMENTS)[number]}`)
            : segment,
      )
      .join(' › ');
}

/** The boxed editor of one part: error summary (each problem named by where it is), fields, actions. */
export function EditorForm({
  title,
  testId,
  form,
  onCancel,
  children,
}: {
  title: string;
  testId: string;
  form: ReturnType<typeof useProgrammeEditor>;
  onCancel(): void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const describe = useDescribePath();
  const summary = Object.fromEntries(
    Object.entries(form.errors).map(([path, message]) => [path, `${describe(path)}: ${message}`]),
  );
  return (
    <form
      className="form form--boxed"
      noValidate
      aria-label={title}
      data-testid={testId}
      onSubmit={(event: FormEvent) => form.onSubmit(event)}
    >
      <ErrorSummary
        ref={form.summaryRef}
        failure={form.failure}
        errors={summary}
        fieldIdPrefix={FIELD_PREFIX}
      />
      {children}
      <FormActions
        busy={form.busy}
        submitLabel={t('aeoProgramme.save')}
        onCancel={onCancel}
        submitTestId={`${testId}-save`}
      />
    </form>
  );
}

/** The English and French versions of one text, side by side. */
export function LocalisedFields({
  path,
  label,
  value,
  onChange,
  errors,
  multiline = false,
}: {
  path: string;
  label: string;
  value: LocalisedText;
  onChange(value: LocalisedText): void;
  errors: Record<string, string>;
  multiline?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="form__grid">
      {(['en', 'fr'] as const).map((language) => {
        const props = {
          id: fieldId(`${path}.${language}`),
          label: `${label} (${t(`aeoProgramme.language.${language}`)})`,
          lang: language,
          value: value[language],
          error: errors[`${path}.${language}`] ?? (language === 'en' ? errors[path] : undefined),
        };
        return multiline ? (
          <TextAreaField
            key={language}
            {...props}
            rows={2}
            onChange={(e) => onChange({ ...value, [language]: e.target.value })}
          />
        ) : (
          <TextField
            key={language}
            {...props}
            onChange={(e) => onChange({ ...value, [language]: e.target.value })}
          />
        );
      })}
    </div>
  );
}

/** A whole-number input whose message comes from the server's path. */
export function NumberField({
  path,
  label,
  hint,
  value,
  onChange,
  errors,
  min,
  max,
}: {
  path: string;
  label: string;
  hint?: string;
  value: string;
  onChange(value: string): void;
  errors: Record<string, string>;
  min?: number;
  max?: number;
}) {
  return (
    <TextField
      id={fieldId(path)}
      className="field--short"
      label={label}
      hint={hint}
      type="number"
      inputMode="numeric"
      min={min}
      max={max}
      step={1}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={errors[path]}
    />
  );
}
