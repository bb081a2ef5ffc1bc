import type {
  Document,
  QuestionnaireDefinition,
  SafeCampaign,
  SafeResponse,
  SafeResults,
} from '@aeolus/contracts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert } from '../../components/Alert.js';
import { Badge } from '../../components/Badge.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { useNotices } from '../../components/Notices.js';
import { PageHeader } from '../../components/PageHeader.js';
import { errorMessage } from '../../lib/errors.js';
import { useResource } from '../../lib/use-resource.js';
import { type EvidenceContext, EvidenceField } from '../aeo-operator/EvidenceField.js';
import { localised } from '../questionnaire/localised.js';
import type { EvidenceSlot } from '../questionnaire/QuestionField.js';
import { QuestionnaireOutline, SaveStatus } from '../questionnaire/QuestionnaireOutline.js';
import { QuestionnaireSections, QuestionnaireSubmit } from '../questionnaire/QuestionnaireSections.js';
import { useQuestionnaireForm } from '../questionnaire/use-questionnaire-form.js';
import { MeasuredNote } from './MeasuredNote.js';
import { ResponseStatusBadge } from './SafeParts.js';
import { safeApi } from './safe-api.js';
import { type MeasuredFact, measuredFacts } from './safe-view.js';

/** SAFE monitoring has no SME variant: every administration answers the same questions. */
const PROFILE = { isSme: false } as const;

/** The administration's response to a campaign: answered with autosave, then submitted (issue item 3). */
export function ResponsePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const data = useResource(async (signal) => {
    const [campaign, definition, response] = await Promise.all([
      safeApi.campaign(id, signal),
      safeApi.questionnaire(id, signal),
      safeApi.myResponse(id, signal),
    ]);
    const [documents, results] = await Promise.all([
      // Evidence already uploaded; without it the files still show, only without their facts.
      safeApi.organisationDocuments(response.organisationId, signal).catch(() => [] as Document[]),
      // The facts the platform holds come with the results; a response never saved has none yet.
      response.id ? safeApi.results(response.id, signal).catch(() => null) : Promise.resolve(null),
    ]);
    return { campaign, definition, response, documents, results };
  }, id);

  if (data.status === 'error')
    return (
      <>
        <PageHeader title={t('safeAssessment.campaigns.title')} />
        <LoadError title={t('safeAssessment.loadFailed')} error={data.error} />
      </>
    );
  if (!data.data) return <Loading label={t('common.loading')} block />;
  return (
    <ResponseForm key={`${id}:${data.data.response.id ?? 'new'}`} {...data.data} onReload={data.reload} />
  );
}

