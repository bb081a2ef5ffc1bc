import type { AeoApplicationDetail, AeoProgramme } from '@aeolus/contracts';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge.js';
import { Panel } from '../../components/Panel.js';
import { formatDate, formatDateTime } from '../../lib/format.js';
import { describePayload, type LogDetail, OPERATOR_LOG_ORDER } from '../aeo/action-log.js';
import { categoryName, criterionTitle } from './programme-view.js';

type Entry = AeoApplicationDetail['actions'][number];

/** A label for a log entry's type; a type this version does not know reads as the server wrote it. */
function typeLabel(t: TFunction, exists: (key: string) => boolean, type: string): string {
  const key = `aeo.actionType.${type}`;
  return exists(key) ? (t as (k: string) => string)(key) : type.replaceAll('_', ' ');
}

/** The case's append-only action log: who did what and when, with the reasons given. Newest first. */
export function ActionLog({
  actions,
  programme,
}: {
  actions: readonly Entry[];
  programme: AeoProgramme | null;
}) {
  const { t, i18n } = useTranslation();
  const entries = [...actions].reverse();
  return (
    <Panel title={t('aeoOperator.log.title')} description={t('aeoOperator.log.lead')}>
      {entries.length === 0 ? (
        <p className="muted">{t('aeoOperator.log.empty')}</p>
      ) : (
        <ol className="action-log" data-testid="action-log">
          {entries.map((entry) => (
            <li key={entry.id} className="action-log__entry" data-type={entry.type}>
              <div className="action-log__head">
                <span className="action-log__type">{typeLabel(t, (k) => i18n.exists(k), entry.type)}</span>
                <Badge tone={entry.side === 'operator' ? 'accent' : 'info'}>
                  {t(`aeo.side.${entry.side}`)}
                </Badge>
              </div>
              <p className="action-log__meta muted small">
                <time dateTime={entry.at}>{formatDateTime(entry.at, i18n.language)}</time> ·{' '}
                {entry.actorLabel}
              </p>
              <Details
                details={describePayload(entry.type, entry.payload, OPERATOR_LOG_ORDER)}
                programme={programme}
              />
            </li>
          ))}
        </ol>
      )}
    </Panel>
  );
}

function Details({ details, programme }: { details: LogDetail[]; programme: AeoProgramme | null }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  if (details.length === 0) return null;
  return (
    <dl className="action-log__details">
      {details.map((detail) => {
        switch (detail.kind) {
          case 'text':
            return (
              <div key={`text-${detail.field}`}>
                <dt>{t(`aeoOperator.log.field.${detail.field}`)}</dt>
                <dd className="prewrap">{detail.value}</dd>
              </div>
            );
          case 'reasons':
            return (
              <div key="reasons">
                <dt>{t('aeoOperator.log.field.reasons')}</dt>
                <dd>
                  <ul>
                    {detail.values.map((reason) => (
                      <li key={reason}>{reason}</li>
                    ))}
                  </ul>
                </dd>
              </div>
            );
          case 'days':
            return (
              <div key="days">
                <dt>{t('aeoOperator.log.field.days')}</dt>
                <dd>{t('aeoOperator.deadlines.days', { count: detail.value })}</dd>
              </div>
            );
          case 'date':
            return (
              <div key={`date-${detail.field}`}>
                <dt>{t(`aeoOperator.log.field.${detail.field}`)}</dt>
                <dd>{formatDate(detail.value, language)}</dd>
              </div>
            );
          case 'category':
            return (
              <div key="category">
                <dt>{t('aeoOperator.log.field.category')}</dt>
                <dd>{categoryName(programme, detail.value, language)}</dd>
              </div>
            );
          case 'monitoringKind':
            return (
              <div key="kind">
                <dt>{t('aeoOperator.log.field.kind')}</dt>
                <dd>{t(`aeo.monitoringKind.${detail.value}`)}</dd>
              </div>
            );
          case 'recommendation':
            return (
              <div key="recommendation">
                <dt>{t('aeoOperator.log.field.recommendation')}</dt>
                <dd>{t(`aeoOperator.log.recommendation.${detail.value}`)}</dd>
              </div>
            );
          case 'appealOutcome':
            return (
              <div key="appealOutcome">
                <dt>{t('aeoOperator.log.field.appealOutcome')}</dt>
                <dd>{t(`aeoOperator.log.appealOutcome.${detail.value}`)}</dd>
              </div>
            );
          case 'plan':
            return null;
          case 'checklist':
            return (
              <div key="results">
                <dt>{t('aeoOperator.log.field.results')}</dt>
                <dd>
                  <ul>
                    {detail.results.map((r) => (
                      <li key={r.criterionId}>
                        {criterionTitle(programme, r.criterionId, language) ??
                          t('aeoOperator.log.unknownCriterion')}
                        {': '}
                        {t(`aeo.checklistResult.${r.result}`)}
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            );
          default:
            return detail satisfies never;
        }
      })}
    </dl>
  );
}
