import type { SafeCycleDelta, SafePriority, SafeResponseProgressStatus } from '@aeolus/contracts';
import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '../../components/Badge.js';
import { DataTable } from '../../components/DataTable.js';
import { localised } from '../questionnaire/localised.js';
import { formatDelta, formatNumber, formatPercent, type ScoreRow, trendWord } from './safe-view.js';

const STATUS_TONES: Record<SafeResponseProgressStatus, BadgeTone> = {
  not_started: 'neutral',
  draft: 'info',
  submitted: 'success',
  returned: 'warning',
};

export function ResponseStatusBadge({ status }: { status: SafeResponseProgressStatus }) {
  const { t } = useTranslation();
  return <Badge tone={STATUS_TONES[status]}>{t(`safeAssessment.response.${status}`)}</Badge>;
}

const ARROWS = { improved: '▲', slipped: '▼', steady: '▶', notComparable: '–' } as const;

/** A trend between cycles: an arrow for the eye, the word and the change in points for everyone. */
export function TrendArrow({ delta }: { delta: Pick<SafeCycleDelta, 'trend' | 'delta'> }) {
  const { t, i18n } = useTranslation();
  const word = trendWord(delta);
  return (
    <span className={`safe-trend safe-trend--${word}`} data-testid="safe-trend" data-trend={word}>
      <span aria-hidden="true">{ARROWS[word]}</span> {t(`safeAssessment.trend.${word}`)}
      {delta.delta !== null && word !== 'notComparable' ? (
        <span className="safe-trend__delta">
          {' '}
          (
          {t('safeAssessment.trend.delta', {
            delta: formatDelta(delta.delta, i18n.language),
            count: Math.abs(delta.delta),
          })}
          )
        </span>
      ) : null}
    </span>
  );
}

/** Scores of one dimension with the weights used, and the trend when there is an earlier cycle. */
export function ScoreTable({
  label,
  rows,
  trends,
  testId,
}: {
  label: string;
  rows: readonly ScoreRow[];
  /** Trend by row id; absent when there is no earlier cycle. */
  trends?: ReadonlyMap<string, SafeCycleDelta>;
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const columns = [
    t('safeAssessment.results.columns.name'),
    t('safeAssessment.results.columns.score'),
    t('safeAssessment.results.columns.target'),
    t('safeAssessment.results.columns.weight'),
    t('safeAssessment.results.columns.questions'),
    ...(trends ? [t('safeAssessment.results.columns.trend')] : []),
  ];
  return (
    <DataTable label={label} testId={testId} columns={columns} dense>
      {rows.map((row) => {
        const trend = trends?.get(row.id);
        return (
          <tr key={row.id}>
            <td>{row.label}</td>
            <td className="safe-num">
              {row.percent === null ? (
                <span className="muted">{t('safeAssessment.results.notAnswered')}</span>
              ) : (
                formatPercent(row.percent, language)
              )}
            </td>
            <td className="safe-num">{formatPercent(row.target, language)}</td>
            <td className="safe-num">{formatNumber(row.weight, language)}</td>
            <td className="safe-num">{row.questionCount}</td>
            {trends ? <td>{trend ? <TrendArrow delta={trend} /> : '—'}</td> : null}
          </tr>
        );
      })}
    </DataTable>
  );
}

/** The ranked gaps with the library's recommended actions; each can become a plan action. */
export function GapList({
  gaps,
  planned,
  canPlan,
  onPlan,
}: {
  gaps: readonly SafePriority[];
  /** `dimension:id` of gaps already in the plan. */
  planned: ReadonlySet<string>;
  canPlan: boolean;
  onPlan(gap: SafePriority): void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  if (gaps.length === 0) return <p className="muted">{t('safeAssessment.results.noGaps')}</p>;
  return (
    <ol className="safe-gaps" data-testid="safe-gaps">
      {gaps.map((gap) => {
        const key = `${gap.dimension}:${gap.id}`;
        const label = localised(gap.label, language);
        return (
          <li key={key} className="safe-gap" data-testid="safe-gap" data-gap={key}>
            <div className="safe-gap__head">
              <h3 className="safe-gap__title">
                <span className="safe-gap__rank">{gap.rank}.</span> {label}
              </h3>
              {planned.has(key) ? (
                <Badge tone="success">{t('safeAssessment.results.inPlan')}</Badge>
              ) : canPlan ? (
                <button
                  type="button"
                  className="btn btn--secondary btn--small"
                  data-testid="safe-gap-plan"
                  onClick={() => onPlan(gap)}
                >
                  {t('safeAssessment.results.addToPlan')}
                  <span className="visually-hidden">: {label}</span>
                </button>
              ) : null}
            </div>
            <p className="small muted">
              {t('safeAssessment.results.gapLine', {
                score: formatPercent(gap.percent, language),
                target: formatPercent(gap.targetPercent, language),
                gap: formatNumber(gap.gapPercent, language, 0),
                weight: formatNumber(gap.totalWeight, language),
              })}
            </p>
            {gap.recommendedActions.length > 0 ? (
              <ul className="safe-gap__actions">
                {gap.recommendedActions.map((action) => (
                  <li key={action.id}>
                    <strong>{localised(action.title, language)}</strong>{' '}
                    <Badge>{t(`safeAssessment.results.effort.${action.effort}`)}</Badge>
                    <br />
                    <span className="small">{localised(action.description, language)}</span>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
