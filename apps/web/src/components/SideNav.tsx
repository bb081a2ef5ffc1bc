import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import { buildNavigation } from '../lib/navigation.js';
import { useSignedIn } from '../lib/session.js';
import { Icon } from './Icon.js';

/** The role-aware navigation: only areas the active roles may open (see lib/navigation.ts). */
export function SideNav({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { roles } = useSignedIn();
  const sections = buildNavigation(roles);
  return (
    <nav className="side-nav" aria-label={t('nav.label')} data-testid="main-nav">
      {sections.map((section) => (
        <div key={section.id} className="side-nav__section">
          {section.id === 'overview' ? null : (
            <h2 className="side-nav__heading" id={`nav-${section.id}`}>
              {t(`nav.sections.${section.id}`)}
            </h2>
          )}
          <ul
            className="side-nav__list"
            aria-labelledby={section.id === 'overview' ? undefined : `nav-${section.id}`}
          >
            {section.areas.map((area) => (
              <li key={area.id}>
                <NavLink
                  to={area.path}
                  end={area.path === '/'}
                  className="side-nav__link"
                  onClick={onNavigate}
                  data-area={area.id}
                >
                  <Icon name={area.icon} />
                  <span className="side-nav__text">{t(`nav.areas.${area.id}`)}</span>
                  {area.upcoming ? <span className="side-nav__soon">{t('nav.soon')}</span> : null}
                </NavLink>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}
