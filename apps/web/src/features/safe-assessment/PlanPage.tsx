import { roleAllows, SAFE_PLAN_STATUSES, type SafePlanAction, type SafePlanStatus } from '@aeolus/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Badge } from '../../components/Badge.js';
import { DataTable } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { useNotices } from '../../components/Notices.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Panel } from '../../components/Panel.js';
import { formatDate } from '../../lib/format.js';
import { useSignedIn } from '../../lib/session.js';
import { useAsyncAction } from '../../lib/use-async-action.js';
import { useResource } from '../../lib/use-resource.js';
import { localised } from '../questionnaire/localised.js';
import { safeApi } from './safe-api.js';
import { formatPercent, isOverdue, planCounts } from './safe-view.js';

/**
 * The administration's improvement plan (issue item 5): actions from its gaps, each with an owner, a due
 * date, a status and the standard it serves; the linked standard's latest score shows whether it worked.
 */
export function PlanPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { notify } = useNotices();
  const { roles } = useSignedIn();
  const canManage = roleAllows(roles, 'safe-plan:manage');
  const data = useResource((signal) => safeApi.plan(signal), 'plan');
  const action = useAsyncAction();

  async function changeStatus(item: SafePlanAction, status: SafePlanStatus) {
    await action.run(async () => {
      const updated = await safeApi.updateAction(item.id, { status });
      notify(
        t('safeAssessment.plan.updated', {
          title: updated.title,
          status: t(`safeAssessment.plan.status.${status}`).toLowerCase(),
        }),
      );
      data.reload();
    });
  }

  const items = data.data?.items ?? [];
  const counts = planCounts(items);
  const today = new Date();
  return (
    <>
      <p>
        <Link to="/safe/monitoring" className="back-link">
          {t('safeAssessment.campaigns.title')}
        </Link>
      </p>
      <PageHeader
        eyebrow={t('safeAssessment.eyebrow')}
        title={t('safeAssessment.plan.title')}
        lead={t('safeAssessment.plan.lead')}
      />
      <Panel
        title={t('safeAssessment.plan.tableLabel')}
        description={t('safeAssessment.plan.counts', counts)}
      >
        {action.error ? (
          <p className="field__error" role="alert">
            {action.error}
          </p>
        ) : null}
        {data.status === 'error' ? (
          <LoadError title={t('safeAssessment.loadFailed')} error={data.error} />
        ) : !data.data ? (
          <Loading label={t('common.loading')} />
        ) : items.length === 0 ? (
          <EmptyState icon="plan" title={t('safeAssessment.plan.empty')} />
        ) : (
          <DataTable
            label={t('safeAssessment.plan.tableLabel')}
            testId="safe-plan"
            columns={[
              t('safeAssessment.plan.columns.action'),
              t('safeAssessment.plan.columns.standard'),
              t('safeAssessment.plan.columns.owner'),
              t('safeAssessment.plan.columns.due'),
              t('safeAssessment.plan.columns.latest'),
              t('safeAssessment.plan.columns.status'),
            ]}
          >
            {items.map((item) => (
              <tr key={item.id} data-testid="safe-plan-row" data-title={item.title}>
                <td>
                  {item.title}
                  {item.progressNote ? <p className="small muted">{item.progressNote}</p> : null}
                </td>
                <td>
                  {/* A standard's label begins with its number; a theme's is a name, never its machine id. */}
                  {item.gapLabel
                    ? localised(item.gapLabel, language)
                    : (item.gapId ?? item.questionId ?? '—')}
                </td>
                <td>{item.owner}</td>
                <td>
                  {formatDate(item.dueDate, language)}{' '}
                  {isOverdue(item, today) ? (
                    <Badge tone="danger">{t('safeAssessment.plan.overdue')}</Badge>
                  ) : null}
                </td>
                <td className="safe-num">{formatPercent(item.latestPercent, language)}</td>
                <td>
                  {canManage ? (
                    <select
                      className="select safe-plan-status"
                      aria-label={t('safeAssessment.plan.statusFor', { title: item.title })}
                      value={item.status}
                      disabled={action.busy}
                      data-testid="safe-plan-status"
                      onChange={(e) => changeStatus(item, e.target.value as SafePlanStatus)}
                    >
                      {SAFE_PLAN_STATUSES.map((status) => (
                        <option key={status} value={status}>
                          {t(`safeAssessment.plan.status.${status}`)}
                        </option>
                      ))}
                    </select>
                  ) : (
                    t(`safeAssessment.plan.status.${item.status}`)
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </Panel>
    </>
  );
}
