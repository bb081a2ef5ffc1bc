import { roleAllows } from '@aeolus/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { AsyncList } from '../../components/AsyncList.js';
import { Badge } from '../../components/Badge.js';
import { DataTable } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Icon } from '../../components/Icon.js';
import { LoadError } from '../../components/LoadError.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Panel } from '../../components/Panel.js';
import { formatDate } from '../../lib/format.js';
import { useSignedIn } from '../../lib/session.js';
import { useResource } from '../../lib/use-resource.js';
import { ApplicationStatusBadge } from '../aeo/ApplicationStatusBadge.js';
import { CertificateCard } from './CertificateCard.js';
import { isLive, submittedAt } from './case-view.js';
import { NextDeadline } from './DeadlineViews.js';
import { operatorApi, optionalProgramme } from './operator-api.js';
import { localised } from './operator-format.js';
import { categoryName } from './programme-view.js';

/**
 * The operator's AEO status: certificates held, and every application with its status and next
 * statutory deadline. An operator has few applications, so each case is read in full (for the
 * submission date and the certificate) rather than adding a second list format to the API.
 */
export function StatusPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { session, roles } = useSignedIn();
  const canApply = roleAllows(roles, 'aeo-application:apply');
  const data = useResource(async (signal) => {
    const [list, programme] = await Promise.all([
      operatorApi.applications(signal),
      optionalProgramme(signal),
    ]);
    const cases = await Promise.all(list.items.map((item) => operatorApi.getCase(item.id, signal)));
    return { cases, programme };
  }, session.activeOrganisationId);

  const cases = data.data?.cases;
  const programme = data.data?.programme ?? null;
  const hasLive = cases?.some(isLive) ?? true;
  const certificates = (cases ?? []).flatMap((c) => (c.certificate ? [c.certificate] : []));

  const startButton =
    canApply && programme && !hasLive ? (
      <Link className="btn btn--primary" to="/operator/aeo-status/apply" data-testid="start-application">
        <Icon name="plus" />
        {t('aeoOperator.status.start')}
      </Link>
    ) : null;

  return (
    <>
      <PageHeader
        title={t('aeoOperator.status.title')}
        lead={
          programme
            ? t('aeoOperator.status.lead', { programme: localised(programme.name, language) })
            : t('aeoOperator.status.leadNoProgramme')
        }
        actions={startButton}
      />
      {data.status === 'error' && cases ? (
        <LoadError title={t('aeoOperator.status.loadFailed')} error={data.error} />
      ) : null}
      {cases ? (
        <Panel title={t('aeoOperator.certificate.titlePlural')}>
          {certificates.length === 0 ? (
            <EmptyState icon="badge" title={t('aeoOperator.certificate.none')}>
              <p>{t('aeoOperator.certificate.noneHint')}</p>
            </EmptyState>
          ) : (
            <div className="stack stack--loose">
              {certificates.map((certificate) => (
                <CertificateCard key={certificate.id} certificate={certificate} programme={programme} />
              ))}
            </div>
          )}
        </Panel>
      ) : null}
      <Panel title={t('aeoOperator.status.applications')}>
        <AsyncList
          status={data.status}
          error={data.status === 'error' ? data.error : undefined}
          items={cases}
          loadFailed={t('aeoOperator.status.loadFailed')}
          empty={
            <EmptyState icon="shield" title={t('aeoOperator.status.empty')}>
              <p>{programme ? t('aeoOperator.status.emptyHint') : t('aeoOperator.status.noProgramme')}</p>
              {startButton ? <p>{startButton}</p> : null}
            </EmptyState>
          }
        >
          {(items) => (
            <DataTable
              label={t('aeoOperator.status.applications')}
              testId="applications-table"
              columns={[
                t('aeoOperator.columns.reference'),
                t('aeoOperator.columns.status'),
                t('aeoOperator.columns.category'),
                t('aeoOperator.columns.submitted'),
                t('aeoOperator.columns.nextDeadline'),
              ]}
              actionsLabel={t('aeoOperator.columns.actions')}
            >
              {items.map((item) => {
                const submitted = submittedAt(item);
                return (
                  <tr key={item.id} data-testid="application-row" data-status={item.status}>
                    <th scope="row" className="table__primary">
                      <code className="nowrap">{item.reference}</code>
                    </th>
                    <td>
                      <span className="badges">
                        <ApplicationStatusBadge status={item.status} />
                        {item.awaitingInformation ? (
                          <Badge tone="warning">{t('aeoOperator.case.awaitingYou')}</Badge>
                        ) : null}
                      </span>
                    </td>
                    <td>{categoryName(programme, item.category, language)}</td>
                    <td className="nowrap">
                      {submitted ? (
                        formatDate(submitted, language)
                      ) : (
                        <span className="muted">{t('aeoOperator.case.notSubmitted')}</span>
                      )}
                    </td>
                    <td>
                      <NextDeadline deadline={item.nextDeadline} />
                    </td>
                    <td className="table__actions">
                      <Link className="btn btn--secondary btn--small" to={`/operator/aeo-status/${item.id}`}>
                        {t('aeoOperator.status.open')}
                        <span className="visually-hidden"> {item.reference}</span>
                      </Link>
                    </td>
                  </tr>
                );
              })}
            </DataTable>
          )}
        </AsyncList>
      </Panel>
    </>
  );
}
