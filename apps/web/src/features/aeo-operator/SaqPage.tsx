import type {
  AeoApplicationDetail,
  AeoApplicationQuestionnaire,
  Document,
  Question,
} from '@aeolus/contracts';
import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert } from '../../components/Alert.js';
import { Badge } from '../../components/Badge.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { Icon } from '../../components/Icon.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { useNotices } from '../../components/Notices.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ApiError } from '../../lib/api.js';
import { useResource } from '../../lib/use-resource.js';
import { latestPayloadText } from './case-view.js';
import { operatorApi } from './operator-api.js';
import { localised } from './operator-format.js';
import { QuestionField } from './QuestionField.js';
import { ProgressBar, SaqOutline, SaveStatus } from './SaqOutline.js';
import { type AnswerProblemView, answerProblems, hiddenAnswerIds, saqProgress } from './saq-form.js';
import { caseErrorMessage, problemText } from './saq-problems.js';
import { useSaqAutosave } from './use-saq-autosave.js';

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
  const autosave = useSaqAutosave(detail.id, detail.answers, editable);
  const { answers, snapshot } = autosave;
  const profile = useMemo(() => ({ isSme: questionnaire.variant === 'sme' }), [questionnaire.variant]);
  const progress = useMemo(() => saqProgress(definition, answers, profile), [definition, answers, profile]);
  const questions = useMemo(
    () => new Map(definition.sections.flatMap((s) => s.questions.map((q) => [q.id, q] as const))),
    [definition],
  );
  const [documents, setDocuments] = useState(() => new Map(initialDocuments.map((d) => [d.id, d])));
  const [submitProblems, setSubmitProblems] = useState<Record<string, AnswerProblemView>>({});
  const [submitFailure, setSubmitFailure] = useState<string>();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const submitHeadingId = useId();
  const returnReason =
    detail.status === 'returned' ? latestPayloadText(detail, 'return_incomplete', 'reason') : null;

  const evidence = {
    applicationId: detail.id,
    documents,
    onUploaded: (document: Document) => setDocuments((map) => new Map(map).set(document.id, document)),
  };

  function answer(question: Question, value: unknown, options?: { immediate?: boolean }) {
    if (Object.hasOwn(submitProblems, question.id)) {
      const { [question.id]: _fixed, ...rest } = submitProblems;
      setSubmitProblems(rest);
    }
    autosave.setAnswer(question.id, value, options);
  }

  const messageFor = (questionId: string): string | undefined => {
    const problem = submitProblems[questionId] ?? snapshot.problems[questionId];
    return problem ? problemText(t, language, questions.get(questionId), problem) : undefined;
  };

  async function submit() {
    setBusy(true);
    setSubmitFailure(undefined);
    setSubmitProblems({});
    try {
      // Answers left on questions hidden since are kept while drafting, but a submission refuses them.
      autosave.clearAnswers(hiddenAnswerIds(definition, answers, profile));
      if (!(await autosave.drain())) {
        setSubmitFailure(t('aeoOperator.saq.submitUnsaved'));
        return;
      }
      await operatorApi.act(detail.id, { type: 'submit' });
      notify(t('aeoOperator.saq.submitted', { reference: detail.reference }));
      navigate(`/operator/aeo-status/${detail.id}`);
    } catch (error) {
      const { byQuestion, general } =
        error instanceof ApiError && error.code === 'VALIDATION_FAILED'
          ? answerProblems(error.details)
          : { byQuestion: {}, general: [] };
      if (Object.keys(byQuestion).length > 0 || general.length > 0) {
        setSubmitProblems(byQuestion);
        setSubmitFailure(t('aeoOperator.saq.submitRefused', { count: Object.keys(byQuestion).length }));
      } else {
        setSubmitFailure(caseErrorMessage(t, error, language));
      }
    } finally {
      setBusy(false);
      setConfirming(false);
      // After the dialog has closed (it gives focus back to its opener), move focus to the summary.
      window.setTimeout(() => summaryRef.current?.focus(), 0);
    }
  }

  const summaryErrors = Object.fromEntries(
    Object.entries(submitProblems).map(([id, problem]) => {
      const question = questions.get(id);
      const label = question ? localised(question.label, language) : id;
      return [id, `${label} — ${problemText(t, language, question, problem)}`];
    }),
  );

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
          <SaqOutline progress={progress} />
        </aside>
        <div className="saq-layout__main">
          <div className="saq-toolbar">
            {editable ? <SaveStatus snapshot={snapshot} onRetry={autosave.retry} /> : <span />}
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
            ref={summaryRef}
            failure={submitFailure}
            failureTitle={t('aeoOperator.saq.submitFailedTitle')}
            errors={summaryErrors}
            fieldIdPrefix="q-"
          />
          {progress.sections
            .filter((s) => s.shown)
            .map(({ section, questions: visible, answered, required }) => (
              <section
                key={section.id}
                id={`section-${section.id}`}
                className="panel saq-section"
                aria-labelledby={`section-${section.id}-title`}
                data-testid="saq-section"
              >
                <div className="panel__header">
                  <div>
                    <h2 id={`section-${section.id}-title`} className="panel__title">
                      {localised(section.title, language)}
                    </h2>
                    {section.description ? (
                      <p className="panel__description">{localised(section.description, language)}</p>
                    ) : null}
                  </div>
                  <ProgressBar
                    answered={answered}
                    required={required}
                    label={t('aeoOperator.saq.count', { answered, required })}
                  />
                </div>
                <div className="panel__body saq-section__questions">
                  {visible.map((question) => (
                    <QuestionField
                      key={question.id}
                      definition={definition}
                      question={question}
                      value={answers[question.id]}
                      error={messageFor(question.id)}
                      disabled={!editable}
                      evidence={evidence}
                      onAnswer={(value, options) => answer(question, value, options)}
                    />
                  ))}
                </div>
              </section>
            ))}
          {editable ? (
            <section className="panel" aria-labelledby={submitHeadingId}>
              <div className="panel__header">
                <div>
                  <h2 id={submitHeadingId} className="panel__title">
                    {t('aeoOperator.saq.submitTitle')}
                  </h2>
                  <p className="panel__description">
                    {progress.complete
                      ? t('aeoOperator.saq.readyToSubmit')
                      : t('aeoOperator.saq.notReady', { count: progress.required - progress.answered })}
                  </p>
                </div>
              </div>
              <div className="panel__body">
                <div className="form__actions">
                  <button
                    type="button"
                    className="btn btn--primary"
                    data-testid="saq-submit"
                    disabled={busy}
                    onClick={() => setConfirming(true)}
                  >
                    {t('aeoOperator.saq.submit')}
                  </button>
                </div>
              </div>
            </section>
          ) : null}
        </div>
      </div>
      <ConfirmDialog
        open={confirming}
        title={t('aeoOperator.saq.confirmTitle')}
        confirmLabel={t('aeoOperator.saq.submit')}
        tone="primary"
        busy={busy}
        confirmTestId="saq-confirm-submit"
        onConfirm={submit}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('aeoOperator.saq.confirmBody')}</p>
      </ConfirmDialog>
    </>
  );
}
