import { AEO_APPLICATION_STATUSES, type AeoApplicationSummary } from '@aeolus/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { AsyncList } from '../../components/AsyncList.js';
import { Badge } from '../../components/Badge.js';
import { DataTable } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { SelectField } from '../../components/Field.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Panel } from '../../components/Panel.js';
import { formatDate } from '../../lib/format.js';
import { useSignedIn } from '../../lib/session.js';
import { useResource } from '../../lib/use-resource.js';
import { viewNextDeadline } from '../aeo/deadlines.js';
import { NextDeadline } from './DeadlineText.js';
import { countByStatus, filterQueue, readStatusFilter, statusTone } from './queue.js';
import { validationApi } from './validation-api.js';

/**
 * The validator's work queue: every application filed with the administration, in the server's order of
 * urgency (overdue first, then by the next statutory deadline). The status filter lives in the address.
 */
export function QueuePage() {
  const { t, i18n } = useTranslation();
  const { session } = useSignedIn();
  const [params, setParams] = useSearchParams();
  const status = readStatusFilter(params.get('status'));
  const queue = useResource((signal) => validationApi.queue(signal), session.activeOrganisationId);
  const all = queue.data?.items;
  const counts = countByStatus(all ?? []);
  const items = all ? filterQueue(all, status) : undefined;

  function setStatus(value: string) {
    const next = new URLSearchParams(params);
    if (value === 'all') next.delete('status');
    else next.set('status', value);
    setParams(next, { replace: true });
  }

  return (
    <>
      <PageHeader title={t('aeoValidation.queue.title')} lead={t('aeoValidation.queue.lead')} />
      <Panel title={t('aeoValidation.queue.tableLabel')}>
        <div className="aeo-queue__filters">
          <SelectField
            id="aeo-queue-status"
            data-testid="aeo-queue-status"
            label={t('aeoValidation.queue.filterStatus')}
            value={status}
            onChange={(e) => setStatus(e.target.value)}
          >
            <option value="all">{t('aeoValidation.queue.allStatuses', { count: all?.length ?? 0 })}</option>
            {AEO_APPLICATION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t('aeoValidation.queue.statusOption', {
                  status: t(`aeo.status.${s}`),
                  count: counts.get(s) ?? 0,
                })}
              </option>
            ))}
          </SelectField>
        </div>
        <AsyncList
          status={queue.status}
          error={queue.status === 'error' ? queue.error : undefined}
          items={items}
          loadFailed={t('aeoValidation.queue.loadFailed')}
          empty={
            <EmptyState
              icon="queue"
              title={
                status === 'all' ? t('aeoValidation.queue.empty') : t('aeoValidation.queue.emptyFiltered')
              }
            >
              {status === 'all' ? <p>{t('aeoValidation.queue.emptyHint')}</p> : null}
            </EmptyState>
          }
        >
          {(rows) => <QueueTable rows={rows} language={i18n.language} />}
        </AsyncList>
      </Panel>
    </>
  );
}

function QueueTable({ rows, language }: { rows: readonly AeoApplicationSummary[]; language: string }) {
  const { t } = useTranslation();
  return (
    <DataTable
      label={t('aeoValidation.queue.tableLabel')}
      testId="aeo-queue-table"
      columns={[
        t('aeoValidation.queue.columns.reference'),
        t('aeoValidation.queue.columns.operator'),
        t('aeoValidation.queue.columns.category'),
        t('aeoValidation.queue.columns.status'),
        t('aeoValidation.queue.columns.deadline'),
        t('aeoValidation.queue.columns.daysLeft'),
      ]}
    >
      {rows.map((row) => {
        const deadline = viewNextDeadline(row.nextDeadline);
        return (
          <tr
            key={row.id}
            data-testid="aeo-queue-row"
            data-reference={row.reference}
            data-urgency={deadline.urgency}
            className={deadline.urgency === 'overdue' ? 'aeo-queue__row--overdue' : undefined}
          >
            <th scope="row" className="table__primary nowrap">
              <Link to={`/aeo/validation/${row.id}`} data-testid="aeo-queue-open">
                {row.reference}
              </Link>
            </th>
            <td>{row.operatorName}</td>
            <td>
              <Badge>{row.category}</Badge>
            </td>
            <td>
              <span className="badges">
                <Badge tone={statusTone(row.status)}>{t(`aeo.status.${row.status}`)}</Badge>
                {row.openReviews > 0 ? (
                  <Badge tone="warning">
                    {t('aeoValidation.queue.openReviews', { count: row.openReviews })}
                  </Badge>
                ) : null}
              </span>
            </td>
            <td className="nowrap">
              {row.nextDeadline ? (
                <span className="stack">
                  <span>{t(`aeo.deadlineKind.${row.nextDeadline.kind}`)}</span>
                  <span className="muted small">{formatDate(row.nextDeadline.due, language)}</span>
                </span>
              ) : (
                <span className="muted">{t('aeoValidation.deadline.none')}</span>
              )}
            </td>
            <td data-testid="aeo-queue-days">
              <NextDeadline view={deadline} />
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
