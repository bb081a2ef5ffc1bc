import type { AeoApplicationDetail, AeoApplicationQuestionnaire, Document } from '@aeolus/contracts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert } from '../../components/Alert.js';
import { Badge } from '../../components/Badge.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { Icon } from '../../components/Icon.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { useNotices } from '../../components/Notices.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useResource } from '../../lib/use-resource.js';
import type { EvidenceSlot } from '../questionnaire/QuestionField.js';
import { QuestionnaireOutline, SaveStatus } from '../questionnaire/QuestionnaireOutline.js';
import { QuestionnaireSections, QuestionnaireSubmit } from '../questionnaire/QuestionnaireSections.js';
import { useQuestionnaireForm } from '../questionnaire/use-questionnaire-form.js';
import { latestPayloadText } from './case-view.js';
import { type EvidenceContext, EvidenceField } from './EvidenceField.js';
import { operatorApi } from './operator-api.js';
import { localised } from './operator-format.js';
import { caseErrorMessage } from './saq-problems.js';

/** The self-assessment questionnaire of one application: answered with autosave, then submitted. */
export function SaqPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const data = useResource(async (signal) => {
    const [detail, questionnaire, documents] = await Promise.all([
      operatorApi.getCase(id, signal),
      operatorApi.questionnaire(id, signal),
      operatorApi.caseDocuments(id, signal),
    ]);
    return { detail, questionnaire, documents: documents.items };
  }, id);

  if (data.status === 'error') {
    return (
      <>
        <PageHeader title={t('aeoOperator.saq.title')} />
        <LoadError title={t('aeoOperator.saq.loadFailed')} error={data.error} />
      </>
    );
  }
  if (!data.data) return <Loading label={t('common.loading')} block />;
  // Keyed by the case: the answers are read once, then the page's own copy is the truth.
  return <SaqForm key={id} {...data.data} />;
}

function SaqForm({
  detail,
  questionnaire,
  documents: initialDocuments,
}: {
  detail: AeoApplicationDetail;
  questionnaire: AeoApplicationQuestionnaire;
  documents: Document[];
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const navigate = useNavigate();
  const { notify } = useNotices();
  const { definition } = questionnaire;
  const editable = detail.allowedActions.includes('submit');
  const profile = useMemo(() => ({ isSme: questionnaire.variant === 'sme' }), [questionnaire.variant]);
  const form = useQuestionnaireForm({
    key: detail.id,
    definition,
    initial: detail.answers,
    editable,
    profile,
    save: (patch) => operatorApi.saveAnswers(detail.id, patch),
  });
  const { progress, snapshot } = form;
  const [documents, setDocuments] = useState(() => new Map(initialDocuments.map((d) => [d.id, d])));
  const returnReason =
    detail.status === 'returned' ? latestPayloadText(detail, 'return_incomplete', 'reason') : null;

  const evidence: EvidenceContext = {
    upload: (file) => operatorApi.upload(detail.id, file),
    documents,
    onUploaded: (document: Document) => setDocuments((map) => new Map(map).set(document.id, document)),
  };
  const renderEvidence = (props: EvidenceSlot) => <EvidenceField {...props} context={evidence} />;

  async function submit() {
    const sent = await form.submit(
      async () => {
        await operatorApi.act(detail.id, { type: 'submit' });
      },
      {
        unsaved: t('aeoOperator.saq.submitUnsaved'),
        refused: (count) => t('aeoOperator.saq.submitRefused', { count }),
        failure: (error) => caseErrorMessage(t, error, language),
      },
    );
    if (sent) {
      notify(t('aeoOperator.saq.submitted', { reference: detail.reference }));
      navigate(`/operator/aeo-status/${detail.id}`);
    }
  }

  return (
    <>
      <p>
        <Link to={`/operator/aeo-status/${detail.id}`} className="back-link">
          <Icon name="arrowLeft" size={16} />
          {t('aeoOperator.saq.back', { reference: detail.reference })}
        </Link>
      </p>
      <PageHeader
        eyebrow={t('aeoOperator.saq.eyebrow', { reference: detail.reference })}
        title={localised(definition.title, language)}
        lead={definition.description ? localised(definition.description, language) : undefined}
      />
      <div className="saq-layout">
        <aside className="saq-layout__aside">
          <QuestionnaireOutline progress={progress} />
        </aside>
        <div className="saq-layout__main">
          <div className="saq-toolbar">
            {editable ? <SaveStatus snapshot={snapshot} onRetry={form.autosave.retry} /> : <span />}
            <span className="badges">
              <Badge tone="accent">{t(`aeoOperator.saq.variant.${questionnaire.variant}`)}</Badge>
              <Badge>{t('aeoOperator.saq.version', { version: String(definition.version) })}</Badge>
            </span>
          </div>
          {questionnaire.variant === 'sme' ? (
            <p className="muted small">{t('aeoOperator.saq.smeNote')}</p>
          ) : null}
          {editable ? null : (
            <Alert tone="info" title={t('aeoOperator.saq.readOnly')}>
              <p>{t('aeoOperator.saq.readOnlyBody', { status: t(`aeo.status.${detail.status}`) })}</p>
            </Alert>
          )}
          {returnReason ? (
            <Alert tone="warning" title={t('aeoOperator.saq.returned')}>
              <p>{returnReason}</p>
            </Alert>
          ) : null}
          <ErrorSummary
            ref={form.summaryRef}
            failure={form.failure}
            failureTitle={t('aeoOperator.saq.submitFailedTitle')}
            errors={form.summaryErrors}
            fieldIdPrefix="q-"
          />
          <QuestionnaireSections
            form={form}
            definition={definition}
            disabled={!editable}
            renderEvidence={renderEvidence}
          />
          <QuestionnaireSubmit
            form={form}
            editable={editable}
            texts="aeoOperator.saq"
            testId="saq-submit"
            confirmTestId="saq-confirm-submit"
            onConfirm={submit}
          />
        </div>
      </div>
    </>
  );
}
