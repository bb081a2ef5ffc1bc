import type { AeoApplicationDetail, AeoApplicationSummary } from '@aeolus/contracts';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge.js';
import { Panel } from '../../components/Panel.js';
import { formatDate } from '../../lib/format.js';
import { DUE_SOON_DAYS, viewClock } from '../aeo/deadlines.js';

/** The next statutory deadline of an application: what it is, when, and how many days are left. */
export function NextDeadline({ deadline }: { deadline: AeoApplicationSummary['nextDeadline'] }) {
  const { t, i18n } = useTranslation();
  if (!deadline) return <span className="muted">{t('aeoOperator.deadlines.none')}</span>;
  return (
    <span className="stack" data-testid="next-deadline">
      <span>
        {t(`aeo.deadlineKind.${deadline.kind}`)} · {formatDate(deadline.due, i18n.language)}
      </span>
      <span className="badges">
        {deadline.overdue ? (
          <Badge tone="danger">{t('aeoOperator.deadlines.overdue', { count: -deadline.daysLeft })}</Badge>
        ) : (
          <Badge tone={deadline.daysLeft <= DUE_SOON_DAYS ? 'warning' : 'neutral'}>
            {t('aeoOperator.deadlines.daysLeft', { count: deadline.daysLeft })}
          </Badge>
        )}
        {deadline.stopped ? <Badge tone="info">{t('aeoOperator.deadlines.stopped')}</Badge> : null}
      </span>
    </span>
  );
}

type Deadlines = AeoApplicationDetail['deadlines'];
type Clock = NonNullable<Deadlines['acceptance']>;

/** Both statutory clocks of the case, with the days they were stopped or extended. */
export function DeadlinesPanel({ deadlines }: { deadlines: Deadlines }) {
  const { t, i18n } = useTranslation();
  const clocks = (['acceptance', 'decision'] as const).flatMap((kind) => {
    const clock = deadlines[kind];
    return clock ? [{ kind, clock }] : [];
  });
  return (
    <Panel title={t('aeoOperator.deadlines.title')} description={t('aeoOperator.deadlines.lead')}>
      {clocks.length === 0 ? (
        <p className="muted">{t('aeoOperator.deadlines.notStarted')}</p>
      ) : (
        <ul className="clock-list" data-testid="deadlines">
          {clocks.map(({ kind, clock }) => (
            <li key={kind} className="clock" data-clock={kind} data-state={viewClock(clock).state}>
              <p className="clock__title">{t(`aeo.deadlineKind.${kind}`)}</p>
              <ClockFacts clock={clock} />
            </li>
          ))}
        </ul>
      )}
      {deadlines.effectiveFrom ? (
        <p>
          {t('aeoOperator.deadlines.effectiveFrom', {
            date: formatDate(deadlines.effectiveFrom, i18n.language),
          })}
        </p>
      ) : null}
    </Panel>
  );
}

function ClockFacts({ clock }: { clock: Clock }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const view = viewClock(clock);
  const label = {
    running: t('aeoOperator.deadlines.daysLeft', { count: view.days }),
    stopped: t('aeoOperator.deadlines.stoppedLong'),
    overdue: t('aeoOperator.deadlines.overdue', { count: view.days }),
    metInTime: t('aeoOperator.deadlines.metInTime'),
    endedLate: t('aeoOperator.deadlines.endedLate', { count: view.days }),
  }[view.state];
  return (
    <dl className="facts facts--columns">
      <div>
        <dt>{t('aeoOperator.deadlines.started')}</dt>
        <dd>{formatDate(clock.startedAt, language)}</dd>
      </div>
      <div>
        <dt>{t('aeoOperator.deadlines.due')}</dt>
        <dd>{formatDate(clock.due, language)}</dd>
      </div>
      <div>
        <dt>{t('aeoOperator.deadlines.state')}</dt>
        <dd>
          <Badge tone={view.tone}>{label}</Badge>
        </dd>
      </div>
      {clock.endedAt ? (
        <div>
          <dt>{t('aeoOperator.deadlines.ended')}</dt>
          <dd>{formatDate(clock.endedAt, language)}</dd>
        </div>
      ) : null}
      {clock.stoppedDays > 0 ? (
        <div>
          <dt>{t('aeoOperator.deadlines.stoppedDays')}</dt>
          <dd>{t('aeoOperator.deadlines.days', { count: Math.round(clock.stoppedDays) })}</dd>
        </div>
      ) : null}
      {clock.extensionDays > 0 ? (
        <div>
          <dt>{t('aeoOperator.deadlines.extension')}</dt>
          <dd>{t('aeoOperator.deadlines.days', { count: clock.extensionDays })}</dd>
        </div>
      ) : null}
    </dl>
  );
}
