import type { AeoProgramme } from '@aeolus/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../components/Field.js';
import { CategoryChoices } from './EditablePanel.js';
import { EditorForm, fieldId, LocalisedFields, useProgrammeEditor } from './ProgrammeForm.js';
import {
  addCriterion,
  type CriterionDraft,
  changeHeading,
  fromCriterionDrafts,
  groupByHeading,
  moveWithinHeading,
  SAFE_HEADINGS,
  toCriterionDrafts,
} from './programme-form.js';

/**
 * Adds, edits, removes and reorders criteria, heading by heading. A criterion keeps its id while its
 * code is unchanged (checklists point at it); the server refuses to remove one a validation uses.
 */
export function CriteriaEditor({
  programme,
  onCancel,
  onSaved,
}: {
  programme: AeoProgramme;
  onCancel(): void;
  onSaved(saved: AeoProgramme): void;
}) {
  const { t } = useTranslation();
  const [drafts, setDrafts] = useState<CriterionDraft[]>(() => toCriterionDrafts(programme));
  const form = useProgrammeEditor({
    programme,
    onSaved,
    changes: () => ({ criteria: fromCriterionDrafts(drafts) }),
  });
  const { errors } = form;
  const update = (index: number, patch: Partial<CriterionDraft>) =>
    setDrafts(drafts.map((d, i) => (i === index ? { ...d, ...patch } : d)));

  return (
    <EditorForm
      title={t('aeoProgramme.criteria.edit')}
      testId="programme-criteria-form"
      form={form}
      onCancel={onCancel}
    >
      {errors.criteria ? <p className="field__error">{errors.criteria}</p> : null}
      {groupByHeading(drafts).map(({ heading, items }) => (
        <section
          key={heading}
          className="programme-heading"
          aria-labelledby={`edit-heading-${heading}`}
          data-testid={`criteria-edit-heading-${heading}`}
        >
          <h3 id={`edit-heading-${heading}`} className="programme-heading__title">
            <span className="programme-heading__number">{heading}</span>
            {t(`aeo.safeHeading.${heading}`)}
          </h3>
          {items.map(({ item: draft, index }, position) => {
            const path = `criteria.${index}`;
            const label = draft.code || t('aeoProgramme.criteria.new');
            return (
              <fieldset
                key={draft.key}
                className="fieldset programme-item"
                data-testid={`criterion-edit-${index}`}
              >
                <legend className="field__label">{label}</legend>
                <div className="form__grid">
                  <TextField
                    id={fieldId(`${path}.code`)}
                    label={t('aeoProgramme.columns.code')}
                    hint={t('aeoProgramme.codeHint')}
                    value={draft.code}
                    onChange={(e) => update(index, { code: e.target.value })}
                    error={errors[`${path}.code`]}
                    maxLength={32}
                    spellCheck={false}
                    autoComplete="off"
                  />
                  <SelectField
                    id={fieldId(`${path}.safeHeading`)}
                    label={t('aeoProgramme.criteria.heading')}
                    value={String(draft.safeHeading)}
                    onChange={(e) => setDrafts(changeHeading(drafts, index, Number(e.target.value)))}
                    error={errors[`${path}.safeHeading`]}
                  >
                    {SAFE_HEADINGS.map((h) => (
                      <option key={h} value={h}>
                        {h}. {t(`aeo.safeHeading.${h}`)}
                      </option>
                    ))}
                  </SelectField>
                </div>
                <LocalisedFields
                  path={`${path}.title`}
                  label={t('aeoProgramme.criteria.criterionTitle')}
                  value={draft.title}
                  onChange={(title) => update(index, { title })}
                  errors={errors}
                />
                <LocalisedFields
                  path={`${path}.description`}
                  label={t('aeoProgramme.columns.description')}
                  value={draft.description}
                  onChange={(description) => update(index, { description })}
                  errors={errors}
                  multiline
                />
                <CategoryChoices
                  id={fieldId(`${path}.categories`)}
                  legend={t('aeoProgramme.columns.categories')}
                  categories={programme.categories}
                  value={draft.categories}
                  onChange={(categories) => update(index, { categories })}
                  error={Object.entries(errors).find(([p]) => p.startsWith(`${path}.categories`))?.[1]}
                />
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={draft.onSiteByDefault}
                    onChange={(e) => update(index, { onSiteByDefault: e.target.checked })}
                  />
                  <span className="checkbox__text">
                    <span>{t('aeoProgramme.criteria.onSiteByDefault')}</span>
                    <span className="checkbox__hint">{t('aeoProgramme.criteria.onSiteHint')}</span>
                  </span>
                </label>
                <div className="form__actions">
                  <button
                    type="button"
                    className="btn btn--secondary btn--small"
                    disabled={position === 0}
                    onClick={() => setDrafts(moveWithinHeading(drafts, index, -1))}
                  >
                    {t('aeoProgramme.moveUp')}
                    <span className="visually-hidden"> {label}</span>
                  </button>
                  <button
                    type="button"
                    className="btn btn--secondary btn--small"
                    disabled={position === items.length - 1}
                    onClick={() => setDrafts(moveWithinHeading(drafts, index, 1))}
                  >
                    {t('aeoProgramme.moveDown')}
                    <span className="visually-hidden"> {label}</span>
                  </button>
                  <button
                    type="button"
                    className="btn btn--secondary btn--small"
                    onClick={() => setDrafts(drafts.filter((_, i) => i !== index))}
                  >
                    {t('aeoProgramme.remove')}
                    <span className="visually-hidden"> {label}</span>
                  </button>
                </div>
              </fieldset>
            );
          })}
          <p>
            <button
              type="button"
              className="btn btn--link"
              onClick={() => setDrafts(addCriterion(drafts, heading))}
              data-testid={`criteria-add-${heading}`}
            >
              {t('aeoProgramme.criteria.add', { heading })}
            </button>
          </p>
        </section>
      ))}
    </EditorForm>
  );
}
