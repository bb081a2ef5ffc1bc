import type { AeoFact, FiredRule, Lane, ScreeningResult, SelectivityStep } from '@aeolus/contracts';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge.js';
import { DataTable } from '../../components/DataTable.js';
import { Panel } from '../../components/Panel.js';
import { drawPercent, formatFieldPath, formatValue, orderFiredRules, scoreBuildUp } from './explanation.js';
import { LaneBadge } from './LaneBadge.js';

/** The selectivity steps in the order they ran, each in words. */
export function SelectivitySteps({ steps }: { steps: readonly SelectivityStep[] }) {
  return (
    <ol className="risk-steps" data-testid="risk-steps">
      {steps.map((step, index) => (
        // Steps have no id; their order is fixed by the decision.
        // biome-ignore lint/suspicious/noArrayIndexKey: the list never reorders
        <li key={index} className="risk-steps__item" data-step={step.kind}>
          <StepText step={step} />
        </li>
      ))}
    </ol>
  );
}

function StepText({ step }: { step: SelectivityStep }) {
  const { t } = useTranslation();
  const lane = (l: Lane) => t(`riskResults.lane.${l}`);
  switch (step.kind) {
    case 'aeo_reduction':
      return (
        <>
          <strong>{t('riskResults.steps.aeoTitle')}</strong>{' '}
          {t('riskResults.steps.aeo', {
            points: step.points,
            benefit: step.benefitCode,
            ids: step.aeoIds.join(', '),
          })}
        </>
      );
    case 'threshold':
      return (
        <>
          <strong>{t('riskResults.steps.thresholdTitle')}</strong>{' '}
          {step.threshold === null
            ? t('riskResults.steps.belowThresholds', { score: step.score, lane: lane(step.lane) })
            : t('riskResults.steps.threshold', {
                score: step.score,
                threshold: step.threshold,
                lane: lane(step.lane),
              })}
        </>
      );
    case 'rule_minimum':
      return (
        <>
          <strong>{t('riskResults.steps.minimumTitle')}</strong>{' '}
          {t(step.raised ? 'riskResults.steps.minimumRaised' : 'riskResults.steps.minimumMet', {
            count: step.ruleIds.length,
            rules: step.ruleIds.join(', '),
            lane: lane(step.lane),
          })}
        </>
      );
    case 'random_selection':
      return (
        <>
          <strong>{t('riskResults.steps.randomTitle')}</strong>{' '}
          {t(step.selected ? 'riskResults.steps.randomSelected' : 'riskResults.steps.randomNotSelected', {
            draw: drawPercent(step.draw),
            rate: step.ratePercent,
            lane: lane(step.fromLane),
          })}
          {step.aeoRate ? ` ${t('riskResults.steps.aeoRate')}` : ''}
        </>
      );
    case 'capacity':
      return (
        <>
          <strong>{t('riskResults.steps.capacityTitle')}</strong>{' '}
          {t(step.downgraded ? 'riskResults.steps.capacityDowngraded' : 'riskResults.steps.capacityWithin', {
            office: step.office,
            day: step.day,
            used: step.used,
            capacity: step.capacity,
          })}
        </>
      );
    default:
      return step satisfies never;
  }
}

/** How the score was built: each weighted rule, the engine's total, the AEO reduction, the final score. */
export function ScoreBuildUpTable({ result }: { result: ScreeningResult }) {
  const { t } = useTranslation();
  const build = scoreBuildUp(result);
  return (
    <table className="table table--dense risk-score" data-testid="risk-score">
      <caption className="visually-hidden">{t('riskResults.detail.scoreTitle')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('riskResults.detail.scoreRule')}</th>
          <th scope="col" className="risk-number">
            {t('riskResults.detail.scorePoints')}
          </th>
        </tr>
      </thead>
      <tbody>
        {build.lines.length === 0 ? (
          <tr>
            <td colSpan={2} className="muted">
              {t('riskResults.detail.noWeightedRules')}
            </td>
          </tr>
        ) : (
          build.lines.map((line) => (
            <tr key={line.ruleId}>
              <th scope="row">
                {line.name} <code className="muted small">{line.ruleId}</code>
              </th>
              <td className="risk-number">{signed(line.weight)}</td>
            </tr>
          ))
        )}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('riskResults.detail.rawScore')}</th>
          <td className="risk-number">{build.rawScore}</td>
        </tr>
        {build.aeoReduction !== null ? (
          <tr>
            <th scope="row">{t('riskResults.detail.aeoReduction')}</th>
            <td className="risk-number">{signed(-build.aeoReduction)}</td>
          </tr>
        ) : null}
        <tr className="risk-score__total">
          <th scope="row">{t('riskResults.detail.finalScore')}</th>
          <td className="risk-number" data-testid="risk-final-score">
            {build.score}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '0');

