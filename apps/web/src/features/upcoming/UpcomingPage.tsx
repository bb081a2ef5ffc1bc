import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Badge } from '../../components/Badge.js';
import { Icon } from '../../components/Icon.js';
import { PageHeader } from '../../components/PageHeader.js';
import { type AreaId, findArea } from '../../lib/navigation.js';

type UpcomingArea = Exclude<AreaId, 'home' | 'organisation' | 'audit' | 'webhooks' | 'profile'>;

/**
 * A capability planned for a later release. The page says plainly what it will do, so that the
 * navigation shows the whole product without pretending a screen works when it does not yet.
 */
export function UpcomingPage({ area: id }: { area: UpcomingArea }) {
  const { t } = useTranslation();
  const area = findArea(id);
  const planned = t(`areas.${id}.planned`, { returnObjects: true }) as unknown as string[];
  return (
    <>
      <PageHeader
        eyebrow={t(`nav.sections.${area.section}`)}
        title={t(`nav.areas.${id}`)}
        lead={t(`areas.${id}.summary`)}
      />
      <section className="upcoming" aria-labelledby="upcoming-title" data-testid="upcoming">
        <div className="upcoming__icon">
          <Icon name={area.icon} size={32} />
        </div>
        <div className="upcoming__content">
          <p>
            <Badge tone="info">{t('upcoming.badge')}</Badge>
          </p>
          <h2 id="upcoming-title" className="upcoming__title">
            {t('upcoming.title')}
          </h2>
          <p>{t('upcoming.body')}</p>
          <h3 className="upcoming__subtitle">{t('upcoming.planned')}</h3>
          <ul className="checklist checklist--muted">
            {planned.map((item) => (
              <li key={item}>
                <Icon name="clock" size={16} />
                <span>{item}</span>
              </li>
            ))}
          </ul>
          <p className="upcoming__back">
            <Link to="/" className="btn btn--secondary">
              <Icon name="arrowLeft" />
              {t('common.backHome')}
            </Link>
          </p>
        </div>
      </section>
    </>
  );
}
