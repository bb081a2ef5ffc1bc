import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { Alert } from '../../components/Alert.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { TextAreaField } from '../../components/Field.js';
import { Icon } from '../../components/Icon.js';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import { LogoMark } from '../../components/Logo.js';
import { Panel } from '../../components/Panel.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { useFormSubmit } from '../../lib/use-form-submit.js';
import { CredentialCheck, RegisterCheck } from './VerifyChecks.js';
import { aeoIdFromPath, parseVerifyInput } from './verify-input.js';
import './verify.css';

/**
 * Public certificate verification: no account needed. The QR code on a printed certificate opens
 * `/verify/<aeoId>?c=<signed credential>`; `/verify/<aeoId>` alone shows the public register entry.
 * SAFE Pillar 2 (customs-to-business) and the mutual recognition of AEO programmes rely on partners
 * and other administrations being able to check an AEO's status themselves, at any time.
 */
export function VerifyPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const [search] = useSearchParams();
  const splat = useParams()['*'] ?? '';
  useDocumentTitle(t('verify.title'));

  const credential = search.get('c')?.replace(/\s+/g, '') || undefined;
  const pathAeoId = aeoIdFromPath(location.pathname);
  const badPath = !credential && !pathAeoId && splat.replace(/\/+$/, '') !== '';

  return (
    <div className="verify">
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <header className="app-header verify__header">
        <div className="brand">
          <LogoMark size={30} />
          <span className="brand__text">
            <span className="brand__name">Aeolus</span>
            <span className="brand__tagline">{t('verify.tagline')}</span>
          </span>
        </div>
        <LanguageSwitch />
      </header>
      <main id="main" className="verify__main" tabIndex={-1}>
        <header className="page-header">
          <div className="page-header__text">
            <h1>{t('verify.title')}</h1>
            <p className="page-header__lead">{t('verify.lead')}</p>
          </div>
        </header>
        {credential ? (
          <CredentialCheck credential={credential} {...(pathAeoId ? { linkedAeoId: pathAeoId } : {})} />
        ) : pathAeoId ? (
          <RegisterCheck aeoId={pathAeoId} />
        ) : badPath ? (
          <Alert tone="error" title={t('verify.badPath', { value: splat })} />
        ) : null}
        <PasteForm />
        <HowItWorks />
        <p className="verify__footer">{t('app.footer')}</p>
      </main>
    </div>
  );
}

/** Paste a credential, the QR code's link or an AEO identifier; the address then names what is checked. */
function PasteForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [value, setValue] = useState('');
  const form = useFormSubmit({
    validate(): Record<string, string> {
      const parsed = parseVerifyInput(value);
      if (parsed.kind === 'empty') return { pasted: t('verify.paste.required') };
      if (parsed.kind === 'unrecognised') return { pasted: t('verify.paste.unrecognised') };
      return {};
    },
    async submit() {
      const parsed = parseVerifyInput(value);
      if (parsed.kind === 'credential') {
        const path = parsed.aeoId ? `/verify/${parsed.aeoId}` : '/verify';
        navigate(`${path}?c=${parsed.credential}`);
      } else if (parsed.kind === 'aeoId') {
        navigate(`/verify/${parsed.aeoId}`);
      }
    },
  });
  return (
    <Panel title={t('verify.paste.title')}>
      <ErrorSummary ref={form.summaryRef} errors={form.errors} fieldIdPrefix="verify-" />
      <form className="form" noValidate onSubmit={form.onSubmit} data-testid="verify-form">
        <TextAreaField
          id="verify-pasted"
          label={t('verify.paste.label')}
          hint={t('verify.paste.hint')}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          error={form.errors.pasted}
          rows={4}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          className="verify__pasted"
          data-testid="verify-input"
        />
        <div>
          <button type="submit" className="btn btn--primary" data-testid="verify-submit">
            <Icon name="shield" size={18} />
            <span>{t('verify.paste.submit')}</span>
          </button>
        </div>
      </form>
    </Panel>
  );
}

function HowItWorks() {
  const { t } = useTranslation();
  return (
    <Panel title={t('verify.how.title')}>
      <ul className="verify__how">
        <li>
          <Icon name="key" />
          <div>
            <p className="verify__how-title">{t('verify.how.signatureTitle')}</p>
            <p>{t('verify.how.signature')}</p>
            <p>
              <a href="/.well-known/jwks.json" data-testid="verify-jwks">
                {t('verify.how.keys')}
              </a>
            </p>
          </div>
        </li>
        <li>
          <Icon name="shield" />
          <div>
            <p className="verify__how-title">{t('verify.how.statusTitle')}</p>
            <p>{t('verify.how.status')}</p>
          </div>
        </li>
        <li>
          <Icon name="clock" />
          <div>
            <p className="verify__how-title">{t('verify.how.datesTitle')}</p>
            <p>{t('verify.how.dates')}</p>
          </div>
        </li>
      </ul>
      <p className="muted">{t('verify.how.noAccount')}</p>
    </Panel>
  );
}
