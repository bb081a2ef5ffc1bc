import type { AeoProgramme, LocalisedText } from '@aeolus/contracts';
import { type ComponentType, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/Field.js';
import { Panel } from '../../components/Panel.js';
import { fieldId, LocalisedFields } from './ProgrammeForm.js';

/**
 * A part of the programme shown as facts, with an Edit button for those who may change it (admins);
 * while editing, the editor takes the place of the facts.
 */
export function EditablePanel({
  title,
  description,
  testId,
  canEdit,
  editing,
  onEdit,
  children,
}: {
  title: string;
  description?: ReactNode;
  testId: string;
  canEdit: boolean;
  editing: boolean;
  onEdit(): void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div data-testid={testId}>
      <Panel
        title={title}
        description={description}
        actions={
          canEdit && !editing ? (
            <button
              type="button"
              className="btn btn--secondary btn--small"
              onClick={onEdit}
              data-testid={`${testId}-edit`}
            >
              {t('aeoProgramme.edit')}
              <span className="visually-hidden"> {title}</span>
            </button>
          ) : null
        }
      >
        {children}
      </Panel>
    </div>
  );
}

/** What a section's editor is given: the programme, and what to do on cancel and once saved. */
export interface SectionEditorProps {
  programme: AeoProgramme;
  onCancel(): void;
  onSaved(saved: AeoProgramme): void;
}

/**
 * A section of the programme page: its facts (`children`) in an `EditablePanel`, swapped for its
 * `editor` while editing; saving or cancelling goes back to the facts.
 */
export function EditableSection({
  section,
  description,
  programme,
  canEdit,
  onSaved,
  editor: Editor,
  children,
}: {
  /** Names the section's title, description (unless given) and test ids: `aeoProgramme.<section>.*`. */
  section: 'general' | 'categories' | 'clocks' | 'benefits' | 'criteria';
  description?: ReactNode;
  programme: AeoProgramme;
  canEdit: boolean;
  onSaved(saved: AeoProgramme): void;
  editor: ComponentType<SectionEditorProps>;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const title = t(`aeoProgramme.${section}.title`);
  const [editing, setEditing] = useState(false);
  return (
    <EditablePanel
      title={title}
      description={description ?? t(`aeoProgramme.${section}.description`)}
      testId={`programme-${section}`}
      canEdit={canEdit}
      editing={editing}
      onEdit={() => setEditing(true)}
    >
      {editing ? (
        <Editor
          programme={programme}
          onCancel={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            onSaved(saved);
          }}
        />
      ) : (
        children
      )}
    </EditablePanel>
  );
}

/** A list being edited: its rows, and how to change, remove or add one. */
export function useDraftList<T>(initial: () => T[]) {
  const [rows, setRows] = useState<T[]>(initial);
  return {
    rows,
    setRows,
    update: (index: number, patch: Partial<T>) =>
      setRows(rows.map((row, i) => (i === index ? { ...row, ...patch } : row))),
    remove: (index: number) => setRows(rows.filter((_, i) => i !== index)),
    add: (row: T) => setRows([...rows, row]),
  };
}

/** A small button acting on one item of a list; `item` names it for screen readers. */
export function ItemButton({
  children,
  item,
  onClick,
  disabled,
}: {
  children: ReactNode;
  item: string;
  onClick(): void;
  disabled?: boolean;
}) {
  return (
    <button type="button" className="btn btn--secondary btn--small" disabled={disabled} onClick={onClick}>
      {children}
      <span className="visually-hidden"> {item}</span>
    </button>
  );
}

/** The code of a benefit or criterion: a short machine name other capabilities refer to. */
export function CodeField({
  path,
  value,
  onChange,
  errors,
}: {
  path: string;
  value: string;
  onChange(value: string): void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <TextField
      id={fieldId(`${path}.code`)}
      label={t('aeoProgramme.columns.code')}
      hint={t('aeoProgramme.codeHint')}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={errors[`${path}.code`]}
      maxLength={32}
      spellCheck={false}
      autoComplete="off"
    />
  );
}

/** An item's description in both languages, and the categories it applies to (none: all of them). */
export function DescriptionAndCategories({
  path,
  value,
  categories,
  onChange,
  errors,
}: {
  path: string;
  value: { description: LocalisedText; categories: string[] };
  categories: AeoProgramme['categories'];
  onChange(patch: { description: LocalisedText } | { categories: string[] }): void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <>
      <LocalisedFields
        path={`${path}.description`}
        label={t('aeoProgramme.columns.description')}
        value={value.description}
        onChange={(description) => onChange({ description })}
        errors={errors}
        multiline
      />
      <CategoryChoices
        id={fieldId(`${path}.categories`)}
        legend={t('aeoProgramme.columns.categories')}
        categories={categories}
        value={value.categories}
        onChange={(categories) => onChange({ categories })}
        error={categoriesError(errors, path)}
      />
    </>
  );
}

/** The first error about an item's categories (the list or one of its codes). */
export const categoriesError = (errors: Record<string, string>, path: string): string | undefined =>
  Object.entries(errors).find(([p]) => p.startsWith(`${path}.categories`))?.[1];

/** Checkboxes for the programme's categories; none ticked means "every category". */
export function CategoryChoices({
  id,
  legend,
  categories,
  value,
  onChange,
  error,
}: {
  id: string;
  legend: string;
  categories: readonly { code: string; name: { en: string; fr: string } }[];
  value: readonly string[];
  onChange(value: string[]): void;
  error?: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language.startsWith('fr') ? 'fr' : 'en';
  return (
    <fieldset className={`fieldset field ${error ? 'field--error' : ''}`} id={id}>
      <legend className="field__label">{legend}</legend>
      <p className="field__hint">{t('aeoProgramme.categoriesHint')}</p>
      {error ? <p className="field__error">{error}</p> : null}
      <div className="choice-row">
        {categories.map((category) => (
          <label key={category.code} className="choice">
            <input
              type="checkbox"
              checked={value.includes(category.code)}
              onChange={(e) =>
                onChange(
                  e.target.checked
                    ? [...value, category.code]
                    : value.filter((code) => code !== category.code),
                )
              }
            />
            <span>
              <strong>{category.code}</strong> {category.name[language]}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
