import type {
  AnswerProblem,
  AnswerProblemCode,
  Question,
  QuestionnaireDefinition,
  QuestionnaireProfile,
  ResponseValidation,
  ValidationMode,
} from '@aeolus/contracts';
import { AppError } from '../errors.js';
import { answerOf, isEmptyAnswer } from './questionnaire.conditions.js';
import { indexDefinition, resolveVisibility } from './questionnaire.engine.js';

/** What the engine needs to know about an uploaded document; the caller loads it (the engine does no I/O). */
export interface DocumentInfo {
  mediaType: string;
}

export interface ValidateResponseOptions {
  profile: QuestionnaireProfile;
  /** Default `submit`. */
  mode?: ValidationMode;
  /** When given, evidence answers must name known documents of an accepted type. */
  lookupDocument?: (documentId: string) => DocumentInfo | undefined;
}

export interface AnswerIssue {
  code: AnswerProblemCode;
  message: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MAX_UNKNOWN_REPORTED = 50;

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const issue = (code: AnswerProblemCode, message: string): AnswerIssue => ({ code, message });
const list = (ids: readonly string[]) => ids.map((id) => `'${id}'`).join(', ');

function checkSelection(
  question: Extract<Question, { type: 'multiple_choice' }>,
  value: unknown,
): AnswerIssue[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
    return [issue('invalid_type', 'must be a list of option ids')];
  const offered = question.options.map((o) => o.id);
  const issues: AnswerIssue[] = [];
  const unknown = value.filter((v) => !offered.includes(v));
  if (unknown.length > 0)
    issues.push(issue('unknown_option', `${list(unknown)} not among the choices offered: ${list(offered)}`));
  if (new Set(value).size !== value.length) issues.push(issue('duplicate_option', 'lists an option twice'));
  const exclusive = question.options.filter((o) => o.exclusive && value.includes(o.id));
  if (exclusive.length > 0 && new Set(value).size > 1)
    issues.push(
      issue('exclusive_option', `${list(exclusive.map((o) => o.id))} cannot be combined with others`),
    );
  if (question.minSelected !== undefined && value.length < question.minSelected)
    issues.push(issue('too_few_selected', `select at least ${question.minSelected}`));
  if (question.maxSelected !== undefined && value.length > question.maxSelected)
    issues.push(issue('too_many_selected', `select at most ${question.maxSelected}`));
  return issues;
}

function checkNumber(question: Extract<Question, { type: 'number' }>, value: unknown): AnswerIssue[] {
  if (typeof value !== 'number' || !Number.isFinite(value))
    return [issue('invalid_type', 'must be a number')];
  if (question.integer && !Number.isInteger(value)) return [issue('not_integer', 'must be a whole number')];
  if (question.min !== undefined && value < question.min)
    return [issue('out_of_range', `must be at least ${question.min}`)];
  if (question.max !== undefined && value > question.max)
    return [issue('out_of_range', `must be at most ${question.max}`)];
  return [];
}

function checkEvidence(
  question: Extract<Question, { type: 'evidence' }>,
  value: unknown,
  lookup: ValidateResponseOptions['lookupDocument'],
): AnswerIssue[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && UUID.test(v)))
    return [issue('invalid_type', 'must be a list of document ids')];
  const issues: AnswerIssue[] = [];
  if (new Set(value).size !== value.length)
    issues.push(issue('duplicate_document', 'lists a document twice'));
  if (value.length > question.maxFiles)
    issues.push(issue('too_many_files', `attach at most ${question.maxFiles} documents`));
  if (!lookup) return issues;
  for (const id of value) {
    const document = lookup(id);
    if (!document) issues.push(issue('unknown_document', `document '${id}' not found`));
    else if (!(question.acceptedTypes as readonly string[]).includes(document.mediaType))
      issues.push(
        issue(
          'document_type_not_accepted',
          `document '${id}' is ${document.mediaType}; accepted: ${question.acceptedTypes.join(', ')}`,
        ),
      );
  }
  return issues;
}

