import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { errorMessage } from '../lib/errors.js';
import { useSession } from '../lib/session.js';
import { Alert } from './Alert.js';
import { Loading } from './Loading.js';

/** Pages behind sign-in: waits for the session check, sends anonymous visitors to /sign-in and back. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { state, reload } = useSession();
  const location = useLocation();

  if (state.status === 'loading') {
    return (
      <div className="fullscreen-center">
        <Loading label={t('common.loading')} />
      </div>
    );
  }
  if (state.status === 'unreachable') {
    return (
      <main className="fullscreen-center">
        <div className="narrow">
          <Alert tone="error" title={t('errors.unreachableTitle')}>
            <p>{errorMessage(t, state.error, i18n.language)}</p>
            <button type="button" className="btn btn--secondary" onClick={reload}>
              {t('common.tryAgain')}
            </button>
          </Alert>
        </div>
      </main>
    );
  }
  if (state.status === 'anonymous') {
    const from = `${location.pathname}${location.search}`;
    return <Navigate to="/sign-in" replace state={{ from, reason: state.reason }} />;
  }
  return children;
}
