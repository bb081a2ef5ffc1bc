import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../lib/errors.js';
import { useSession, useSignedIn } from '../lib/session.js';
import { Dropdown } from './Dropdown.js';
import { Icon } from './Icon.js';
import { useNotices } from './Notices.js';
import { useDisclosure } from './use-disclosure.js';

/**
 * Shows whom the session acts for. People who belong to several organisations (a broker filing for its
 * clients) switch here; roles, navigation and data all follow the active organisation.
 */
export function OrganisationSwitcher() {
  const { t, i18n } = useTranslation();
  const { active, organisations, roles } = useSignedIn();
  const { switchOrganisation } = useSession();
  const { notify } = useNotices();
  const navigate = useNavigate();
  const disclosure = useDisclosure<HTMLDivElement>();
  const [pending, setPending] = useState<string | undefined>();
  const roleLabel = roles.map((r) => t(`roles.${r}`)).join(', ');

  if (organisations.length < 2) {
    return (
      <div className="org-context" data-testid="active-organisation">
        <span className="org-context__name">{active.organisationName}</span>
        <span className="org-context__role">{roleLabel}</span>
      </div>
    );
  }

  async function choose(organisationId: string, name: string) {
    if (organisationId === active.organisationId) {
      disclosure.close(true);
      return;
    }
    setPending(organisationId);
    try {
      await switchOrganisation(organisationId);
      disclosure.close(true);
      navigate('/');
      notify(t('shell.switchedTo', { name }));
    } catch (error) {
      notify(errorMessage(t, error, i18n.language), 'info');
    } finally {
      setPending(undefined);
    }
  }

  return (
    <Dropdown
      disclosure={disclosure}
      block="org-switcher"
      panelId="org-switcher-panel"
      align="left"
      testId="active-organisation"
      button={
        <>
          <span className="org-context">
            <span className="visually-hidden">{t('shell.actingFor')} </span>
            <span className="org-context__name">{active.organisationName}</span>
            <span className="org-context__role">{roleLabel}</span>
          </span>
          <span className="org-switcher__hint">
            <Icon name="switch" size={16} />
            <span className="visually-hidden">{t('shell.switchOrganisation')}</span>
          </span>
        </>
      }
    >
      <p className="dropdown__heading">{t('shell.switchOrganisation')}</p>
      <ul className="dropdown__list">
        {organisations.map((org) => {
          const isActive = org.organisationId === active.organisationId;
          return (
            <li key={org.organisationId}>
              <button
                type="button"
                className="dropdown__item"
                aria-current={isActive ? 'true' : undefined}
                disabled={pending !== undefined}
                onClick={() => choose(org.organisationId, org.name)}
              >
                <span className="dropdown__item-main">
                  <span className="dropdown__item-title">{org.name}</span>
                  <span className="dropdown__item-meta">
                    {t(`organisationKinds.${org.kind}`)} · {org.roles.map((r) => t(`roles.${r}`)).join(', ')}
                  </span>
                </span>
                {isActive ? (
                  <span className="dropdown__check">
                    <Icon name="check" label={t('shell.current')} />
                  </span>
                ) : null}
              </button>
            </li>
          );
        })}
      </ul>
    </Dropdown>
  );
}