/** Checks a non-empty answer against its question; an empty list means the answer fits. */
export function checkAnswer(
  question: Question,
  value: unknown,
  lookupDocument?: ValidateResponseOptions['lookupDocument'],
): AnswerIssue[] {
  switch (question.type) {
    case 'yes_no':
      return typeof value === 'boolean' ? [] : [issue('invalid_type', 'must be true (yes) or false (no)')];
    case 'single_choice': {
      if (typeof value !== 'string') return [issue('invalid_type', 'must be one option id')];
      const offered = question.options.map((o) => o.id);
      return offered.includes(value)
        ? []
        : [issue('unknown_option', `'${value}' is not among the choices offered: ${list(offered)}`)];
    }
    case 'multiple_choice':
      return checkSelection(question, value);
    case 'maturity':
      if (typeof value !== 'number' || !Number.isFinite(value))
        return [issue('invalid_type', 'must be a maturity level from 0 to 4')];
      if (!Number.isInteger(value)) return [issue('not_integer', 'must be a whole level from 0 to 4')];
      return value >= 0 && value <= 4 ? [] : [issue('out_of_range', 'must be a maturity level from 0 to 4')];
    case 'number':
      return checkNumber(question, value);
    case 'date':
      if (typeof value !== 'string' || !isIsoDate(value))
        return [issue('invalid_date', 'must be a calendar date written YYYY-MM-DD')];
      if (question.min !== undefined && value < question.min)
        return [issue('out_of_range', `must be on or after ${question.min}`)];
      if (question.max !== undefined && value > question.max)
        return [issue('out_of_range', `must be on or before ${question.max}`)];
      return [];
    case 'text':
      if (typeof value !== 'string') return [issue('invalid_type', 'must be text')];
      return value.length > question.maxLength
        ? [issue('too_long', `must be at most ${question.maxLength} characters`)]
        : [];
    case 'evidence':
      return checkEvidence(question, value, lookupDocument);
    default:
      return question satisfies never;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Validates answers against ONE definition version and collects every problem (never stops at the
 * first). `draft` is for autosave: it checks the answers given and lets required ones wait; answers to
 * questions hidden by a condition are kept (flipping the gate question back restores them) but are
 * never scored. `submit` also requires every visible required question and refuses hidden answers.
 * Answers to questions the profile never sees (a full-SAQ question sent by an SME) are refused in both.
 */
export function validateResponse(
  definition: QuestionnaireDefinition,
  answers: unknown,
  options: ValidateResponseOptions,
): ResponseValidation {
  if (!isPlainObject(answers)) {
    const problem: AnswerProblem = {
      path: 'answers',
      code: 'invalid_answers',
      message: 'must be an object keyed by question id',
    };
    return { ok: false, problems: [problem] };
  }
  const mode = options.mode ?? 'submit';
  const index = indexDefinition(definition);
  const visibility = resolveVisibility(definition, answers, options.profile);
  const problems: AnswerProblem[] = [];
  const add = (id: string, found: AnswerIssue) => problems.push({ path: `answers.${id}`, ...found });

  for (const { question } of index.entries) {
    const value = answerOf(answers, question.id);
    const state = visibility.get(question.id);
    const isEmpty = isEmptyAnswer(value);
    if (state === 'not_for_profile' && !isEmpty) {
      const variant = options.profile.isSme ? 'the SME variant' : 'the full questionnaire';
      add(question.id, issue('hidden_question', `is not part of ${variant}`));
      continue;
    }
    if (state !== 'visible' && !isEmpty && mode === 'submit') {
      add(
        question.id,
        issue('hidden_question', 'is not shown for these answers, so it must not be answered'),
      );
      continue;
    }
    if (isEmpty) {
      if (state === 'visible' && mode === 'submit' && question.required)
        add(question.id, issue('required', 'is required'));
      continue;
    }
    for (const found of checkAnswer(question, value, options.lookupDocument)) add(question.id, found);
  }

  const unknown = Object.keys(answers).filter((id) => !index.byId.has(id));
  for (const id of unknown.slice(0, MAX_UNKNOWN_REPORTED)) {
    problems.push({
      path: `answers.${id}`,
      code: 'unknown_question',
      message: 'is not a question of this version',
    });
  }
  if (unknown.length > MAX_UNKNOWN_REPORTED) {
    const more = unknown.length - MAX_UNKNOWN_REPORTED;
    problems.push({
      path: 'answers',
      code: 'unknown_question',
      message: `${more} more unknown question ids`,
    });
  }
  return { ok: problems.length === 0, problems };
}

/** `validateResponse`, throwing VALIDATION_FAILED (400) with every field problem when anything is wrong. */
export function assertValidResponse(
  definition: QuestionnaireDefinition,
  answers: unknown,
  options: ValidateResponseOptions,
): void {
  const result = validateResponse(definition, answers, options);
  if (!result.ok) throw AppError.validation(result.problems);
}

/** Autosave: applies a patch to stored answers; `null` clears an answer. */
export function mergeAnswers(
  current: Record<string, unknown>,
  patch: Record<string, unknown>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...current };
  for (const [id, value] of Object.entries(patch)) {
    if (value === null) delete merged[id];
    // defineProperty, not assignment: an id such as `__proto__` must stay data, not reach the prototype.
    else Object.defineProperty(merged, id, { value, enumerable: true, writable: true, configurable: true });
  }
  return merged;
}
