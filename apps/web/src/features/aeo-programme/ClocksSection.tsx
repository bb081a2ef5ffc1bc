import type { AeoProgramme } from '@aeolus/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EditableSection, type SectionEditorProps } from './EditablePanel.js';
import type { SectionProps } from './GeneralSection.js';
import { EditorForm, NumberField, useProgrammeEditor } from './ProgrammeForm.js';
import { EU_DEFAULT_CLOCKS, wholeNumber } from './programme-form.js';

const CLOCKS = ['acceptanceDays', 'decisionDays', 'maxExtensionDays', 'effectDays'] as const;
type ClockName = (typeof CLOCKS)[number];

/** Statutory deadlines in calendar days; the EU's are the defaults (UCC Art. 22, DA Art. 28). */
export function ClocksSection(props: SectionProps) {
  const { programme } = props;
  const { t } = useTranslation();
  return (
    <EditableSection section="clocks" {...props} editor={ClocksEditor}>
      <dl className="facts facts--columns">
        {CLOCKS.map((clock) => (
          <div key={clock}>
            <dt>{t(`aeoProgramme.clocks.${clock}`)}</dt>
            <dd>
              <span data-testid={`clock-${clock}`}>
                {t('aeoProgramme.clocks.days', { count: programme.clocks[clock] })}
              </span>
              {programme.clocks[clock] !== EU_DEFAULT_CLOCKS[clock] ? (
                <span className="muted small">
                  {' '}
                  · {t('aeoProgramme.clocks.euDefault', { count: EU_DEFAULT_CLOCKS[clock] })}
                </span>
              ) : null}
            </dd>
          </div>
        ))}
      </dl>
    </EditableSection>
  );
}

function ClocksEditor({ programme, onCancel, onSaved }: SectionEditorProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<ClockName, string>>(
    () =>
      Object.fromEntries(CLOCKS.map((c) => [c, String(programme.clocks[c])])) as Record<ClockName, string>,
  );
  const form = useProgrammeEditor({
    programme,
    onSaved,
    changes: () => ({
      clocks: Object.fromEntries(CLOCKS.map((c) => [c, wholeNumber(values[c])])) as AeoProgramme['clocks'],
    }),
  });
  return (
    <EditorForm
      title={t('aeoProgramme.clocks.edit')}
      testId="programme-clocks-form"
      form={form}
      onCancel={onCancel}
    >
      <div className="form__grid">
        {CLOCKS.map((clock) => (
          <NumberField
            key={clock}
            path={`clocks.${clock}`}
            label={t(`aeoProgramme.clocks.${clock}`)}
            hint={t(`aeoProgramme.clocks.${clock}Hint`, { count: EU_DEFAULT_CLOCKS[clock] })}
            value={values[clock]}
            onChange={(value) => setValues({ ...values, [clock]: value })}
            errors={form.errors}
            min={0}
          />
        ))}
      </div>
      <p>
        <button
          type="button"
          className="btn btn--link"
          onClick={() =>
            setValues(
              Object.fromEntries(CLOCKS.map((c) => [c, String(EU_DEFAULT_CLOCKS[c])])) as Record<
                ClockName,
                string
              >,
            )
          }
        >
          {t('aeoProgramme.clocks.useEuDefaults')}
        </button>
      </p>
    </EditorForm>
  );
}
