import {
  isEmptyAnswer,
  maturityLevelsOf,
  type Question,
  type QuestionnaireDefinition,
} from '@aeolus/contracts';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextAreaField, TextField } from '../../components/Field.js';
import { GroupFrame } from './GroupFrame.js';
import { localised } from './localised.js';
import { documentIdsOf, toggleOption } from './questionnaire-form.js';
import './questionnaire.css';

export type AnswerChange = (value: unknown, options?: { immediate?: boolean }) => void;

/** What an evidence question hands to the page's own evidence control (files belong to the page's case). */
export interface EvidenceSlot {
  question: Extract<Question, { type: 'evidence' }>;
  label: string;
  labelSuffix: string | undefined;
  hint: string | undefined;
  error: string | undefined;
  documentIds: readonly string[];
  disabled: boolean;
  onChange(ids: string[]): void;
}

interface FieldProps {
  definition: QuestionnaireDefinition;
  question: Question;
  value: unknown;
  /** The translated problem the server found with this answer. */
  error: string | undefined;
  disabled: boolean;
  /** Renders an evidence question: where files are uploaded and listed depends on the page. */
  renderEvidence(slot: EvidenceSlot): ReactNode;
  onAnswer: AnswerChange;
}

/**
 * One questionnaire question (AEO SAQ, SAFE monitoring), rendered by type. The control (or the first option of a group) has the id
 * `q-<questionId>`, which the submission's error summary links to. The question's guidance is its hint,
 * read with it by screen readers; the server's problem with the answer shows beside it.
 */
export function QuestionField(props: FieldProps) {
  const { question, value, error } = props;
  return (
    <div
      className={`saq-question ${error ? 'field--error' : ''}`.trim()}
      id={`question-${question.id}`}
      data-testid="saq-question"
      data-question-id={question.id}
      data-question-type={question.type}
      data-answered={String(!isEmptyAnswer(value))}
      data-required={String(question.required)}
    >
      <Control {...props} />
    </div>
  );
}

function Control({ definition, question, value, error, disabled, renderEvidence, onAnswer }: FieldProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const id = `q-${question.id}`;
  const label = localised(question.label, language);
  const hint = question.guidance ? localised(question.guidance, language) : undefined;
  const optional = question.required ? undefined : t('common.optional');
  const group = { id, label, optional, hint, error, disabled, value, onAnswer };

  switch (question.type) {
    case 'yes_no':
      return (
        <ChoiceGroup
          {...group}
          inline
          options={[
            { value: true, key: 'yes', label: t('questionnaire.yes') },
            { value: false, key: 'no', label: t('questionnaire.no') },
          ]}
        />
      );
    case 'single_choice':
      return (
        <ChoiceGroup
          {...group}
          options={question.options.map((o) => ({
            value: o.id,
            key: o.id,
            label: localised(o.label, language),
          }))}
        />
      );
    case 'maturity': {
      const levels = maturityLevelsOf(definition, question) ?? [];
      return (
        <ChoiceGroup
          {...group}
          options={levels.map((level, index) => ({
            value: index,
            key: String(index),
            label: t('questionnaire.level', { level: index, name: localised(level.label, language) }),
            description: localised(level.description, language),
          }))}
        />
      );
    }
    case 'multiple_choice': {
      const selected = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
      return (
        <GroupFrame {...group}>
          <div className="checkbox-list">
            {question.options.map((option, index) => (
              <label key={option.id} className="checkbox">
                <input
                  type="checkbox"
                  id={index === 0 ? id : undefined}
                  name={id}
                  value={option.id}
                  checked={selected.includes(option.id)}
                  disabled={disabled}
                  onChange={(e) =>
                    onAnswer(toggleOption(question.options, selected, option.id, e.target.checked), {
                      immediate: true,
                    })
                  }
                />
                <span className="checkbox__text">{localised(option.label, language)}</span>
              </label>
            ))}
          </div>
        </GroupFrame>
      );
    }
    case 'number':
      return (
        <NumberField
          id={id}
          label={label}
          suffix={[question.unit ? `(${localised(question.unit, language)})` : '', optional ?? '']
            .filter(Boolean)
            .join(' ')}
          hint={hint}
          error={error}
          disabled={disabled}
          value={value}
          min={question.min}
          max={question.max}
          integer={question.integer}
          onAnswer={onAnswer}
        />
      );
    case 'date':
      return (
        <TextField
          id={id}
          className="field--short"
          label={label}
          labelSuffix={optional}
          hint={hint}
          error={error}
          type="date"
          min={question.min}
          max={question.max}
          disabled={disabled}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onAnswer(e.target.value, { immediate: true })}
        />
      );
    case 'text':
      return question.multiline ? (
        <TextAreaField
          id={id}
          label={label}
          labelSuffix={optional}
          hint={hint}
          error={error}
          rows={4}
          maxLength={question.maxLength}
          disabled={disabled}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onAnswer(e.target.value)}
        />
      ) : (
        <TextField
          id={id}
          label={label}
          labelSuffix={optional}
          hint={hint}
          error={error}
          maxLength={question.maxLength}
          disabled={disabled}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onAnswer(e.target.value)}
        />
      );
    case 'evidence':
      return renderEvidence({
        question,
        label,
        labelSuffix: optional,
        hint,
        error,
        documentIds: documentIdsOf(value),
        disabled,
        onChange: (ids) => onAnswer(ids, { immediate: true }),
      });
    default:
      return question satisfies never;
  }
}