/** Every rule that fired, most decisive first, with its rationale and the values that made it true. */
export function FiredRulesPanel({ fired }: { fired: readonly FiredRule[] }) {
  const { t } = useTranslation();
  return (
    <Panel
      title={t('riskResults.detail.firedTitle', { count: fired.length })}
      description={t('riskResults.detail.firedLead')}
    >
      {fired.length === 0 ? (
        <p className="muted" data-testid="risk-no-rules">
          {t('riskResults.detail.noRules')}
        </p>
      ) : (
        <ul className="risk-rules" data-testid="risk-fired-rules">
          {orderFiredRules(fired).map((rule) => (
            <FiredRuleItem key={rule.ruleId} rule={rule} />
          ))}
        </ul>
      )}
    </Panel>
  );
}

function FiredRuleItem({ rule }: { rule: FiredRule }) {
  const { t, i18n } = useTranslation();
  const opLabel = (op: string) =>
    i18n.exists(`riskResults.op.${op}`) ? (t as (k: string) => string)(`riskResults.op.${op}`) : op;
  return (
    <li className="risk-rule" data-testid="risk-fired-rule" data-rule-id={rule.ruleId}>
      <div className="risk-rule__head">
        <h3 className="risk-rule__name">{rule.name}</h3>
        <span className="badges">
          <Badge>
            <code>{rule.ruleId}</code>
          </Badge>
          <Badge tone="accent">{t('riskResults.detail.points', { count: rule.weight })}</Badge>
          {rule.minLane ? (
            <span className="risk-rule__minimum">
              {t('riskResults.detail.minimumLane')} <LaneBadge lane={rule.minLane} />
            </span>
          ) : null}
          {rule.referral ? (
            <Badge tone="danger">
              {t('riskResults.detail.referral', {
                code: rule.referral,
                name: t(`riskResults.referral.${rule.referral}`),
              })}
            </Badge>
          ) : null}
        </span>
      </div>
      <p className="risk-rule__rationale">
        <span className="visually-hidden">{t('riskResults.detail.rationale')}: </span>
        {rule.rationale}
      </p>
      {rule.evidence.length > 0 ? (
        <dl className="risk-evidence" aria-label={t('riskResults.detail.evidence')}>
          {rule.evidence.map((e, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: evidence is fixed and may repeat a condition
            <div key={index} className="risk-evidence__row">
              <dt>
                <code>{e.field ? formatFieldPath(e.field) : e.at}</code>
              </dt>
              <dd>
                <strong data-testid="risk-evidence-value">{formatValue(e.actual)}</strong>{' '}
                <span className="muted small">
                  (
                  {t('riskResults.detail.test', {
                    op: `${e.negated ? `${t('riskResults.op.not')} ` : ''}${opLabel(e.op)}`,
                  })}
                  )
                </span>
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
    </li>
  );
}

/** The AEO identifiers declared on the consignment, as the AEO register saw them at screening. */
export function AeoFactsPanel({ facts }: { facts: readonly AeoFact[] }) {
  const { t } = useTranslation();
  return (
    <Panel title={t('riskResults.detail.aeoTitle')} description={t('riskResults.detail.aeoLead')}>
      {facts.length === 0 ? (
        <p className="muted" data-testid="risk-no-aeo">
          {t('riskResults.detail.noAeo')}
        </p>
      ) : (
        <DataTable
          label={t('riskResults.detail.aeoTitle')}
          testId="risk-aeo-facts"
          dense
          columns={[
            t('riskResults.detail.aeoParty'),
            t('riskResults.detail.aeoId'),
            t('riskResults.detail.aeoStatus'),
            t('riskResults.detail.aeoCategory'),
            t('riskResults.detail.aeoBenefit'),
          ]}
        >
          {facts.map((fact) => (
            <tr key={`${fact.party}|${fact.aeoId}`}>
              <th scope="row">{t(`riskResults.party.${fact.party}`)}</th>
              <td>
                <code>{fact.aeoId}</code>
              </td>
              <td>
                <Badge tone={fact.status === 'active' ? 'success' : 'warning'}>
                  {t(`riskResults.aeoStatus.${fact.status}`)}
                </Badge>
              </td>
              <td>{fact.category ?? '—'}</td>
              <td>
                {fact.benefitApplied ? t('riskResults.detail.benefitYes') : t('riskResults.detail.benefitNo')}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </Panel>
  );
}
