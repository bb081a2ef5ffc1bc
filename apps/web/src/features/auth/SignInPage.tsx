import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { Alert } from '../../components/Alert.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { TextField } from '../../components/Field.js';
import { Icon } from '../../components/Icon.js';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import { Loading } from '../../components/Loading.js';
import { LogoMark } from '../../components/Logo.js';
import { api } from '../../lib/api.js';
import { useSession } from '../../lib/session.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { useFormSubmit } from '../../lib/use-form-submit.js';

interface FromState {
  from?: string;
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Why an OpenID Connect sign-in was refused: the server redirects here with `?error=<code>`. */
const OIDC_REFUSALS = [
  'OIDC_EMAIL_UNVERIFIED',
  'OIDC_ACCOUNT_UNKNOWN',
  'OIDC_STATE_INVALID',
  'OIDC_DENIED',
  'OIDC_FAILED',
] as const;
type OidcRefusal = (typeof OIDC_REFUSALS)[number];

function oidcRefusal(value: string | null): OidcRefusal | undefined {
  return OIDC_REFUSALS.find((r) => r === value);
}

export function SignInPage() {
  const { t } = useTranslation();
  const { state, signIn } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [oidcEnabled, setOidcEnabled] = useState(false);
  const [searchParams] = useSearchParams();
  const refusal = oidcRefusal(searchParams.get('error'));
  useDocumentTitle(t('signIn.title'));

  useEffect(() => {
    const controller = new AbortController();
    api.oidcStatus(controller.signal).then(
      (status) => setOidcEnabled(status.enabled),
      () => setOidcEnabled(false), // an older server or a failure: password sign-in still works
    );
    return () => controller.abort();
  }, []);

  const from = (location.state as FromState | null)?.from;
  const target = from?.startsWith('/') && !from.startsWith('/sign-in') ? from : '/';

  const form = useFormSubmit({
    validate() {
      const found: Record<string, string> = {};
      if (!email.trim()) found.email = t('signIn.errors.emailRequired');
      else if (!EMAIL_PATTERN.test(email.trim())) found.email = t('signIn.errors.emailInvalid');
      if (!password) found.password = t('signIn.errors.passwordRequired');
      return found;
    },
    async submit() {
      try {
        await signIn({ email: email.trim(), password });
      } catch (error) {
        setPassword('');
        throw error;
      }
      navigate(target, { replace: true });
    },
    // A refused sign-in never says which field was wrong: that would tell an attacker which emails exist.
    explain: (_error, usual) => ({ errors: {}, failure: usual.failure }),
  });
  const { errors: problems, failure, busy } = form;

  if (state.status === 'signed-in') return <Navigate to={target} replace />;
  if (state.status === 'loading') {
    return (
      <div className="fullscreen-center">
        <Loading label={t('common.loading')} />
      </div>
    );
  }

  const reason = state.status === 'anonymous' ? state.reason : undefined;

  return (
    <div className="signin">
      <a className="skip-link" href="#signin-form">
        {t('shell.skipToContent')}
      </a>
      <aside className="signin__aside" aria-label={t('signIn.aboutLabel')}>
        <div className="signin__brand">
          <LogoMark size={40} />
          <span className="signin__brand-name">Aeolus</span>
        </div>
        <div className="signin__pitch">
          <p className="signin__headline">{t('signIn.headline')}</p>
          <ul className="signin__points">
            <li>
              <Icon name="shield" />
              <span>{t('signIn.points.aeo')}</span>
            </li>
            <li>
              <Icon name="radar" />
              <span>{t('signIn.points.risk')}</span>
            </li>
            <li>
              <Icon name="lifebuoy" />
              <span>{t('signIn.points.resilience')}</span>
            </li>
          </ul>
        </div>
        <p className="signin__legal">{t('signIn.legal')}</p>
      </aside>
      <main className="signin__main">
        <div className="signin__topbar">
          <LanguageSwitch tone="light" />
        </div>
        <div className="signin__card">
          <h1 className="signin__title">{t('signIn.title')}</h1>
          <p className="signin__intro">{t('signIn.intro')}</p>
          {reason === 'expired' ? <Alert tone="info" title={t('signIn.expired')} /> : null}
          {reason === 'signed-out' ? <Alert tone="success" title={t('signIn.signedOut')} /> : null}
          {refusal && !failure ? (
            <Alert tone="error" title={t('signIn.failedTitle')}>
              <p>{t(`signIn.oidc.refusals.${refusal}`)}</p>
            </Alert>
          ) : null}
          <ErrorSummary
            ref={form.summaryRef}
            failure={failure}
            failureTitle={t('signIn.failedTitle')}
            errors={problems}
            fieldIdPrefix="signin-"
          />
          <form id="signin-form" className="form" noValidate onSubmit={form.onSubmit} aria-busy={busy}>
            <TextField
              id="signin-email"
              label={t('signIn.email')}
              type="email"
              name="email"
              autoComplete="username"
              inputMode="email"
              spellCheck={false}
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              error={problems.email}
            />
            <div className="password-field">
              <TextField
                id="signin-password"
                label={t('signIn.password')}
                type={showPassword ? 'text' : 'password'}
                name="password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                error={problems.password}
              />
              <button
                type="button"
                className="btn btn--link password-field__toggle"
                aria-pressed={showPassword}
                aria-controls="signin-password"
                onClick={() => setShowPassword((s) => !s)}
              >
                {showPassword ? t('signIn.hidePassword') : t('signIn.showPassword')}
              </button>
            </div>
            <button type="submit" className="btn btn--primary btn--block" disabled={busy}>
              {busy ? t('signIn.submitting') : t('signIn.submit')}
            </button>
          </form>
          {oidcEnabled ? (
            <>
              <p className="divider">
                <span>{t('signIn.oidc.or')}</span>
              </p>
              <a
                className="btn btn--secondary btn--block"
                href="/api/auth/oidc/login"
                data-testid="oidc-sign-in"
              >
                {t('signIn.oidc.button')}
              </a>
            </>
          ) : null}
          <p className="signin__help">
            <Icon name="lock" size={16} />
            <span>{t('signIn.help')}</span>
          </p>
        </div>
      </main>
    </div>
  );
}
