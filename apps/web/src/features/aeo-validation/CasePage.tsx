import { type Document, roleAllows } from '@aeolus/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { Alert } from '../../components/Alert.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Icon } from '../../components/Icon.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { useNotices } from '../../components/Notices.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Panel } from '../../components/Panel.js';
import { ApiError } from '../../lib/api.js';
import { errorMessage } from '../../lib/errors.js';
import { useSignedIn } from '../../lib/session.js';
import { useResource } from '../../lib/use-resource.js';
import { ActionLogPanel } from './ActionLogPanel.js';
import { CaseOverview } from './CaseOverview.js';
import { ChecklistPanel } from './ChecklistPanel.js';
import { CorrectiveActionsPanel } from './CorrectiveActionsPanel.js';
import { offeredWork } from './case-actions.js';
import { explainCaseError } from './case-errors.js';
import { caseCriteria } from './criteria.js';
import { DecisionPanel } from './DecisionPanel.js';
import { EvidenceList } from './EvidenceList.js';
import { MonitoringPanel } from './MonitoringPanel.js';
import { SaqPanel } from './SaqPanel.js';
import { ValidationPlanPanel } from './ValidationPlanPanel.js';
import { validationApi } from './validation-api.js';

/**
 * One case as the validator works it: where it stands, its clocks, what may be done now, the plan,
 * the checklist, corrective actions, monitoring, the action log, and the SAQ with its evidence. Every
 * change reloads the case, so what is offered always follows the server's workflow.
 */
export function CasePage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const { roles, session } = useSignedIn();
  const { notify } = useNotices();
  const canValidate = roleAllows(roles, 'aeo-application:validate');
  const detail = useResource((signal) => validationApi.getCase(id, signal), id);
  const programme = useResource((signal) => validationApi.programme(signal), session.activeOrganisationId);
  const documents = useResource((signal) => validationApi.caseDocuments(id, signal), id);

  const [stale, setStale] = useState<string | undefined>();
  const staleRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (stale) staleRef.current?.focus();
  }, [stale]);

  function onChanged(message: string) {
    setStale(undefined);
    notify(message);
    detail.reload();
    documents.reload();
  }

  // The form that was refused may vanish with the reload (its step is no longer offered), so the
  // reason is shown above the case, where it stays until the next change.
  function onStale(error: unknown) {
    setStale(
      explainCaseError(t, error, { errors: {}, failure: errorMessage(t, error, i18n.language) }).failure,
    );
    detail.reload();
    documents.reload();
  }

  const back = (
    <p>
      <Link to="/aeo/validation" className="back-link">
        <Icon name="arrowLeft" size={16} />
        {t('aeoValidation.case.back')}
      </Link>
    </p>
  );

  // Another administration's case answers 404 exactly like a missing one: say "not found", nothing more.
  if (detail.status === 'error' && detail.error instanceof ApiError && detail.error.status === 404) {
    return (
      <>
        {back}
        <PageHeader title={t('aeoValidation.case.notFound.title')} />
        <div data-testid="aeo-case-not-found">
          <EmptyState icon="file" title={t('aeoValidation.case.notFound.body')} />
        </div>
      </>
    );
  }

  const data = detail.data;
  const criteria = programme.data?.criteria ?? [];
  const rows = data ? caseCriteria(criteria, data.category, data.checklist) : [];
  const offered = data ? offeredWork(data, canValidate) : undefined;
  const docs = new Map<string, Document>((documents.data?.items ?? []).map((d) => [d.id, d]));
  const criterionTitle = (criterionId: string) => {
    const found = criteria.find((c) => c.id === criterionId);
    if (!found) return criterionId;
    return found.title[i18n.language === 'fr' ? 'fr' : 'en'];
  };

  return (
    <>
      {back}
      <PageHeader
        eyebrow={data ? t('aeoValidation.case.eyebrow', { reference: data.reference }) : undefined}
        title={data ? data.operatorName : t('aeoValidation.case.loadingTitle')}
        lead={data ? t(`aeo.status.${data.status}`) : undefined}
      />
      {detail.status === 'error' ? (
        <LoadError title={t('aeoValidation.case.loadFailed')} error={detail.error} />
      ) : null}
      {detail.status === 'loading' && !data ? <Loading label={t('common.loading')} block /> : null}
      {data && offered ? (
        <div className="aeo-case" data-testid="aeo-case" data-status={data.status}>
          {stale ? <Alert ref={staleRef} tone="error" title={stale} /> : null}
          <CaseOverview detail={data} />
          {canValidate ? (
            <DecisionPanel
              detail={data}
              programme={programme.data}
              actions={offered.actions}
              onChanged={onChanged}
              onStale={onStale}
            />
          ) : null}
          {programme.data ? (
            <>
              {offered.plan || data.checklist.length > 0 ? (
                <ValidationPlanPanel
                  key={`plan-${data.status}`}
                  detail={data}
                  rows={rows}
                  editable={offered.plan}
                  onChanged={onChanged}
                  onStale={onStale}
                />
              ) : null}
              {offered.checklist || data.checklist.some((i) => i.result) ? (
                <ChecklistPanel
                  key={`checklist-${data.status}-${data.checklist.filter((i) => i.onSite).length}`}
                  detail={data}
                  rows={rows}
                  documents={docs}
                  editable={offered.checklist}
                  onChanged={onChanged}
                  onStale={onStale}
                />
              ) : null}
              <CorrectiveActionsPanel
                detail={data}
                criteria={criteria}
                canRequest={offered.correctiveAction}
                onChanged={onChanged}
                onStale={onStale}
              />
            </>
          ) : programme.status === 'error' ? (
            <LoadError title={t('aeoValidation.case.programmeFailed')} error={programme.error} />
          ) : null}
          {data.certificate || data.monitoringReports.length > 0 ? (
            <MonitoringPanel
              detail={data}
              canClose={offered.closeReview}
              onChanged={onChanged}
              onStale={onStale}
            />
          ) : null}
          <ActionLogPanel detail={data} criterionTitle={criterionTitle} />
          <SaqPanel detail={data} documents={docs} />
          <OtherDocuments ids={otherDocumentIds(data.answers, docs)} documents={docs} />
        </div>
      ) : null}
    </>
  );
}

/** Case documents no SAQ answer cites (e.g. evidence a validator added on site). */
function otherDocumentIds(
  answers: Record<string, unknown>,
  documents: ReadonlyMap<string, Document>,
): string[] {
  const cited = new Set(
    Object.values(answers).flatMap((v) => (Array.isArray(v) ? v.filter((x) => typeof x === 'string') : [])),
  );
  return [...documents.keys()].filter((id) => !cited.has(id));
}

function OtherDocuments({ ids, documents }: { ids: string[]; documents: ReadonlyMap<string, Document> }) {
  const { t } = useTranslation();
  return (
    <Panel title={t('aeoValidation.documents.title')} description={t('aeoValidation.documents.lead')}>
      <EvidenceList ids={ids} documents={documents} testId="aeo-case-documents" />
    </Panel>
  );
}
