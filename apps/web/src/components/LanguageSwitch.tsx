import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage, LANGUAGE_NAMES, LANGUAGES, rememberExplicitChoice } from '../i18n/index.js';
import { useSession } from '../lib/session.js';
import { useNotices } from './Notices.js';

/**
 * Offers the other language, named in that language with its `lang` set (as bilingual government sites
 * do), so a reader finds it without understanding the current one. Signed in, the choice is saved to the
 * profile; on the sign-in page it is carried through sign-in.
 */
export function LanguageSwitch({ tone = 'dark' }: { tone?: 'dark' | 'light' }) {
  const { t } = useTranslation();
  const { state, changeLanguage } = useSession();
  const { notify } = useNotices();
  const [busy, setBusy] = useState(false);
  const current = currentLanguage();
  const other = LANGUAGES.find((l) => l !== current) ?? 'en';

  async function switchLanguage() {
    setBusy(true);
    try {
      if (state.status !== 'signed-in') rememberExplicitChoice(other);
      await changeLanguage(other);
    } catch {
      notify(t('language.notSaved'), 'info');
    } finally {
      setBusy(false);
    }
  }

  return (
    <button
      type="button"
      className={`language-switch language-switch--${tone}`}
      onClick={switchLanguage}
      disabled={busy}
      lang={other}
      data-testid="language-switch"
    >
      <span aria-hidden="true" className="language-switch__code">
        {other.toUpperCase()}
      </span>
      <span>{LANGUAGE_NAMES[other]}</span>
    </button>
  );
}
