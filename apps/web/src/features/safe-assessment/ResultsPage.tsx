import {
  type CreateSafePlanAction,
  roleAllows,
  type SafeCycleDelta,
  type SafePlanAction,
  type SafePriority,
} from '@aeolus/contracts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { Alert } from '../../components/Alert.js';
import { DataTable } from '../../components/DataTable.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { useNotices } from '../../components/Notices.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Panel } from '../../components/Panel.js';
import { useSignedIn } from '../../lib/session.js';
import { useResource } from '../../lib/use-resource.js';
import { localised } from '../questionnaire/localised.js';
import { useMeasuredText } from './MeasuredNote.js';
import { PlanActionDialog } from './PlanActionDialog.js';
import { PillarRadar, StandardBars } from './SafeCharts.js';
import { GapList, ScoreTable, TrendArrow } from './SafeParts.js';
import { reportPdfUrl, safeApi } from './safe-api.js';
import {
  draftFromGap,
  formatNumber,
  formatPercent,
  measuredFacts,
  plannedGapKeys,
  radarRows,
  scoreRows,
} from './safe-view.js';

/**
 * A member's results for one campaign (issue item 4): scores with their weights, the radar by pillar,
 * standards, ranked gaps with recommended actions, the trend against the previous cycle and the facts the
 * platform measures beside the declared answers (item 6).
 */
export function ResultsPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { roles } = useSignedIn();
  const canPlan = roleAllows(roles, 'safe-plan:manage');
  const data = useResource(async (signal) => {
    const [results, response] = await Promise.all([
      safeApi.results(id, signal),
      safeApi.response(id, signal),
    ]);
    const [campaign, plan] = await Promise.all([
      safeApi.campaign(results.campaignId, signal),
      canPlan ? safeApi.plan(signal).then((p) => p.items) : Promise.resolve([] as SafePlanAction[]),
    ]);
    return { results, response, campaign, plan };
  }, id);

  if (data.status === 'error')
    return (
      <>
        <PageHeader title={t('safeAssessment.results.loadFailed')} />
        <LoadError title={t('safeAssessment.results.loadFailed')} error={data.error} />
      </>
    );
  if (!data.data) return <Loading label={t('common.loading')} block />;
  return <Results {...data.data} canPlan={canPlan} />;
}

