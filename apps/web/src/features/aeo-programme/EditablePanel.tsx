import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Panel } from '../../components/Panel.js';

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
