import type { AeoCategory } from '@aeolus/contracts';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable.js';
import { TextField } from '../../components/Field.js';
import { EditableSection, ItemButton, type SectionEditorProps, useDraftList } from './EditablePanel.js';
import type { SectionProps } from './GeneralSection.js';
import { EditorForm, fieldId, LocalisedFields, useLanguage, useProgrammeEditor } from './ProgrammeForm.js';
import { newKey } from './programme-form.js';

/** Categories of authorisation (e.g. S security and safety, C customs simplifications, F both). */
export function CategoriesSection(props: SectionProps) {
  const { programme } = props;
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <EditableSection section="categories" {...props} editor={CategoriesEditor}>
      <DataTable
        label={t('aeoProgramme.categories.title')}
        testId="programme-categories-table"
        columns={[t('aeoProgramme.columns.code'), t('aeoProgramme.columns.name')]}
      >
        {programme.categories.map((category) => (
          <tr key={category.code}>
            <td>
              <code>{category.code}</code>
            </td>
            <th scope="row" className="table__primary">
              <span className="stack">
                <span>{category.name[language]}</span>
                <span className="muted small">{category.description[language]}</span>
              </span>
            </th>
          </tr>
        ))}
      </DataTable>
    </EditableSection>
  );
}

type CategoryDraft = AeoCategory & { key: string };

function CategoriesEditor({ programme, onCancel, onSaved }: SectionEditorProps) {
  const { t } = useTranslation();
  const { rows, update, remove, add } = useDraftList<CategoryDraft>(() =>
    programme.categories.map((c) => ({ ...c, key: c.code })),
  );
  const form = useProgrammeEditor({
    programme,
    onSaved,
    changes: () => ({ categories: rows.map(({ key: _key, ...category }) => category) }),
  });

  return (
    <EditorForm
      title={t('aeoProgramme.categories.edit')}
      testId="programme-categories-form"
      form={form}
      onCancel={onCancel}
    >
      {rows.map((row, index) => (
        <fieldset key={row.key} className="fieldset programme-item">
          <legend className="field__label">{t('aeoProgramme.categories.item', { number: index + 1 })}</legend>
          <TextField
            id={fieldId(`categories.${index}.code`)}
            className="field--short"
            label={t('aeoProgramme.columns.code')}
            hint={t('aeoProgramme.categories.codeHint')}
            value={row.code}
            onChange={(e) => update(index, { code: e.target.value.toUpperCase() })}
            error={form.errors[`categories.${index}.code`]}
            maxLength={3}
            autoComplete="off"
          />
          <LocalisedFields
            path={`categories.${index}.name`}
            label={t('aeoProgramme.columns.name')}
            value={row.name}
            onChange={(name) => update(index, { name })}
            errors={form.errors}
          />
          <LocalisedFields
            path={`categories.${index}.description`}
            label={t('aeoProgramme.columns.description')}
            value={row.description}
            onChange={(description) => update(index, { description })}
            errors={form.errors}
            multiline
          />
          <p>
            <ItemButton item={row.code} onClick={() => remove(index)}>
              {t('aeoProgramme.remove')}
            </ItemButton>
          </p>
        </fieldset>
      ))}
      {form.errors.categories ? <p className="field__error">{form.errors.categories}</p> : null}
      <p>
        <button
          type="button"
          className="btn btn--secondary"
          onClick={() =>
            add({ key: newKey(), code: '', name: { en: '', fr: '' }, description: { en: '', fr: '' } })
          }
        >
          {t('aeoProgramme.categories.add')}
        </button>
      </p>
    </EditorForm>
  );
}
