import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.js';
import { ChoiceRow } from '../../components/ChoiceRow.js';
import { TextField } from '../../components/Field.js';
import { FormActions } from '../../components/FormActions.js';
import { useNotices } from '../../components/Notices.js';
import { Panel } from '../../components/Panel.js';
import { isLanguage, LANGUAGE_NAMES, LANGUAGES, type Language, setLanguage } from '../../i18n/index.js';
import { api } from '../../lib/api.js';
import { useSession, useSignedIn } from '../../lib/session.js';
import { useFormSubmit } from '../../lib/use-form-submit.js';

export function ProfileDetailsForm() {
  const { t, i18n } = useTranslation();
  const { session } = useSignedIn();
  const { updateDisplayName, changeLanguage } = useSession();
  const { notify } = useNotices();
  const [displayName, setDisplayName] = useState(session.user.displayName);
  const [locale, setLocale] = useState<Language>(
    isLanguage(session.user.locale) ? session.user.locale : 'en',
  );
  const legendId = useId();

  // The header's language switch also changes the profile; keep the choice shown here in step with it.
  useEffect(() => {
    if (isLanguage(session.user.locale)) setLocale(session.user.locale);
  }, [session.user.locale]);

  const name = displayName.trim();
  const form = useFormSubmit({
    validate: (): Record<string, string> => (name ? {} : { displayName: t('profile.details.nameRequired') }),
    async submit() {
      if (name !== session.user.displayName) {
        await api.updateProfile({ displayName: name });
        updateDisplayName(name);
      }
      // The language goes through the session so the header, the profile and <html lang> agree.
      if (locale !== session.user.locale) await changeLanguage(locale);
      else await setLanguage(locale);
      // i18n.t, not the render's t: the language may have just changed, and the message should follow it.
      notify(i18n.t('profile.details.saved'));
    },
  });
  const { errors, busy } = form;

  return (
    <Panel title={t('profile.details.title')}>
      <form className="form" noValidate onSubmit={form.onSubmit}>
        {form.failure ? <Alert tone="error" title={form.failure} /> : null}
        <TextField
          id="profile-displayName"
          label={t('profile.details.displayName')}
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          error={errors.displayName}
          autoComplete="name"
          maxLength={120}
        />
        <div className="field">
          <span className="field__label">{t('profile.details.email')}</span>
          <p className="field__static">{session.user.email}</p>
        </div>
        <fieldset className="fieldset" aria-describedby={`${legendId}-hint`}>
          <legend className="field__label">{t('profile.details.language')}</legend>
          <p className="field__hint" id={`${legendId}-hint`}>
            {t('profile.details.languageHint')}
          </p>
          <ChoiceRow
            name="profile-locale"
            options={LANGUAGES}
            value={locale}
            onChange={setLocale}
            label={(l) => <span>{LANGUAGE_NAMES[l]}</span>}
            lang={(l) => l}
          />
        </fieldset>
        <FormActions busy={busy} submitLabel={t('profile.details.save')} />
      </form>
    </Panel>
  );
}
