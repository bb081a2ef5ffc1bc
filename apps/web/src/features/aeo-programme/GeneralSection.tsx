import {
  type AeoProgramme,
  type AeoValidity,
  SUPPLY_CHAIN_ROLES,
  type SupplyChainRole,
} from '@aeolus/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge.js';
import { ChoiceRow } from '../../components/ChoiceRow.js';
import { TextField } from '../../components/Field.js';
import { EditableSection, type SectionEditorProps } from './EditablePanel.js';
import { EditorForm, fieldId, LocalisedFields, NumberField, useProgrammeEditor } from './ProgrammeForm.js';
import { wholeNumber } from './programme-form.js';

export interface SectionProps {
  programme: AeoProgramme;
  canEdit: boolean;
  onSaved(saved: AeoProgramme): void;
}

/** How long a certificate holds: open-ended with periodic reassessment, or for a fixed term. */
export function ValidityText({ validity }: { validity: AeoValidity }) {
  const { t } = useTranslation();
  return validity.kind === 'open_ended'
    ? t('aeoProgramme.validity.openEndedText', { count: validity.reassessmentYears })
    : t('aeoProgramme.validity.fixedTermText', { count: validity.years });
}

/** Name, identifier prefix, who may apply, and how long the status holds. */
export function GeneralSection(props: SectionProps) {
  const { programme } = props;
  const { t } = useTranslation();
  return (
    <EditableSection section="general" {...props} editor={GeneralEditor}>
      <dl className="facts facts--columns">
        <div>
          <dt>{t('aeoProgramme.general.nameEn')}</dt>
          <dd lang="en" data-testid="programme-name-en">
            {programme.name.en}
          </dd>
        </div>
        <div>
          <dt>{t('aeoProgramme.general.nameFr')}</dt>
          <dd lang="fr" data-testid="programme-name-fr">
            {programme.name.fr}
          </dd>
        </div>
        <div>
          <dt>{t('aeoProgramme.general.prefix')}</dt>
          <dd>
            <code data-testid="programme-prefix">{programme.identifierPrefix}</code>
          </dd>
        </div>
        <div>
          <dt>{t('aeoProgramme.general.validity')}</dt>
          <dd data-testid="programme-validity">
            <ValidityText validity={programme.validity} />
          </dd>
        </div>
        <div className="facts__wide">
          <dt>{t('aeoProgramme.general.eligibleRoles')}</dt>
          <dd>
            <span className="badges" data-testid="programme-roles">
              {programme.eligibleRoles.map((role) => (
                <Badge key={role} tone="accent">
                  {t(`supplyChainRoles.${role as SupplyChainRole}`)}
                </Badge>
              ))}
            </span>
          </dd>
        </div>
      </dl>
    </EditableSection>
  );
}

function GeneralEditor({ programme, onCancel, onSaved }: SectionEditorProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(programme.name);
  const [prefix, setPrefix] = useState(programme.identifierPrefix);
  const [roles, setRoles] = useState<string[]>(programme.eligibleRoles);
  const [kind, setKind] = useState<AeoValidity['kind']>(programme.validity.kind);
  const [years, setYears] = useState(
    String(
      programme.validity.kind === 'open_ended'
        ? programme.validity.reassessmentYears
        : programme.validity.years,
    ),
  );
  const form = useProgrammeEditor({
    programme,
    onSaved,
    changes: () => ({
      name,
      identifierPrefix: prefix.trim().toUpperCase(),
      eligibleRoles: roles as SupplyChainRole[],
      validity:
        kind === 'open_ended'
          ? { kind, reassessmentYears: wholeNumber(years) }
          : { kind, years: wholeNumber(years) },
    }),
  });
  const { errors } = form;
  const yearsPath = kind === 'open_ended' ? 'validity.reassessmentYears' : 'validity.years';

  return (
    <EditorForm
      title={t('aeoProgramme.general.edit')}
      testId="programme-general-form"
      form={form}
      onCancel={onCancel}
    >
      <LocalisedFields
        path="name"
        label={t('aeoProgramme.general.name')}
        value={name}
        onChange={setName}
        errors={errors}
      />
      <TextField
        id={fieldId('identifierPrefix')}
        className="field--short"
        label={t('aeoProgramme.general.prefix')}
        hint={t('aeoProgramme.general.prefixHint')}
        value={prefix}
        onChange={(e) => setPrefix(e.target.value)}
        error={errors.identifierPrefix}
        maxLength={9}
        spellCheck={false}
        autoComplete="off"
      />
      <fieldset
        className={`fieldset field ${errors.eligibleRoles ? 'field--error' : ''}`}
        id={fieldId('eligibleRoles')}
      >
        <legend className="field__label">{t('aeoProgramme.general.eligibleRoles')}</legend>
        <p className="field__hint">{t('aeoProgramme.general.eligibleRolesHint')}</p>
        {errors.eligibleRoles ? <p className="field__error">{errors.eligibleRoles}</p> : null}
        <div className="checkbox-list">
          {SUPPLY_CHAIN_ROLES.map((role) => (
            <label key={role} className="checkbox">
              <input
                type="checkbox"
                checked={roles.includes(role)}
                onChange={(e) =>
                  setRoles(e.target.checked ? [...roles, role] : roles.filter((r) => r !== role))
                }
              />
              <span className="checkbox__text">{t(`supplyChainRoles.${role}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="fieldset field">
        <legend className="field__label">{t('aeoProgramme.general.validity')}</legend>
        <ChoiceRow
          name="validity-kind"
          options={['open_ended', 'fixed_term'] as const}
          value={kind}
          onChange={setKind}
          label={(option) => <span>{t(`aeoProgramme.validity.${option}`)}</span>}
        />
      </fieldset>
      <NumberField
        path={yearsPath}
        label={
          kind === 'open_ended'
            ? t('aeoProgramme.validity.reassessmentYears')
            : t('aeoProgramme.validity.years')
        }
        hint={t('aeoProgramme.validity.yearsHint')}
        value={years}
        onChange={setYears}
        errors={errors}
        min={1}
        max={20}
      />
    </EditorForm>
  );
}
