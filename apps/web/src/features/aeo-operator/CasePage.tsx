import type { AeoApplicationDetail, AeoProgramme, Document } from '@aeolus/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { Alert } from '../../components/Alert.js';
import { Badge } from '../../components/Badge.js';
import { Icon } from '../../components/Icon.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { useNotices } from '../../components/Notices.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Panel } from '../../components/Panel.js';
import { formatDate, formatDateTime } from '../../lib/format.js';
import { type Resource, useResource } from '../../lib/use-resource.js';
import { ApplicationStatusBadge } from '../aeo/ApplicationStatusBadge.js';
import { ActionLog } from './ActionLog.js';
import { CaseDocumentsPanel } from './CaseDocumentsPanel.js';
import {
  AnswerInformationForm,
  AppealForm,
  type CaseChanged,
  ReportChangeForm,
  WithdrawButton,
} from './CaseForms.js';
import { CertificateCard } from './CertificateCard.js';
import {
  canReportChange,
  decisionGrounds,
  latestPayloadText,
  openInformationRequest,
  submittedAt,
} from './case-view.js';
import { DeadlinesPanel } from './DeadlineViews.js';
import { operatorApi, optionalProgramme } from './operator-api.js';
import { localised } from './operator-format.js';
import { categoryName, criterionTitle } from './programme-view.js';

/** One application as its operator follows it: status, what customs asks, deadlines, actions and the log. */
export function CasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const loaded = useResource(async (signal) => {
    const [detail, programme] = await Promise.all([
      operatorApi.getCase(id, signal),
      optionalProgramme(signal),
    ]);
    return { detail, programme };
  }, id);
  const documents = useResource((signal) => operatorApi.caseDocuments(id, signal), id);
  // An action answers with the case as it is now: shown at once, without reloading.
  const [latest, setLatest] = useState<AeoApplicationDetail>();

  if (loaded.status === 'error' && !loaded.data) {
    return (
      <>
        <PageHeader title={t('aeoOperator.case.title')} />
        <LoadError title={t('aeoOperator.case.loadFailed')} error={loaded.error} />
      </>
    );
  }
  if (!loaded.data) return <Loading label={t('common.loading')} block />;
  return (
    <CaseView
      detail={latest?.id === id ? latest : loaded.data.detail}
      programme={loaded.data.programme}
      documents={documents}
      onChanged={setLatest}
    />
  );
}

