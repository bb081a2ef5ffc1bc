import type { AeoCategory, AeoProgramme } from '@aeolus/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable.js';
import { TextField } from '../../components/Field.js';
import { EditablePanel } from './EditablePanel.js';
import type { SectionProps } from './GeneralSection.js';
import { EditorForm, fieldId, LocalisedFields, useLanguage, useProgrammeEditor } from './ProgrammeForm.js';
import { newKey } from './programme-form.js';

/** Categories of authorisation (e.g. S security and safety, C customs simplifications, F both). */
export function CategoriesSection({ programme, canEdit, onSaved }: SectionProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [editing, setEditing] = useState(false);
  return (
    <EditablePanel
      title={t('aeoProgramme.categories.title')}
      description={t('aeoProgramme.categories.description')}
      testId="programme-categories"
      canEdit={canEdit}
      editing={editing}
      onEdit={() => setEditing(true)}
    >
      {editing ? (
        <CategoriesEditor
          programme={programme}
          onCancel={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            onSaved(saved);
          }}
        />
      ) : (
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
      )}
    </EditablePanel>
  );
}

type CategoryDraft = AeoCategory & { key: string };

function CategoriesEditor({
  programme,
  onCancel,
  onSaved,
}: {
  programme: AeoProgramme;
  onCancel(): void;
  onSaved(saved: AeoProgramme): void;
}) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<CategoryDraft[]>(() =>
    programme.categories.map((c) => ({ ...c, key: c.code })),
  );
  const form = useProgrammeEditor({
    programme,
    onSaved,
    changes: () => ({ categories: rows.map(({ key: _key, ...category }) => category) }),
  });
  const update = (index: number, patch: Partial<AeoCategory>) =>
    setRows(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));

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
            <button
              type="button"
              className="btn btn--secondary btn--small"
              onClick={() => setRows(rows.filter((_, i) => i !== index))}
            >
              {t('aeoProgramme.remove')}
              <span className="visually-hidden"> {row.code}</span>
            </button>
          </p>
        </fieldset>
      ))}
      {form.errors.categories ? <p className="field__error">{form.errors.categories}</p> : null}
      <p>
        <button
          type="button"
          className="btn btn--secondary"
          onClick={() =>
            setRows([
              ...rows,
              { key: newKey(), code: '', name: { en: '', fr: '' }, description: { en: '', fr: '' } },
            ])
          }
        >
          {t('aeoProgramme.categories.add')}
        </button>
      </p>
    </EditorForm>
  );
}
