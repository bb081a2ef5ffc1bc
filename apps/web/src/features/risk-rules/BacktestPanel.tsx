import { LANES, REFERRALS, type RuleSetVersion } from '@aeolus/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Alert } from '../../components/Alert.js';
import { DataTable } from '../../components/DataTable.js';
import { Panel } from '../../components/Panel.js';
import { useAsyncAction } from '../../lib/use-async-action.js';
import { type Backtest, riskRulesApi } from './risk-rules-api.js';
import { diffRuleSets, type RuleSetDiff } from './rule-set-diff.js';
import { LaneBadge } from './StatusBadge.js';

/**
 * Backtest of a draft (issue 4 item 7): the draft and the published version replayed over the same stored
 * consignments, before publishing — lane counts side by side, the lane transitions, the rules that drive the
 * difference, and sample consignments linked to their results.
 */
export function BacktestPanel({ draft }: { draft: RuleSetVersion }) {
  const { t, i18n } = useTranslation();
  const action = useAsyncAction();
  const [backtest, setBacktest] = useState<Backtest>();
  const [changes, setChanges] = useState<RuleSetDiff>();
  const summary = backtest?.summary;
  const n = (value: number) => new Intl.NumberFormat(i18n.language).format(value);

  return (
    <Panel
      title={t('riskRules.backtest.title')}
      description={t('riskRules.backtest.description')}
      actions={
        <button
          type="button"
          className="btn btn--primary"
          disabled={action.busy}
          aria-busy={action.busy || undefined}
          data-testid="backtest-run"
          onClick={() =>
            action.run(async () => {
              const ran = await riskRulesApi.backtest(draft.id);
              setBacktest(ran);
              // Rules edited in the draft may fire on both sides and still move lanes (a new weight):
              // name them beside the rules that fire differently.
              const baselineId = ran.summary?.baseline.version.id;
              const baseline = baselineId ? await riskRulesApi.getVersion(baselineId) : undefined;
              setChanges(baseline ? diffRuleSets(baseline.definition, draft.definition) : undefined);
            })
          }
        >
          {action.busy ? t('riskRules.backtest.running') : t('riskRules.backtest.run')}
        </button>
      }
    >
      {action.error ? <Alert tone="error" title={action.error} /> : null}
      {backtest?.error ? <Alert tone="error" title={backtest.error} /> : null}
      {backtest && summary ? (
        <div className="risk-backtest" data-testid="backtest-result">
          <p role="status">
            {t('riskRules.backtest.headline', {
              count: n(backtest.consignmentCount),
              changed: n(summary.laneChanged),
              referrals: n(summary.referralsChanged),
              baseline: `${summary.baseline.version.ruleSetId}@${summary.baseline.version.version}`,
              candidate: `${summary.candidate.version.ruleSetId}@${summary.candidate.version.version}`,
            })}
            {summary.truncated ? ` ${t('riskRules.backtest.truncated', { limit: n(summary.limit) })}` : ''}
          </p>
          <div className="risk-backtest__grid">
            <DataTable
              label={t('riskRules.backtest.lanes')}
              testId="backtest-lanes"
              dense
              columns={[
                t('riskRules.backtest.lane'),
                t('riskRules.backtest.published', { version: summary.baseline.version.version }),
                t('riskRules.backtest.draft', { version: summary.candidate.version.version }),
                t('riskRules.backtest.delta'),
              ]}
            >
              {LANES.map((lane) => {
                const before = summary.baseline.lanes[lane] ?? 0;
                const after = summary.candidate.lanes[lane] ?? 0;
                return (
                  <tr key={lane} data-testid={`backtest-lane-${lane}`}>
                    <th scope="row">
                      <LaneBadge lane={lane} />
                    </th>
                    <td>{n(before)}</td>
                    <td>{n(after)}</td>
                    <td>{signed(after - before, n)}</td>
                  </tr>
                );
              })}
              {REFERRALS.map((referral) => {
                const before = summary.baseline.referrals[referral] ?? 0;
                const after = summary.candidate.referrals[referral] ?? 0;
                return (
                  <tr key={referral}>
                    <th scope="row">{t(`riskRules.referrals.${referral}`)}</th>
                    <td>{n(before)}</td>
                    <td>{n(after)}</td>
                    <td>{signed(after - before, n)}</td>
                  </tr>
                );
              })}
            </DataTable>
            <TransitionMatrix backtest={summary} format={n} />
          </div>
          <h3 className="risk-subheading">{t('riskRules.backtest.rules')}</h3>
          {changes && changes.rules.changed.length > 0 ? (
            <div>
              <p>{t('riskRules.backtest.edited')}</p>
              <ul className="risk-diff__list">
                {changes.rules.changed.map(({ before, after, parts }) => (
                  <li key={after.id} data-testid={`backtest-edited-${after.id}`}>
                    <code>{after.id}</code> {after.name} —{' '}
                    {parts.map((p) => t(`riskRules.diff.parts.${p}`)).join(', ')}
                    {parts.includes('weight') ? ` (${before.weight} → ${after.weight})` : ''}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {summary.rules.length === 0 ? (
            <p className="muted">{t('riskRules.backtest.noRules')}</p>
          ) : (
            <DataTable
              label={t('riskRules.backtest.rules')}
              testId="backtest-rules"
              dense
              columns={[
                t('riskRules.rules.columns.rule'),
                t('riskRules.backtest.candidateOnly'),
                t('riskRules.backtest.baselineOnly'),
                t('riskRules.backtest.laneChanged'),
              ]}
            >
              {summary.rules.slice(0, 15).map((rule) => (
                <tr key={rule.ruleId} data-testid={`backtest-rule-${rule.ruleId}`}>
                  <th scope="row" className="table__primary">
                    <span className="stack">
                      <span>{rule.name}</span>
                      <code className="small">{rule.ruleId}</code>
                    </span>
                  </th>
                  <td>{n(rule.candidateOnly)}</td>
                  <td>{n(rule.baselineOnly)}</td>
                  <td>{n(rule.laneChanged)}</td>
                </tr>
              ))}
            </DataTable>
          )}
          <Samples backtest={summary} />
        </div>
      ) : null}
    </Panel>
  );
}

const signed = (value: number, n: (v: number) => string) =>
  value > 0 ? `+${n(value)}` : value < 0 ? `−${n(-value)}` : '0';

type Summary = NonNullable<Backtest['summary']>;

/** Rows: the lane under the published version; columns: the lane under the draft. */
function TransitionMatrix({ backtest, format }: { backtest: Summary; format: (v: number) => string }) {
  const { t } = useTranslation();
  const count = (from: string, to: string) =>
    backtest.transitions.find((c) => c.from === from && c.to === to)?.count ?? 0;
  return (
    <DataTable
      label={t('riskRules.backtest.matrix')}
      testId="backtest-matrix"
      dense
      columns={[t('riskRules.backtest.fromTo'), ...LANES.map((lane) => t(`riskRules.lanes.${lane}`))]}
    >
      {LANES.map((from) => (
        <tr key={from}>
          <th scope="row">{t(`riskRules.lanes.${from}`)}</th>
          {LANES.map((to) => {
            const value = count(from, to);
            return (
              <td key={to} className={from !== to && value > 0 ? 'risk-matrix__moved' : undefined}>
                {format(value)}
              </td>
            );
          })}
        </tr>
      ))}
    </DataTable>
  );
}

function Samples({ backtest }: { backtest: Summary }) {
  const { t } = useTranslation();
  const moved = backtest.transitions.flatMap((cell) =>
    cell.samples.map((sample) => ({ ...sample, from: cell.from, to: cell.to })),
  );
  if (moved.length === 0) return null;
  return (
    <>
      <h3 className="risk-subheading">{t('riskRules.backtest.samples')}</h3>
      <DataTable
        label={t('riskRules.backtest.samples')}
        testId="backtest-samples"
        dense
        columns={[
          t('riskRules.backtest.reference'),
          t('riskRules.backtest.laneChange'),
          t('riskRules.backtest.score'),
          t('riskRules.backtest.ruleChange'),
        ]}
      >
        {moved.slice(0, 20).map((s) => (
          <tr key={`${s.resultId}-${s.from}-${s.to}`}>
            <th scope="row">
              <Link to={`/risk/results/${s.resultId}`}>{s.reference}</Link>
            </th>
            <td className="nowrap">
              <LaneBadge lane={s.from} /> → <LaneBadge lane={s.to} />
            </td>
            <td className="nowrap">
              {s.baselineScore} → {s.candidateScore}
            </td>
            <td>
              {[...s.rulesAdded.map((r) => `+${r}`), ...s.rulesRemoved.map((r) => `−${r}`)].join(', ') || '—'}
            </td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
