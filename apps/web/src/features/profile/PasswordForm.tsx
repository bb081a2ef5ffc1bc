import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { TextField } from '../../components/Field.js';
import { FormActions } from '../../components/FormActions.js';
import { useNotices } from '../../components/Notices.js';
import { Panel } from '../../components/Panel.js';
import { api } from '../../lib/api.js';
import { useFormSubmit } from '../../lib/use-form-submit.js';

const MIN_LENGTH = 10; // the contract's Password schema

export function PasswordForm() {
  const { t } = useTranslation();
  const { notify } = useNotices();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const form = useFormSubmit({
    validate() {
      const found: Record<string, string> = {};
      if (!currentPassword) found.currentPassword = t('profile.password.currentRequired');
      if (newPassword.length < MIN_LENGTH)
        found.newPassword = t('errors.field.tooShort', { min: MIN_LENGTH });
      else if (newPassword !== confirmation) found.confirmation = t('profile.password.mismatch');
      return found;
    },
    async submit() {
      await api.changePassword({ currentPassword, newPassword });
      setCurrent('');
      setNew('');
      setConfirmation('');
      notify(t('profile.password.changed'));
    },
    // A wrong current password is a field problem; the summary's links say it, so no second message.
    explain: (_error, usual) => (Object.keys(usual.errors).length > 0 ? { errors: usual.errors } : usual),
  });
  const { errors, busy } = form;
  const fields = [
    {
      name: 'currentPassword',
      label: t('profile.password.current'),
      hint: undefined,
      autoComplete: 'current-password',
      value: currentPassword,
      set: setCurrent,
    },
    {
      name: 'newPassword',
      label: t('profile.password.new'),
      hint: t('profile.password.newHint', { min: MIN_LENGTH }),
      autoComplete: 'new-password',
      value: newPassword,
      set: setNew,
    },
    {
      name: 'confirmation',
      label: t('profile.password.confirm'),
      hint: undefined,
      autoComplete: 'new-password',
      value: confirmation,
      set: setConfirmation,
    },
  ] as const;

  return (
    <Panel title={t('profile.password.title')} description={t('profile.password.description')}>
      <form className="form form--narrow" noValidate onSubmit={form.onSubmit}>
        <ErrorSummary
          ref={form.summaryRef}
          failure={form.failure}
          errors={errors}
          fieldIdPrefix="password-"
        />
        {fields.map((field) => (
          <TextField
            key={field.name}
            id={`password-${field.name}`}
            label={field.label}
            hint={field.hint}
            type="password"
            autoComplete={field.autoComplete}
            value={field.value}
            onChange={(e) => field.set(e.target.value)}
            error={errors[field.name]}
          />
        ))}
        <FormActions busy={busy} submitLabel={t('profile.password.submit')} />
      </form>
    </Panel>
  );
}
