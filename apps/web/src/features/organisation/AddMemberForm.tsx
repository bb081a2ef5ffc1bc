import { type Organisation, ROLES_BY_ORGANISATION_KIND, type Role } from '@aeolus/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { SelectField, TextField } from '../../components/Field.js';
import { FormActions } from '../../components/FormActions.js';
import { InlineForm } from '../../components/InlineForm.js';
import { currentLanguage, LANGUAGE_NAMES, LANGUAGES, type Language } from '../../i18n/index.js';
import { ApiError, api } from '../../lib/api.js';
import { useFocusOnMount } from '../../lib/use-focus-on-mount.js';
import { useFormSubmit } from '../../lib/use-form-submit.js';

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Adds a person with one role. Only roles the organisation's kind can grant are offered (no validator in
 * a trading company); the server enforces the same rule.
 */
export function AddMemberForm({
  organisation,
  onAdded,
  onCancel,
}: {
  organisation: Organisation;
  onAdded(email: string): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const roles = ROLES_BY_ORGANISATION_KIND[organisation.kind];
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>(roles[roles.length - 1] ?? roles[0]!);
  const [locale, setLocale] = useState<Language>(currentLanguage());
  const [password, setPassword] = useState('');
  const firstField = useFocusOnMount<HTMLInputElement>();
  const form = useFormSubmit({
    validate() {
      const found: Record<string, string> = {};
      if (!EMAIL_PATTERN.test(email.trim())) found.email = t('organisation.members.errors.email');
      if (!displayName.trim()) found.displayName = t('organisation.members.errors.displayName');
      if (password && password.length < 10) found.password = t('errors.field.tooShort', { min: 10 });
      return found;
    },
    async submit() {
      await api.addMember({
        email: email.trim(),
        displayName: displayName.trim(),
        role,
        locale,
        ...(password ? { password } : {}),
      });
      onAdded(email.trim());
    },
    // The person already holds this role here: say so in words rather than the bare CONFLICT message.
    explain: (error, usual) =>
      error instanceof ApiError && error.code === 'CONFLICT'
        ? {
            ...usual,
            failure: t('organisation.members.errors.conflict', {
              email: email.trim(),
              role: t(`roles.${role}`),
            }),
          }
        : usual,
  });
  const { errors, busy } = form;

  return (
    <InlineForm
      titleId="add-member-title"
      title={t('organisation.members.addTitle')}
      onSubmit={form.onSubmit}
    >
      <ErrorSummary ref={form.summaryRef} failure={form.failure} errors={errors} fieldIdPrefix="member-" />
      <div className="form__grid">
        <TextField
          ref={firstField}
          id="member-email"
          label={t('organisation.members.email')}
          type="email"
          autoComplete="off"
          spellCheck={false}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.email}
          hint={t('organisation.members.emailHint')}
        />
        <TextField
          id="member-displayName"
          label={t('organisation.members.name')}
          autoComplete="off"
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          error={errors.displayName}
          maxLength={120}
        />
        <SelectField
          id="member-role"
          label={t('organisation.members.role')}
          value={role}
          onChange={(e) => setRole(e.target.value as Role)}
          error={errors.role}
        >
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="member-locale"
          label={t('organisation.members.language')}
          value={locale}
          onChange={(e) => setLocale(e.target.value as Language)}
        >
          {LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </SelectField>
        <TextField
          id="member-password"
          className="form__wide"
          label={t('organisation.members.password')}
          labelSuffix={t('common.optional')}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.password}
          hint={t('organisation.members.passwordHint')}
        />
      </div>
      <FormActions busy={busy} submitLabel={t('organisation.members.addSubmit')} onCancel={onCancel} />
    </InlineForm>
  );
}
