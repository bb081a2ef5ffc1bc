import {
  answerOf,
  isEmptyAnswer,
  type LocalisedText,
  maturityLevelsOf,
  type Question,
  type QuestionnaireDefinition,
  resolveVisibility,
} from '@aeolus/contracts';

/**
 * The submitted self-assessment, read-only, section by section: only the questions the operator was
 * shown (same visibility rules as the server, from the contracts), each with its answer in a form the
 * page can print in either language.
 */

export type AnswerView =
  | { kind: 'none' }
  | { kind: 'yesNo'; value: boolean }
  | { kind: 'text'; value: string }
  | { kind: 'date'; value: string }
  | { kind: 'number'; value: number; unit: LocalisedText | undefined }
  | { kind: 'options'; labels: LocalisedText[] }
  | { kind: 'maturity'; level: number; label: LocalisedText | undefined }
  | { kind: 'documents'; ids: string[] }
  /** The stored value does not fit the question (e.g. an answer to an older version): shown as it is. */
  | { kind: 'raw'; value: string };

export interface QuestionView {
  id: string;
  label: LocalisedText;
  answer: AnswerView;
}

export interface SectionView {
  id: string;
  title: LocalisedText;
  questions: QuestionView[];
}

const raw = (value: unknown): AnswerView => ({ kind: 'raw', value: JSON.stringify(value) });

export function viewAnswer(
  definition: QuestionnaireDefinition,
  question: Question,
  value: unknown,
): AnswerView {
  if (isEmptyAnswer(value)) return { kind: 'none' };
  switch (question.type) {
    case 'yes_no':
      return typeof value === 'boolean' ? { kind: 'yesNo', value } : raw(value);
    case 'text':
      return typeof value === 'string' ? { kind: 'text', value } : raw(value);
    case 'date':
      return typeof value === 'string' ? { kind: 'date', value } : raw(value);
    case 'number':
      return typeof value === 'number' ? { kind: 'number', value, unit: question.unit } : raw(value);
    case 'single_choice':
    case 'multiple_choice': {
      const chosen = Array.isArray(value) ? value : [value];
      const labels = chosen.map((id) => question.options.find((o) => o.id === id)?.label);
      return labels.every((l) => l !== undefined) ? { kind: 'options', labels } : raw(value);
    }
    case 'maturity': {
      if (typeof value !== 'number' || !Number.isInteger(value)) return raw(value);
      return {
        kind: 'maturity',
        level: value,
        label: maturityLevelsOf(definition, question)?.[value]?.label,
      };
    }
    case 'evidence':
      return Array.isArray(value) && value.every((v) => typeof v === 'string')
        ? { kind: 'documents', ids: value }
        : raw(value);
    default:
      return question satisfies never;
  }
}

export function viewAnswers(
  definition: QuestionnaireDefinition,
  answers: Record<string, unknown>,
  variant: 'standard' | 'sme',
): SectionView[] {
  const visibility = resolveVisibility(definition, answers, { isSme: variant === 'sme' });
  return definition.sections
    .map((section) => ({
      id: section.id,
      title: section.title,
      questions: section.questions
        .filter((q) => visibility.get(q.id) === 'visible')
        .map((q) => ({
          id: q.id,
          label: q.label,
          answer: viewAnswer(definition, q, answerOf(answers, q.id)),
        })),
    }))
    .filter((section) => section.questions.length > 0);
}