function CaseView({
  detail,
  programme,
  documents,
  onChanged,
}: {
  detail: AeoApplicationDetail;
  programme: AeoProgramme | null;
  documents: Resource<{ items: Document[] }> & { reload(): void };
  onChanged(detail: AeoApplicationDetail): void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { notify } = useNotices();
  const changed: CaseChanged = (next, notice) => {
    onChanged(next);
    notify(notice);
  };
  const allowed = new Set(detail.allowedActions);
  const request = openInformationRequest(detail);
  const grounds = decisionGrounds(detail);
  const returnReason =
    detail.status === 'returned' ? latestPayloadText(detail, 'return_incomplete', 'reason') : null;
  const submitted = submittedAt(detail);
  const live = !['withdrawn', 'refused', 'revoked'].includes(detail.status);

  return (
    <>
      <p>
        <Link to="/operator/aeo-status" className="back-link">
          <Icon name="arrowLeft" size={16} />
          {t('aeoOperator.case.back')}
        </Link>
      </p>
      <PageHeader
        eyebrow={t('aeoOperator.case.eyebrow')}
        title={detail.reference}
        actions={
          allowed.has('submit') ? (
            <Link
              className="btn btn--primary"
              to={`/operator/aeo-status/${detail.id}/questionnaire`}
              data-testid="open-saq"
            >
              {t(
                detail.status === 'returned' ? 'aeoOperator.case.reviseSaq' : 'aeoOperator.case.continueSaq',
              )}
            </Link>
          ) : (
            <Link
              className="btn btn--secondary"
              to={`/operator/aeo-status/${detail.id}/questionnaire`}
              data-testid="open-saq"
            >
              {t('aeoOperator.case.viewSaq')}
            </Link>
          )
        }
      />

      {request ? (
        <Alert tone="warning" title={t('aeoOperator.rfi.title')}>
          <p className="muted small">
            {t('aeoOperator.rfi.askedOn', { date: formatDateTime(request.at, language) })}
          </p>
          <blockquote className="quote prewrap" data-testid="rfi-question">
            {request.question}
          </blockquote>
          <p>{t('aeoOperator.rfi.clockStopped')}</p>
        </Alert>
      ) : null}
      {allowed.has('submit') ? (
        <Alert
          tone={returnReason ? 'warning' : 'info'}
          title={t(returnReason ? 'aeoOperator.case.returnedTitle' : 'aeoOperator.case.draftTitle')}
        >
          {returnReason ? <p className="prewrap">{returnReason}</p> : null}
          <p>{t('aeoOperator.case.draftBody')}</p>
        </Alert>
      ) : null}
      {grounds.length > 0 ? (
        <Alert
          tone="error"
          title={t(`aeoOperator.case.grounds.${detail.status as 'refused' | 'suspended' | 'revoked'}`)}
        >
          <ul>
            {grounds.map((g) => (
              <li key={g} className="prewrap">
                {g}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}

      <Panel title={t('aeoOperator.case.summary')}>
        <dl className="facts facts--columns" data-testid="case-summary">
          <div>
            <dt>{t('aeoOperator.columns.status')}</dt>
            <dd data-testid="case-status" data-status={detail.status}>
              <span className="badges">
                <ApplicationStatusBadge status={detail.status} />
                {detail.awaitingInformation ? (
                  <Badge tone="warning">{t('aeoOperator.case.awaitingYou')}</Badge>
                ) : null}
              </span>
            </dd>
          </div>
          <div>
            <dt>{t('aeoOperator.columns.category')}</dt>
            <dd>{categoryName(programme, detail.category, language)}</dd>
          </div>
          <div>
            <dt>{t('aeoOperator.case.programme')}</dt>
            <dd>{programme ? localised(programme.name, language) : t('common.none')}</dd>
          </div>
          <div>
            <dt>{t('aeoOperator.case.variant')}</dt>
            <dd>{t(`aeoOperator.saq.variant.${detail.saqVariant}`)}</dd>
          </div>
          <div>
            <dt>{t('aeoOperator.columns.submitted')}</dt>
            <dd>{submitted ? formatDateTime(submitted, language) : t('aeoOperator.case.notSubmitted')}</dd>
          </div>
          <div>
            <dt>{t('aeoOperator.case.updated')}</dt>
            <dd>{formatDateTime(detail.updatedAt, language)}</dd>
          </div>
        </dl>
      </Panel>

      {detail.certificate ? (
        <Panel title={t('aeoOperator.certificate.title')}>
          <CertificateCard certificate={detail.certificate} programme={programme} />
        </Panel>
      ) : null}

      {request && allowed.has('answer_information') ? (
        <Panel title={t('aeoOperator.rfi.panel')}>
          <AnswerInformationForm applicationId={detail.id} onChanged={changed} />
        </Panel>
      ) : null}

      <DeadlinesPanel deadlines={detail.deadlines} />

      {allowed.has('appeal') || allowed.has('withdraw') || canReportChange(detail) ? (
        <Panel title={t('aeoOperator.case.actions')}>
          <div className="stack stack--loose">
            {allowed.has('appeal') ? <AppealForm applicationId={detail.id} onChanged={changed} /> : null}
            {canReportChange(detail) ? (
              <ReportChangeForm applicationId={detail.id} onChanged={changed} />
            ) : null}
            {allowed.has('withdraw') ? (
              <div className="form__actions">
                <p className="muted">{t('aeoOperator.withdraw.lead')}</p>
                <WithdrawButton applicationId={detail.id} onChanged={changed} />
              </div>
            ) : null}
          </div>
        </Panel>
      ) : null}

      {detail.correctiveActions.length > 0 ? (
        <Panel title={t('aeoOperator.corrective.title')} description={t('aeoOperator.corrective.lead')}>
          <ul className="item-list" data-testid="corrective-actions">
            {detail.correctiveActions.map((action) => (
              <li key={action.id} className="item-list__item">
                <p className="prewrap">{action.description}</p>
                <p className="muted small">
                  {[
                    criterionTitle(programme, action.criterionId, language),
                    t('aeoOperator.corrective.due', { date: formatDate(action.dueOn, language) }),
                  ]
                    .filter(Boolean)
                    .join(' · ')}{' '}
                  <Badge
                    tone={
                      action.status === 'open' ? 'warning' : action.status === 'done' ? 'success' : 'neutral'
                    }
                  >
                    {t(`aeoOperator.corrective.status.${action.status}`)}
                  </Badge>
                </p>
              </li>
            ))}
          </ul>
        </Panel>
      ) : null}

      {detail.monitoringReports.length > 0 ? (
        <Panel title={t('aeoOperator.report.listTitle')}>
          <ul className="item-list" data-testid="monitoring-reports">
            {detail.monitoringReports.map((report) => (
              <li key={report.id} className="item-list__item">
                <p>
                  <strong>{t(`aeo.monitoringKind.${report.kind}`)}</strong>{' '}
                  <Badge tone={report.reviewStatus === 'open' ? 'info' : 'neutral'}>
                    {t(`aeoOperator.report.review.${report.reviewStatus}`)}
                  </Badge>
                </p>
                <p className="prewrap">{report.description}</p>
                <p className="muted small">{formatDateTime(report.reportedAt, language)}</p>
                {report.outcome ? (
                  <p>
                    {t('aeoOperator.report.outcome')}: {report.outcome}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </Panel>
      ) : null}

      <CaseDocumentsPanel
        applicationId={detail.id}
        documents={documents}
        canUpload={live}
        onUploaded={(document) => {
          notify(t('aeoOperator.documents.uploaded', { name: document.originalName }));
          documents.reload();
        }}
      />

      <ActionLog actions={detail.actions} programme={programme} />
    </>
  );
}
