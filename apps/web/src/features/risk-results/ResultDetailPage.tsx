import { type Lane, roleAllows, type ScreeningResult } from '@aeolus/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { Badge } from '../../components/Badge.js';
import { Icon } from '../../components/Icon.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Panel } from '../../components/Panel.js';
import { formatDateTime } from '../../lib/format.js';
import { useSignedIn } from '../../lib/session.js';
import { useResource } from '../../lib/use-resource.js';
import { ConsignmentPanel } from './ConsignmentPanel.js';
import {
  AeoFactsPanel,
  FiredRulesPanel,
  ScoreBuildUpTable,
  SelectivitySteps,
} from './ExplanationSections.js';
import { drawPercent, type LaneReason, laneReason } from './explanation.js';
import { LaneBadge } from './LaneBadge.js';
import { OutcomePanel } from './OutcomePanel.js';
import { resultsApi } from './results-api.js';

/**
 * One screening result explained for the officer who acts on it: the lane and why, the score's build-up,
 * the rules that fired with the values that matched, the AEO facts, the random draw and any capacity
 * downgrade, under the rule-set version that decided it; and the control's outcome.
 */
export function ResultDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { roles, session } = useSignedIn();
  const result = useResource((signal) => resultsApi.get(id, signal), `${session.activeOrganisationId}|${id}`);
  const data = result.data;

  return (
    <>
      <p className="back-link-row">
        <Link to="/risk/results" className="back-link">
          <Icon name="arrowLeft" />
          {t('riskResults.detail.back')}
        </Link>
      </p>
      {result.status === 'error' ? (
        <LoadError title={t('riskResults.detail.loadFailed')} error={result.error} />
      ) : null}
      {!data && result.status === 'loading' ? <Loading label={t('common.loading')} block /> : null}
      {data ? (
        <ResultView
          result={data}
          canRecord={roleAllows(roles, 'screening-outcomes:record')}
          onRecorded={result.reload}
        />
      ) : null}
    </>
  );
}

function ResultView({
  result,
  canRecord,
  onRecorded,
}: {
  result: ScreeningResult;
  canRecord: boolean;
  onRecorded(): void;
}) {
  const { t, i18n } = useTranslation();
  const reason = laneReason(result.explanation.steps);
  return (
    <div className="risk-detail" data-testid="risk-result" data-lane={result.lane}>
      <PageHeader
        eyebrow={t('riskResults.detail.eyebrow')}
        title={result.reference}
        lead={t('riskResults.detail.lead', {
          filer: result.filerName,
          mode: t(`riskResults.mode.${result.mode}`),
          at: formatDateTime(result.receivedAt, i18n.language),
        })}
      />
      <Panel title={t('riskResults.detail.decisionTitle')} className="risk-decision">
        <div className="risk-decision__grid">
          <dl className="facts" data-testid="risk-decision">
            <div>
              <dt>{t('riskResults.detail.lane')}</dt>
              <dd>
                <LaneBadge lane={result.lane} />{' '}
                <span className="muted small">{t(`riskResults.laneMeaning.${result.lane}`)}</span>
              </dd>
            </div>
            <div>
              <dt>{t('riskResults.detail.referrals')}</dt>
              <dd>
                {result.referrals.length === 0 ? (
                  <span className="muted">{t('riskResults.detail.noReferrals')}</span>
                ) : (
                  <span className="badges">
                    {result.referrals.map((r) => (
                      <Badge key={r} tone="danger">
                        {t('riskResults.detail.referral', { code: r, name: t(`riskResults.referral.${r}`) })}
                      </Badge>
                    ))}
                  </span>
                )}
              </dd>
            </div>
            <div>
              <dt>{t('riskResults.detail.score')}</dt>
              <dd>
                <strong>{result.score}</strong>
                {result.explanation.rawScore !== result.score ? (
                  <span className="muted small">
                    {' '}
                    {t('riskResults.detail.scoreBeforeAeo', { raw: result.explanation.rawScore })}
                  </span>
                ) : null}
              </dd>
            </div>
            <div>
              <dt>{t('riskResults.detail.version')}</dt>
              <dd data-testid="risk-version">
                <code>{result.ruleSet.ruleSetId}</code>{' '}
                {t('riskResults.detail.versionNumber', { version: result.ruleSet.version })}
                <span className="muted small">
                  {' '}
                  {t('riskResults.detail.revisions', {
                    policy: result.policyRevision,
                    lists: result.watchListsRevision,
                  })}
                </span>
              </dd>
            </div>
            <div>
              <dt>{t('riskResults.detail.randomDraw')}</dt>
              <dd>
                {drawPercent(result.randomDraw)} %{' '}
                {result.randomlySelected ? (
                  <Badge tone="accent">{t('riskResults.detail.randomDecided')}</Badge>
                ) : (
                  <span className="muted small">{t('riskResults.detail.randomNotDecided')}</span>
                )}
              </dd>
            </div>
            {result.office ? (
              <div>
                <dt>{t('riskResults.detail.office')}</dt>
                <dd>
                  <code>{result.office}</code>
                </dd>
              </div>
            ) : null}
          </dl>
          <div className="risk-why" data-testid="risk-why" data-reason={reason.kind}>
            <h3 className="risk-why__title">{t('riskResults.detail.whyTitle')}</h3>
            <p className="risk-why__text">
              <WhyText reason={reason} />
            </p>
            <h3 className="risk-why__title">{t('riskResults.detail.stepsTitle')}</h3>
            <SelectivitySteps steps={result.explanation.steps} />
          </div>
        </div>
      </Panel>
      <div className="risk-detail__columns">
        <Panel title={t('riskResults.detail.scoreTitle')} description={t('riskResults.detail.scoreLead')}>
          <ScoreBuildUpTable result={result} />
        </Panel>
        <AeoFactsPanel facts={result.aeoFacts} />
      </div>
      <FiredRulesPanel fired={result.explanation.evaluation.fired} />
      <OutcomePanel
        resultId={result.id}
        reference={result.reference}
        outcomes={result.outcomes}
        canRecord={canRecord}
        onRecorded={onRecorded}
      />
      <ConsignmentPanel consignment={result.consignment} />
    </div>
  );
}

function WhyText({ reason }: { reason: LaneReason }) {
  const { t } = useTranslation();
  const lane = (l: Lane) => t(`riskResults.lane.${l}`);
  switch (reason.kind) {
    case 'capacity':
      return t('riskResults.why.capacity', {
        office: reason.step.office,
        day: reason.step.day,
        capacity: reason.step.capacity,
      });
    case 'random':
      return t('riskResults.why.random', {
        draw: drawPercent(reason.step.draw),
        rate: reason.step.ratePercent,
        lane: lane(reason.step.fromLane),
      });
    case 'rule_minimum':
      return t('riskResults.why.minimum', {
        count: reason.step.ruleIds.length,
        rules: reason.step.ruleIds.join(', '),
        lane: lane(reason.step.lane),
      });
    case 'threshold':
      if (!reason.step) return t('riskResults.why.unknown');
      return reason.step.threshold === null
        ? t('riskResults.why.belowThresholds', { score: reason.step.score })
        : t('riskResults.why.threshold', {
            score: reason.step.score,
            threshold: reason.step.threshold,
            lane: lane(reason.step.lane),
          });
    default:
      return reason satisfies never;
  }
}
