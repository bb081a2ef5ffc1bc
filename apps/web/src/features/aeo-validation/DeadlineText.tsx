import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge.js';
import type { ClockView, NextDeadlineView } from '../aeo/deadlines.js';

/** The queue's "days left" cell: the urgency in words (overdue, stopped, due soon), coloured as well. */
export function NextDeadline({ view }: { view: NextDeadlineView }) {
  const { t } = useTranslation();
  switch (view.urgency) {
    case 'none':
      return (
        <>
          <span className="muted" aria-hidden="true">
            —
          </span>
          <span className="visually-hidden">{t('aeoValidation.deadline.noClock')}</span>
        </>
      );
    case 'overdue':
      return (
        <span className="badges">
          <Badge tone="danger">{t('aeoValidation.deadline.overdue', { count: view.days })}</Badge>
          {view.stopped ? <Badge tone="info">{t('aeoValidation.deadline.stopped')}</Badge> : null}
        </span>
      );
    case 'stopped':
      return (
        <span className="stack">
          <Badge tone="info">{t('aeoValidation.deadline.stopped')}</Badge>
          <span className="small">{t('aeoValidation.deadline.awaitingInformation')}</span>
          <span className="muted small">{t('aeoValidation.deadline.daysLeft', { count: view.days })}</span>
        </span>
      );
    case 'dueSoon':
      return (
        <Badge tone="warning">
          {view.days === 0
            ? t('aeoValidation.deadline.dueToday')
            : t('aeoValidation.deadline.dueSoon', { count: view.days })}
        </Badge>
      );
    case 'onTrack':
      return <span>{t('aeoValidation.deadline.daysLeft', { count: view.days })}</span>;
    default:
      return view.urgency satisfies never;
  }
}

/** One clock on the case, in words. */
export function ClockState({ view }: { view: ClockView }) {
  const { t } = useTranslation();
  switch (view.state) {
    case 'running':
      return (
        <Badge tone={view.tone}>
          {view.days === 0
            ? t('aeoValidation.deadline.dueToday')
            : t('aeoValidation.deadline.daysLeft', { count: view.days })}
        </Badge>
      );
    case 'stopped':
      return <Badge tone="info">{t('aeoValidation.deadline.stopped')}</Badge>;
    case 'overdue':
      return <Badge tone="danger">{t('aeoValidation.deadline.overdue', { count: view.days })}</Badge>;
    case 'metInTime':
      return <Badge tone="success">{t('aeoValidation.deadline.metInTime')}</Badge>;
    case 'endedLate':
      return <Badge tone="danger">{t('aeoValidation.deadline.endedLate', { count: view.days })}</Badge>;
    default:
      return view.state satisfies never;
  }
}
