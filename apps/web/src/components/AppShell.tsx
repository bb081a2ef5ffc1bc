import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { NotificationBell } from '../features/notifications/NotificationBell.js';
import { Icon } from './Icon.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { LogoMark } from './Logo.js';
import { OrganisationSwitcher } from './OrganisationSwitcher.js';
import { SideNav } from './SideNav.js';
import { UserMenu } from './UserMenu.js';

/** The signed-in frame: skip link, header (organisation, language, user), navigation and main region. */
export function AppShell() {
  const { t } = useTranslation();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: close the small-screen menu on every navigation
  useEffect(() => setMenuOpen(false), [location.pathname]);

  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setMenuOpen(false);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [menuOpen]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <header className="app-header">
        <div className="app-header__start">
          <button
            type="button"
            className="app-header__menu"
            aria-expanded={menuOpen}
            aria-controls="app-sidebar"
            onClick={() => setMenuOpen((o) => !o)}
          >
            <Icon name={menuOpen ? 'close' : 'menu'} size={20} />
            <span className="visually-hidden">{t('shell.menu')}</span>
          </button>
          <Link to="/" className="brand">
            <LogoMark size={30} />
            <span className="brand__text">
              <span className="brand__name">Aeolus</span>
              <span className="brand__tagline">{t('app.tagline')}</span>
            </span>
          </Link>
        </div>
        <div className="app-header__end">
          <OrganisationSwitcher />
          <LanguageSwitch />
          <NotificationBell />
          <UserMenu />
        </div>
      </header>
      <div className="shell__body">
        <aside id="app-sidebar" className={menuOpen ? 'sidebar sidebar--open' : 'sidebar'}>
          <div className="sidebar__inner">
            <SideNav onNavigate={() => setMenuOpen(false)} />
            <p className="sidebar__footer">{t('app.footer')}</p>
          </div>
        </aside>
        <div
          className="sidebar-backdrop"
          hidden={!menuOpen}
          onClick={() => setMenuOpen(false)}
          aria-hidden="true"
        />
        <main id="main" className="main" tabIndex={-1}>
          <div className="main__inner">
            <Outlet />
          </div>
        </main>
      </div>
    </div>
  );
}