function ResponseForm({
  campaign,
  definition,
  response,
  documents: initialDocuments,
  results,
  onReload,
}: {
  campaign: SafeCampaign;
  definition: QuestionnaireDefinition;
  response: SafeResponse;
  documents: Document[];
  results: SafeResults | null;
  onReload(): void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const navigate = useNavigate();
  const { notify } = useNotices();
  const editable = response.editable;
  const form = useQuestionnaireForm({
    key: campaign.id,
    definition,
    initial: response.answers,
    editable,
    profile: PROFILE,
    save: (patch) => safeApi.saveAnswers(campaign.id, patch),
  });
  const { answers, progress, snapshot } = form;
  const questions = useMemo(
    () => new Map(definition.sections.flatMap((s) => s.questions.map((q) => [q.id, q] as const))),
    [definition],
  );
  const facts = useMemo(
    () =>
      new Map(
        (results ? measuredFacts(results.measured, answers) : [])
          .filter((f): f is MeasuredFact & { questionId: string } => f.questionId !== null)
          .map((f) => [f.questionId, f]),
      ),
    [results, answers],
  );
  const [documents, setDocuments] = useState(() => new Map(initialDocuments.map((d) => [d.id, d])));
  const campaignLink = `/safe/monitoring/campaigns/${campaign.id}`;
  // The first save creates the draft: from then on it is no longer "not started".
  const status = response.status === 'not_started' && snapshot.savedAt ? 'draft' : response.status;

  const evidence: EvidenceContext = {
    upload: (file) => safeApi.uploadEvidence(response.organisationId, file),
    documents,
    onUploaded: (document: Document) => setDocuments((map) => new Map(map).set(document.id, document)),
  };
  const renderEvidence = (slot: EvidenceSlot) => <EvidenceField {...slot} context={evidence} />;

  async function copyPrevious() {
    form.setBusy(true);
    try {
      await safeApi.copyPrevious(campaign.id);
      notify(t('safeAssessment.form.copyPreviousDone'));
      onReload();
    } catch (error) {
      form.setFailure(errorMessage(t, error, language));
    } finally {
      form.setBusy(false);
    }
  }

  async function submit() {
    let submittedId: string | null = null;
    const sent = await form.submit(
      async () => {
        submittedId = (await safeApi.submit(campaign.id)).id;
      },
      {
        unsaved: t('safeAssessment.form.submitUnsaved'),
        refused: (count) => t('safeAssessment.form.submitRefused', { count }),
        failure: (error) => errorMessage(t, error, language),
      },
    );
    if (sent) {
      notify(t('safeAssessment.form.submitted'));
      navigate(submittedId ? `/safe/monitoring/responses/${submittedId}` : campaignLink);
    }
  }

  return (
    <>
      <p>
        <Link to={campaignLink} className="back-link">
          {t('safeAssessment.form.back', { campaign: campaign.name })}
        </Link>
      </p>
      <PageHeader
        eyebrow={`${response.organisationName} · ${campaign.name}`}
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
              <span data-testid="safe-response-status" data-status={status}>
                <ResponseStatusBadge status={status} />
              </span>
              <Badge>{`${definition.id} ${definition.version}`}</Badge>
            </span>
          </div>
          {response.contributors.length > 0 ? (
            <p className="muted small">
              {t('safeAssessment.form.contributors', {
                names: response.contributors.map((c) => c.name).join(', '),
              })}
            </p>
          ) : null}
          {response.status === 'returned' ? (
            <Alert tone="warning" title={t('safeAssessment.form.returned')}>
              <p>{t('safeAssessment.form.returnedBody')}</p>
              <ul data-testid="safe-return-comments">
                {response.comments.map((c) => {
                  const question = c.questionId ? questions.get(c.questionId) : undefined;
                  return (
                    <li key={c.id}>
                      {question
                        ? t('safeAssessment.form.commentOn', {
                            question: localised(question.label, language),
                          })
                        : t('safeAssessment.form.commentGeneral')}{' '}
                      {c.text} <span className="muted small">— {c.authorName}</span>
                    </li>
                  );
                })}
              </ul>
            </Alert>
          ) : null}
          {response.status === 'submitted' ? (
            <Alert tone="info" title={t('safeAssessment.form.readOnly')}>
              <p>{t('safeAssessment.form.readOnlyBody')}</p>
            </Alert>
          ) : !editable ? (
            <Alert tone="info" title={t('safeAssessment.form.notEditable')} />
          ) : null}
          {editable && status === 'not_started' ? (
            <p>
              <button
                type="button"
                className="btn btn--secondary"
                disabled={form.busy}
                onClick={copyPrevious}
                data-testid="safe-copy-previous"
              >
                {t('safeAssessment.form.copyPrevious')}
              </button>
            </p>
          ) : null}
          <ErrorSummary
            ref={form.summaryRef}
            failure={form.failure}
            failureTitle={t('safeAssessment.form.submitFailedTitle')}
            errors={form.summaryErrors}
            fieldIdPrefix="q-"
          />
          <QuestionnaireSections
            form={form}
            definition={definition}
            disabled={!editable}
            renderEvidence={renderEvidence}
            after={(question) => {
              const fact = facts.get(question.id);
              return fact ? <MeasuredNote fact={fact} /> : null;
            }}
          />
          <QuestionnaireSubmit
            form={form}
            editable={editable}
            texts="safeAssessment.form"
            testId="safe-submit"
            confirmTestId="safe-confirm-submit"
            onConfirm={submit}
          />
        </div>
      </div>
    </>
  );
}
