import type { Question, QuestionnaireDefinition, QuestionnaireProfile } from '@aeolus/contracts';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api.js';
import { localised } from './localised.js';
import {
  type AnswerProblemView,
  type Answers,
  answerProblems,
  hiddenAnswerIds,
  questionnaireProgress,
} from './questionnaire-form.js';
import { problemText } from './questionnaire-problems.js';
import { useAnswersAutosave } from './use-answers-autosave.js';

export interface SubmitMessages {
  /** Some answers could not be saved before submitting. */
  unsaved: string;
  /** The server refused `count` answers. */
  refused(count: number): string;
  /** Any other failure, in the page's own words. */
  failure(error: unknown): string;
}

/**
 * A questionnaire being answered and submitted, whatever it belongs to (an AEO application, a SAFE
 * monitoring response): the answers with their autosave, progress, the problems the server found (per
 * question, with the summary's texts) and the submission, which clears hidden answers, saves what is
 * waiting, sends, and on refusal maps the problems back to their questions.
 */
export function useQuestionnaireForm({
  key,
  definition,
  initial,
  editable,
  profile,
  save,
}: {
  key: string;
  definition: QuestionnaireDefinition;
  initial: Answers;
  editable: boolean;
  profile: QuestionnaireProfile;
  save(patch: Answers): Promise<unknown>;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const autosave = useAnswersAutosave({ key, initial, editable, save });
  const { answers, snapshot } = autosave;
  const progress = useMemo(
    () => questionnaireProgress(definition, answers, profile),
    [definition, answers, profile],
  );
  const questions = useMemo(
    () => new Map(definition.sections.flatMap((s) => s.questions.map((q) => [q.id, q] as const))),
    [definition],
  );
  const [submitProblems, setSubmitProblems] = useState<Record<string, AnswerProblemView>>({});
  const [failure, setFailure] = useState<string>();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);

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

  const summaryErrors = Object.fromEntries(
    Object.entries(submitProblems).map(([id, problem]) => {
      const question = questions.get(id);
      const label = question ? localised(question.label, language) : id;
      return [id, `${label} — ${problemText(t, language, question, problem)}`];
    }),
  );

  /** Submits with `send`; true when it went through (the caller then moves on). */
  async function submit(send: () => Promise<void>, messages: SubmitMessages): Promise<boolean> {
    setBusy(true);
    setFailure(undefined);
    setSubmitProblems({});
    try {
      // Answers left on questions hidden since are kept while drafting, but a submission refuses them.
      autosave.clearAnswers(hiddenAnswerIds(definition, answers, profile));
      if (!(await autosave.drain())) {
        setFailure(messages.unsaved);
        return false;
      }
      await send();
      return true;
    } catch (error) {
      const { byQuestion, general } =
        error instanceof ApiError && error.code === 'VALIDATION_FAILED'
          ? answerProblems(error.details)
          : { byQuestion: {}, general: [] };
      if (Object.keys(byQuestion).length > 0 || general.length > 0) {
        setSubmitProblems(byQuestion);
        setFailure(messages.refused(Object.keys(byQuestion).length));
      } else {
        setFailure(messages.failure(error));
      }
      return false;
    } finally {
      setBusy(false);
      setConfirming(false);
      // After the dialog has closed (it gives focus back to its opener), move focus to the summary.
      window.setTimeout(() => summaryRef.current?.focus(), 0);
    }
  }

  return {
    autosave,
    answers,
    snapshot,
    progress,
    answer,
    messageFor,
    summaryErrors,
    summaryRef,
    failure,
    setFailure,
    busy,
    setBusy,
    confirming,
    setConfirming,
    submit,
  };
}

export type QuestionnaireForm = ReturnType<typeof useQuestionnaireForm>;