function Results({
  results,
  response,
  campaign,
  plan: initialPlan,
  canPlan,
}: {
  results: Awaited<ReturnType<typeof safeApi.results>>;
  response: Awaited<ReturnType<typeof safeApi.response>>;
  campaign: Awaited<ReturnType<typeof safeApi.campaign>>;
  plan: SafePlanAction[];
  canPlan: boolean;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { notify } = useNotices();
  const measuredText = useMeasuredText();
  const [plan, setPlan] = useState(initialPlan);
  const [drafting, setDrafting] = useState<{ draft: CreateSafePlanAction; label: string }>();
  const { card, comparison } = results;
  const trends = useMemo(() => {
    const byDimension = new Map<string, Map<string, SafeCycleDelta>>();
    for (const row of comparison?.rows ?? []) {
      const map = byDimension.get(row.dimension) ?? new Map<string, SafeCycleDelta>();
      map.set(row.id, row);
      byDimension.set(row.dimension, map);
    }
    return byDimension;
  }, [comparison]);
  const planned = plannedGapKeys(plan);
  const pillars = radarRows(card, language);
  const standards = scoreRows(card, 'standard', language);
  const facts = measuredFacts(results.measured, response.answers);

  function startPlan(gap: SafePriority) {
    const label = localised(gap.label, language);
    setDrafting({
      label,
      draft: draftFromGap(gap, {
        campaignId: campaign.id,
        language,
        today: new Date(),
        defaultTitle: t('safeAssessment.plan.defaultTitle', { gap: label }),
      }),
    });
  }

  const deltaLabel = (d: SafeCycleDelta) => (d.label ? localised(d.label, language) : d.id);

  return (
    <>
      <p>
        <Link to={`/safe/monitoring/campaigns/${campaign.id}`} className="back-link">
          {campaign.name}
        </Link>
      </p>
      <PageHeader
        eyebrow={campaign.name}
        title={t('safeAssessment.results.title', { name: response.organisationName })}
        actions={
          <>
            <a
              className="btn btn--primary"
              href={reportPdfUrl(results.responseId, language)}
              download
              data-testid="safe-report-pdf"
            >
              {t('safeAssessment.results.download')}
            </a>
            {canPlan ? (
              <Link to="/safe/monitoring/plan" className="btn btn--secondary" data-testid="safe-plan-link">
                {t('safeAssessment.results.plan')}
              </Link>
            ) : null}
          </>
        }
      />
      {results.status !== 'submitted' ? (
        <Alert tone="info" title={t('safeAssessment.results.notSubmitted')} />
      ) : null}
      <section className="safe-overall panel" aria-labelledby="safe-overall-title" data-testid="safe-overall">
        <div className="panel__body safe-overall__body">
          <div>
            <h2 id="safe-overall-title" className="panel__title">
              {t('safeAssessment.results.overall')}
            </h2>
            <p className="safe-overall__score" data-testid="safe-overall-score">
              {formatPercent(card.overall.percent, language)}
            </p>
            <p className="small muted">
              {t('safeAssessment.results.overallOf', {
                target: formatPercent(card.overall.targetPercent, language),
                weight: formatNumber(card.overall.totalWeight, language),
                count: card.overall.questionCount,
              })}
            </p>
          </div>
          <div>
            {comparison ? (
              <>
                <p className="small muted">
                  {t('safeAssessment.results.trendVs', { campaign: comparison.previousCampaignName })}
                </p>
                <p className="safe-overall__trend" data-testid="safe-overall-trend">
                  <TrendArrow delta={comparison.overall} />
                </p>
                <p className="small">
                  {formatPercent(comparison.overall.previous, language)} →{' '}
                  {formatPercent(comparison.overall.current, language)}
                </p>
              </>
            ) : (
              <p className="muted">{t('safeAssessment.results.noPrevious')}</p>
            )}
          </div>
        </div>
      </section>
      <Panel
        title={t('safeAssessment.results.radarTitle')}
        description={t('safeAssessment.results.radarLead')}
      >
        <PillarRadar rows={pillars} />
        <ScoreTable
          label={t('safeAssessment.results.dimension.pillar')}
          rows={pillars}
          trends={comparison ? trends.get('pillar') : undefined}
          testId="safe-scores-pillar"
        />
      </Panel>
      <Panel
        title={t('safeAssessment.results.trendTitle')}
        description={
          comparison
            ? t('safeAssessment.results.trendLead', {
                campaign: comparison.previousCampaignName,
                flat: formatNumber(comparison.flatWithin, language),
                count: comparison.flatWithin,
              })
            : t('safeAssessment.results.noPrevious')
        }
      >
        {comparison ? (
          <div className="safe-trend-lists" data-testid="safe-trend-lists">
            {(['improved', 'slipped'] as const).map((kind) => (
              <div key={kind}>
                <h3 className="safe-subtitle">{t(`safeAssessment.results.${kind}`)}</h3>
                {comparison[kind].length === 0 ? (
                  <p className="muted">{t('safeAssessment.results.nothing')}</p>
                ) : (
                  <ul className="safe-trend-list" data-testid={`safe-${kind}`}>
                    {comparison[kind].slice(0, 8).map((d) => (
                      <li key={`${d.dimension}:${d.id}`}>
                        <span>{deltaLabel(d)}</span> <TrendArrow delta={d} />
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            ))}
          </div>
        ) : null}
      </Panel>
      <Panel title={t('safeAssessment.results.gapsTitle')} description={t('safeAssessment.results.gapsLead')}>
        <GapList
          gaps={results.priorities.slice(0, 10)}
          planned={planned}
          canPlan={canPlan}
          onPlan={startPlan}
        />
      </Panel>
      <Panel
        title={t('safeAssessment.results.standardsTitle')}
        description={t('safeAssessment.results.standardsLead')}
      >
        <StandardBars rows={standards} />
        <ScoreTable
          label={t('safeAssessment.results.dimension.standard')}
          rows={standards}
          trends={comparison ? trends.get('standard') : undefined}
          testId="safe-scores-standard"
        />
      </Panel>
      <Panel title={t('safeAssessment.results.scoresTitle')}>
        {(['theme', 'focus', 'action'] as const).map((dimension) => (
          <div key={dimension} className="safe-score-group">
            <h3 className="safe-subtitle">{t(`safeAssessment.results.dimension.${dimension}`)}</h3>
            <ScoreTable
              label={t(`safeAssessment.results.dimension.${dimension}`)}
              rows={scoreRows(card, dimension, language)}
              trends={comparison ? trends.get(dimension) : undefined}
              testId={`safe-scores-${dimension}`}
            />
          </div>
        ))}
      </Panel>
      <Panel
        title={t('safeAssessment.results.measuredTitle')}
        description={t('safeAssessment.results.measuredLead')}
      >
        <DataTable
          label={t('safeAssessment.results.measuredTitle')}
          testId="safe-measured"
          columns={[
            t('safeAssessment.results.measuredColumns.fact'),
            t('safeAssessment.results.measuredColumns.declared'),
            t('safeAssessment.results.measuredColumns.measured'),
          ]}
        >
          {facts.map((fact) => (
            <tr key={fact.id} data-fact={fact.id} data-measured={fact.measured ? 'present' : 'absent'}>
              <th scope="row">{t(`safeAssessment.results.facts.${fact.id}`)}</th>
              <td>
                {fact.questionId === null ? (
                  <span className="muted">{t('safeAssessment.results.notAsked')}</span>
                ) : fact.declared === null ? (
                  <span className="muted">{t('safeAssessment.results.noAnswer')}</span>
                ) : (
                  String(fact.declared)
                )}
              </td>
              <td>
                {fact.measured ? (
                  measuredText(fact)
                ) : (
                  <em className="muted">{t('safeAssessment.results.absent')}</em>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      </Panel>
      <PlanActionDialog
        draft={drafting?.draft}
        gapLabel={drafting?.label ?? ''}
        onCancel={() => setDrafting(undefined)}
        onCreated={(action) => {
          setPlan((p) => [...p, action]);
          setDrafting(undefined);
          notify(t('safeAssessment.plan.created', { title: action.title }));
        }}
      />
    </>
  );
}
