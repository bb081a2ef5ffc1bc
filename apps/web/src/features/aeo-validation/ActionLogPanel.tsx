import type { AeoApplicationDetail } from '@aeolus/contracts';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable.js';
import { Panel } from '../../components/Panel.js';
import { formatDate, formatDateTime } from '../../lib/format.js';
import { describePayload, type LogDetail, VALIDATOR_LOG_ORDER } from '../aeo/action-log.js';
import aeoLabels from '../aeo/i18n.en.json';

type LabelledType = keyof typeof aeoLabels.actionType;
/** Entry types with a label; an unknown one (from a newer server) shows its machine name. */
const isLabelled = (type: string): type is LabelledType => Object.hasOwn(aeoLabels.actionType, type);

/** The case's append-only action log, oldest first: who did what, when, and why. */
export function ActionLogPanel({
  detail,
  criterionTitle,
}: {
  detail: AeoApplicationDetail;
  criterionTitle(id: string): string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Panel
      title={t('aeoValidation.log.title')}
      description={t('aeoValidation.log.lead', { count: detail.actions.length })}
    >
      <DataTable
        label={t('aeoValidation.log.title')}
        testId="aeo-action-log"
        dense
        columns={[
          t('aeoValidation.log.when'),
          t('aeoValidation.log.who'),
          t('aeoValidation.log.what'),
          t('aeoValidation.log.details'),
        ]}
      >
        {detail.actions.map((entry) => (
          <tr key={entry.id} data-testid="aeo-log-entry" data-type={entry.type}>
            <td className="nowrap">{formatDateTime(entry.at, i18n.language)}</td>
            <td>
              <span className="stack">
                <span>{entry.actorLabel}</span>
                <span className="muted small">{t(`aeo.side.${entry.side}`)}</span>
              </span>
            </td>
            <th scope="row" className="table__primary">
              {isLabelled(entry.type) ? t(`aeo.actionType.${entry.type}`) : entry.type}
            </th>
            <td>
              <Details
                details={describePayload(entry.type, entry.payload, VALIDATOR_LOG_ORDER)}
                criterionTitle={criterionTitle}
              />
            </td>
          </tr>
        ))}
      </DataTable>
    </Panel>
  );
}

function Details({ details, criterionTitle }: { details: LogDetail[]; criterionTitle(id: string): string }) {
  const { t, i18n } = useTranslation();
  if (details.length === 0) return null;
  const line = (detail: LogDetail) => {
    switch (detail.kind) {
      case 'text':
        return [t(`aeoValidation.log.fields.${detail.field}`), detail.value];
      case 'days':
        return [
          t('aeoValidation.log.fields.days'),
          t('aeoValidation.log.daysAdded', { count: detail.value }),
        ];
      case 'date':
        return [t(`aeoValidation.log.fields.${detail.field}`), formatDate(detail.value, i18n.language)];
      case 'recommendation':
        return [
          t('aeoValidation.log.fields.recommendation'),
          t(`aeoValidation.recommendation.${detail.value}`),
        ];
      case 'category':
        return [t('aeoValidation.log.fields.category'), detail.value];
      case 'reasons':
        return [t('aeoValidation.log.fields.reasons'), detail.values.join(' · ')];
      case 'appealOutcome':
        return [
          t('aeoValidation.log.fields.appealOutcome'),
          t(`aeoValidation.appealOutcome.${detail.value}`),
        ];
      case 'monitoringKind':
        return [t('aeoValidation.log.fields.kind'), t(`aeo.monitoringKind.${detail.value}`)];
      case 'plan':
        return [
          t('aeoValidation.log.fields.onSite'),
          detail.items
            .filter((i) => i.onSite)
            .map((i) => criterionTitle(i.criterionId))
            .join(' · ') || t('aeoValidation.log.noneOnSite'),
        ];
      case 'checklist':
        return [
          t('aeoValidation.log.fields.results'),
          detail.results
            .map((r) =>
              t('aeoValidation.log.criterionResult', {
                criterion: criterionTitle(r.criterionId),
                result: t(`aeo.checklistResult.${r.result}`),
              }),
            )
            .join(' · '),
        ];
      default:
        return detail satisfies never;
    }
  };
  return (
    <dl className="aeo-log-details">
      {details.map((detail, index) => {
        const [label, value] = line(detail);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: details are derived from one payload, never reordered
          <div key={index}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        );
      })}
    </dl>
  );
}