interface GroupProps {
  id: string;
  label: string;
  optional: string | undefined;
  hint: string | undefined;
  error: string | undefined;
  disabled: boolean;
  value: unknown;
  onAnswer: AnswerChange;
}

interface ChoiceOption {
  value: string | number | boolean;
  key: string;
  label: string;
  description?: string;
}

/** Radio buttons; since a radio cannot be unticked, an answered optional question offers to clear it. */
function ChoiceGroup(props: GroupProps & { options: ChoiceOption[]; inline?: boolean }) {
  const { t } = useTranslation();
  const { id, value, optional, disabled, onAnswer, options, inline = false } = props;
  return (
    <GroupFrame {...props}>
      <div className={inline ? 'choice-row' : 'checkbox-list checkbox-list--single'}>
        {options.map((option, index) => (
          <label key={option.key} className={inline ? 'choice' : 'checkbox'}>
            <input
              type="radio"
              id={index === 0 ? id : undefined}
              name={id}
              value={option.key}
              checked={value === option.value}
              disabled={disabled}
              onChange={() => onAnswer(option.value, { immediate: true })}
            />
            <span className="checkbox__text">
              <span>{option.label}</span>
              {option.description ? <span className="checkbox__hint">{option.description}</span> : null}
            </span>
          </label>
        ))}
      </div>
      {optional && !disabled && !isEmptyAnswer(value) ? (
        <p>
          <button
            type="button"
            className="btn btn--link btn--small"
            onClick={() => onAnswer(null, { immediate: true })}
          >
            {t('questionnaire.clear')}
          </button>
        </p>
      ) : null}
    </GroupFrame>
  );
}

/**
 * A number kept as typed while it is being typed ("1." or "-" are not numbers yet): the answer changes
 * only when the text is a number, or is cleared when the box is emptied.
 */
function NumberField({
  id,
  label,
  suffix,
  hint,
  error,
  disabled,
  value,
  min,
  max,
  integer,
  onAnswer,
}: {
  id: string;
  label: string;
  suffix: string;
  hint: string | undefined;
  error: string | undefined;
  disabled: boolean;
  value: unknown;
  min: number | undefined;
  max: number | undefined;
  integer: boolean;
  onAnswer: AnswerChange;
}) {
  const [text, setText] = useState(typeof value === 'number' ? String(value) : '');
  return (
    <TextField
      id={id}
      className="field--short"
      label={label}
      labelSuffix={suffix || undefined}
      hint={hint}
      error={error}
      type="number"
      inputMode={integer ? 'numeric' : 'decimal'}
      step={integer ? 1 : 'any'}
      min={min}
      max={max}
      disabled={disabled}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const raw = e.target.value.trim();
        if (raw === '') onAnswer(null);
        else if (Number.isFinite(Number(raw))) onAnswer(Number(raw));
      }}
    />
  );
}
