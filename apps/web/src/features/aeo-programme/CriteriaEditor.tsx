import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/Field.js';
import {
  CodeField,
  DescriptionAndCategories,
  ItemButton,
  type SectionEditorProps,
  useDraftList,
} from './EditablePanel.js';
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
export function CriteriaEditor({ programme, onCancel, onSaved }: SectionEditorProps) {
  const { t } = useTranslation();
  const {
    rows: drafts,
    setRows: setDrafts,
    update,
    remove,
  } = useDraftList<CriterionDraft>(() => toCriterionDrafts(programme));
  const form = useProgrammeEditor({
    programme,
    onSaved,
    changes: () => ({ criteria: fromCriterionDrafts(drafts) }),
  });
  const { errors } = form;

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
                  <CodeField
                    path={path}
                    value={draft.code}
                    onChange={(code) => update(index, { code })}
                    errors={errors}
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
                <DescriptionAndCategories
                  path={path}
                  value={draft}
                  categories={programme.categories}
                  onChange={(patch) => update(index, patch)}
                  errors={errors}
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
                  <ItemButton
                    item={label}
                    disabled={position === 0}
                    onClick={() => setDrafts(moveWithinHeading(drafts, index, -1))}
                  >
                    {t('aeoProgramme.moveUp')}
                  </ItemButton>
                  <ItemButton
                    item={label}
                    disabled={position === items.length - 1}
                    onClick={() => setDrafts(moveWithinHeading(drafts, index, 1))}
                  >
                    {t('aeoProgramme.moveDown')}
                  </ItemButton>
                  <ItemButton item={label} onClick={() => remove(index)}>
                    {t('aeoProgramme.remove')}
                  </ItemButton>
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
