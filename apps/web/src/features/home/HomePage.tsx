import { ACTIONS, roleAllows } from '@aeolus/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Badge, RoleBadges } from '../../components/Badge.js';
import { Icon } from '../../components/Icon.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Panel } from '../../components/Panel.js';
import { countryName } from '../../lib/format.js';
import { AREAS, type Area, type AreaId, canOpen, sideOf } from '../../lib/navigation.js';
import { useSignedIn } from '../../lib/session.js';

type Destination = Area & { id: Exclude<AreaId, 'home'> };

/** Who you are, for whom you act, what you may do, and where to go next. */
export function HomePage() {
  const { t, i18n } = useTranslation();
  const { session, active, roles, organisations } = useSignedIn();
  const side = sideOf(roles);
  const destinations = AREAS.filter((a): a is Destination => a.id !== 'home' && canOpen(a, roles));
  const available = destinations.filter((a) => !a.upcoming);
  const upcoming = destinations.filter((a) => a.upcoming);
  const permissions = ACTIONS.filter((action) => roleAllows(roles, action));

  return (
    <>
      <PageHeader
        eyebrow={t(`home.side.${side}`)}
        title={t('home.welcome', { name: session.user.displayName })}
        lead={t(`home.lead.${side}`)}
      />
      <div className="grid grid--2">
        <Panel title={t('home.context.title')}>
          <dl className="facts">
            <div>
              <dt>{t('home.context.organisation')}</dt>
              <dd data-testid="home-organisation">{active.organisationName}</dd>
            </div>
            <div>
              <dt>{t('home.context.kind')}</dt>
              <dd>{t(`organisationKinds.${active.organisationKind}`)}</dd>
            </div>
            {active.country ? (
              <div>
                <dt>{t('home.context.country')}</dt>
                <dd>{countryName(active.country, i18n.language)}</dd>
              </div>
            ) : null}
            <div>
              <dt>{t('home.context.roles')}</dt>
              <dd className="badges" data-testid="home-roles">
                <RoleBadges roles={roles} />
              </dd>
            </div>
            <div>
              <dt>{t('home.context.signedInAs')}</dt>
              <dd>{session.user.email}</dd>
            </div>
          </dl>
          {organisations.length > 1 ? (
            <p className="panel__note">
              <Icon name="switch" size={16} />
              <span>{t('home.context.otherOrganisations', { count: organisations.length - 1 })}</span>
            </p>
          ) : null}
        </Panel>
        <Panel title={t('home.permissions.title')} description={t('home.permissions.description')}>
          <ul className="checklist">
            {permissions.map((action) => (
              <li key={action}>
                <Icon name="check" size={16} />
                <span>{t(`permissions.${action}`)}</span>
              </li>
            ))}
          </ul>
        </Panel>
      </div>

      <section className="section" aria-labelledby="home-available">
        <h2 id="home-available" className="section__title">
          {t('home.available')}
        </h2>
        <AreaTiles areas={available} />
      </section>

      {upcoming.length > 0 ? (
        <section className="section" aria-labelledby="home-upcoming">
          <h2 id="home-upcoming" className="section__title">
            {t('home.upcoming')}
          </h2>
          <p className="section__lead">{t('home.upcomingLead')}</p>
          <AreaTiles areas={upcoming} upcoming />
        </section>
      ) : null}
    </>
  );
}

/** Links to areas, each with its summary; areas still to come are muted and marked "soon". */
function AreaTiles({ areas, upcoming = false }: { areas: Destination[]; upcoming?: boolean }) {
  const { t } = useTranslation();
  return (
    <ul className="tiles">
      {areas.map((area) => (
        <li key={area.id}>
          <Link to={area.path} className={upcoming ? 'tile tile--muted' : 'tile'}>
            <span className="tile__icon">
              <Icon name={area.icon} size={22} />
            </span>
            <span className="tile__text">
              <span className="tile__title">
                {t(`nav.areas.${area.id}`)}
                {upcoming ? (
                  <>
                    {' '}
                    <Badge>{t('nav.soon')}</Badge>
                  </>
                ) : null}
              </span>
              <span className="tile__body">{t(`areas.${area.id}.summary`)}</span>
            </span>
            <Icon name="arrowRight" />
          </Link>
        </li>
      ))}
    </ul>
  );
}
