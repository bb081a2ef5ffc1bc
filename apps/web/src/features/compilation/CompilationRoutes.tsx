import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Route, Routes } from 'react-router-dom';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import { Loading } from '../../components/Loading.js';
import { LogoMark } from '../../components/Logo.js';
import { NotFoundPage } from '../errors/StatusPages.js';
import { DirectoryPage } from './DirectoryPage.js';
import { ProgrammePage } from './ProgrammePage.js';
import './compilation.css';

// Charts (recharts) and the network layout (d3-force) load only when their page opens, so the directory
// stays small and fast on a phone.
const StatsPage = lazy(() => import('./StatsPage.js').then((m) => ({ default: m.StatsPage })));
const NetworkPage = lazy(() => import('./NetworkPage.js').then((m) => ({ default: m.NetworkPage })));

/**
 * The public online AEO compilation (issue 5 §9): no account needed, like `/verify`. Directory,
 * programme pages, statistics and the MRA network.
 */
export function CompilationRoutes() {
  const { t } = useTranslation();
  return (
    <div className="compilation">
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <header className="app-header compilation__header">
        <div className="brand">
          <LogoMark size={30} />
          <span className="brand__text">
            <span className="brand__name">Aeolus</span>
            <span className="brand__tagline">{t('compilation.tagline')}</span>
          </span>
        </div>
        <LanguageSwitch />
      </header>
      <nav className="compilation__nav" aria-label={t('compilation.nav.label')}>
        <NavLink to="/compilation" end>
          {t('compilation.nav.directory')}
        </NavLink>
        <NavLink to="/compilation/stats">{t('compilation.nav.stats')}</NavLink>
        <NavLink to="/compilation/network">{t('compilation.nav.network')}</NavLink>
      </nav>
      <main id="main" className="compilation__main" tabIndex={-1}>
        <Suspense fallback={<Loading label={t('compilation.list.loading')} block />}>
          <Routes>
            <Route index element={<DirectoryPage />} />
            <Route path="programmes/:id" element={<ProgrammePage />} />
            <Route path="stats" element={<StatsPage />} />
            <Route path="network" element={<NetworkPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </Suspense>
        <p className="compilation__footer">{t('app.footer')}</p>
      </main>
    </div>
  );
}
