import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Panel } from '../../components/Panel.js';
import { useSignedIn } from '../../lib/session.js';
import { ApiKeysPanel } from './ApiKeysPanel.js';
import { PasswordForm } from './PasswordForm.js';
import { ProfileDetailsForm } from './ProfileDetailsForm.js';

export function ProfilePage() {
  const { t } = useTranslation();
  const { session, organisations } = useSignedIn();
  return (
    <>
      <PageHeader title={t('profile.title')} lead={t('profile.lead')} />
      <div className="grid grid--2 grid--top">
        <ProfileDetailsForm />
        <Panel title={t('profile.memberships.title')} description={t('profile.memberships.description')}>
          <ul className="membership-list" data-testid="memberships">
            {organisations.map((org) => (
              <li key={org.organisationId} className="membership-list__item">
                <span className="membership-list__name">
                  {org.name}
                  {org.organisationId === session.activeOrganisationId ? (
                    <Badge tone="success">{t('profile.memberships.active')}</Badge>
                  ) : null}
                </span>
                <span className="membership-list__meta">
                  {t(`organisationKinds.${org.kind}`)} · {org.roles.map((r) => t(`roles.${r}`)).join(', ')}
                </span>
              </li>
            ))}
          </ul>
        </Panel>
      </div>
      <PasswordForm />
      <ApiKeysPanel />
    </>
  );
}
