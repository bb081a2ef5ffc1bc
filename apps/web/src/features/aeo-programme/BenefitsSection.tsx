import type { AeoBenefit } from '@aeolus/contracts';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge.js';
import { DataTable } from '../../components/DataTable.js';
import { TextField } from '../../components/Field.js';
import {
  CodeField,
  DescriptionAndCategories,
  EditableSection,
  ItemButton,
  type SectionEditorProps,
  useDraftList,
} from './EditablePanel.js';
import type { SectionProps } from './GeneralSection.js';
import { EditorForm, fieldId, LocalisedFields, useLanguage, useProgrammeEditor } from './ProgrammeForm.js';
import { newKey } from './programme-form.js';

/** Categories as badges; a list without categories applies to all of them. */
export function CategoryBadges({ codes }: { codes: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <span className="badges">
      {codes.length === 0 ? (
        <Badge>{t('aeoProgramme.allCategories')}</Badge>
      ) : (
        codes.map((code) => (
          <Badge key={code} tone="info">
            {code}
          </Badge>
        ))
      )}
    </span>
  );
}

/** What holders get (SAFE pillar 2 benefits), with figures other capabilities use, e.g. a score reduction. */
export function BenefitsSection(props: SectionProps) {
  const { programme } = props;
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <EditableSection section="benefits" {...props} editor={BenefitsEditor}>
      {programme.benefits.length === 0 ? (
        <p className="muted">{t('aeoProgramme.benefits.none')}</p>
      ) : (
        <DataTable
          label={t('aeoProgramme.benefits.title')}
          testId="programme-benefits-table"
          columns={[
            t('aeoProgramme.columns.benefit'),
            t('aeoProgramme.columns.categories'),
            t('aeoProgramme.columns.parameters'),
          ]}
        >
          {programme.benefits.map((benefit) => (
            <tr key={benefit.code} data-testid={`benefit-${benefit.code}`}>
              <th scope="row" className="table__primary">
                <span className="stack">
                  <span>{benefit.name[language]}</span>
                  <span className="muted small">{benefit.description[language]}</span>
                  <code className="small">{benefit.code}</code>
                </span>
              </th>
              <td>
                <CategoryBadges codes={benefit.categories} />
              </td>
              <td>
                {Object.entries(benefit.parameters ?? {}).map(([name, value]) => (
                  <div key={name} className="nowrap">
                    <code>{name}</code> = {value}
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </EditableSection>
  );
}

interface ParameterDraft {
  key: string;
  name: string;
  value: string;
}
type BenefitDraft = Omit<AeoBenefit, 'parameters' | 'categories'> & {
  key: string;
  categories: string[];
  parameters: ParameterDraft[];
};

function toDraft(benefit: AeoBenefit): BenefitDraft {
  return {
    ...benefit,
    key: benefit.code,
    categories: benefit.categories ?? [],
    parameters: Object.entries(benefit.parameters ?? {}).map(([name, value]) => ({
      key: newKey(),
      name,
      value: String(value),
    })),
  };
}

function fromDraft({ key: _key, parameters, ...benefit }: BenefitDraft): AeoBenefit {
  return {
    ...benefit,
    ...(parameters.length > 0
      ? {
          parameters: Object.fromEntries(
            parameters.map((p) => [p.name.trim(), p.value.trim() === '' ? Number.NaN : Number(p.value)]),
          ),
        }
      : {}),
  };
}

function BenefitsEditor({ programme, onCancel, onSaved }: SectionEditorProps) {
  const { t } = useTranslation();
  const { rows, update, remove, add } = useDraftList<BenefitDraft>(() => programme.benefits.map(toDraft));
  const form = useProgrammeEditor({
    programme,
    onSaved,
    changes: () => ({ benefits: rows.map(fromDraft) }),
  });
  const { errors } = form;

  return (
    <EditorForm
      title={t('aeoProgramme.benefits.edit')}
      testId="programme-benefits-form"
      form={form}
      onCancel={onCancel}
    >
      {rows.map((row, index) => {
        const path = `benefits.${index}`;
        return (
          <fieldset key={row.key} className="fieldset programme-item">
            <legend className="field__label">{t('aeoProgramme.benefits.item', { number: index + 1 })}</legend>
            <CodeField
              path={path}
              value={row.code}
              onChange={(code) => update(index, { code })}
              errors={errors}
            />
            <LocalisedFields
              path={`${path}.name`}
              label={t('aeoProgramme.columns.name')}
              value={row.name}
              onChange={(name) => update(index, { name })}
              errors={errors}
            />
            <DescriptionAndCategories
              path={path}
              value={row}
              categories={programme.categories}
              onChange={(patch) => update(index, patch)}
              errors={errors}
            />
            <fieldset className="fieldset field" id={fieldId(`${path}.parameters`)}>
              <legend className="field__label">{t('aeoProgramme.columns.parameters')}</legend>
              <p className="field__hint">{t('aeoProgramme.benefits.parametersHint')}</p>
              {row.parameters.map((parameter, p) => (
                <div key={parameter.key} className="programme-parameter">
                  <TextField
                    label={t('aeoProgramme.benefits.parameterName')}
                    value={parameter.name}
                    onChange={(e) =>
                      update(index, {
                        parameters: row.parameters.map((x, i) =>
                          i === p ? { ...x, name: e.target.value } : x,
                        ),
                      })
                    }
                    spellCheck={false}
                    autoComplete="off"
                  />
                  <TextField
                    id={fieldId(`${path}.parameters.${parameter.name.trim()}`)}
                    label={t('aeoProgramme.benefits.parameterValue')}
                    type="number"
                    value={parameter.value}
                    onChange={(e) =>
                      update(index, {
                        parameters: row.parameters.map((x, i) =>
                          i === p ? { ...x, value: e.target.value } : x,
                        ),
                      })
                    }
                    error={errors[`${path}.parameters.${parameter.name.trim()}`]}
                  />
                  <ItemButton
                    item={parameter.name}
                    onClick={() => update(index, { parameters: row.parameters.filter((_, i) => i !== p) })}
                  >
                    {t('aeoProgramme.remove')}
                  </ItemButton>
                </div>
              ))}
              <p>
                <button
                  type="button"
                  className="btn btn--link"
                  onClick={() =>
                    update(index, {
                      parameters: [...row.parameters, { key: newKey(), name: '', value: '' }],
                    })
                  }
                >
                  {t('aeoProgramme.benefits.addParameter')}
                </button>
              </p>
            </fieldset>
            <p>
              <ItemButton item={row.code} onClick={() => remove(index)}>
                {t('aeoProgramme.benefits.remove')}
              </ItemButton>
            </p>
          </fieldset>
        );
      })}
      <p>
        <button
          type="button"
          className="btn btn--secondary"
          onClick={() =>
            add({
              key: newKey(),
              code: '',
              name: { en: '', fr: '' },
              description: { en: '', fr: '' },
              categories: [],
              parameters: [],
            })
          }
        >
          {t('aeoProgramme.benefits.add')}
        </button>
      </p>
    </EditorForm>
  );
}
