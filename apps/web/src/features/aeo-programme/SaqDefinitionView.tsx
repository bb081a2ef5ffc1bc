import type { Condition, Question, QuestionnaireDefinition, Tags } from '@aeolus/contracts';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge.js';
import type { Language } from './ProgrammeForm.js';

/** A condition as a short formula over question ids, e.g. `breaches = true and staff ≥ 10`. */
export function conditionText(condition: Condition): string {
  if ('all' in condition) return condition.all.map(conditionText).join(' ∧ ');
  if ('any' in condition) return `(${condition.any.map(conditionText).join(' ∨ ')})`;
  if ('not' in condition) return `¬(${conditionText(condition.not)})`;
  if ('equals' in condition) return `${condition.question} = ${JSON.stringify(condition.equals)}`;
  if ('in' in condition) return `${condition.question} ∈ ${JSON.stringify(condition.in)}`;
  if ('gte' in condition) return `${condition.question} ≥ ${condition.gte}`;
  if ('lte' in condition) return `${condition.question} ≤ ${condition.lte}`;
  return `${condition.question} ${condition.answered ? '≠ ∅' : '= ∅'}`;
}

function TagBadges({
  definition,
  tags,
  language,
}: {
  definition: QuestionnaireDefinition;
  tags: Tags;
  language: Language;
}) {
  const labels = Object.entries(tags).flatMap(([dimensionId, values]) => {
    const dimension = definition.dimensions.find((d) => d.id === dimensionId);
    return values.map((value) => {
      const label = dimension?.values.find((v) => v.id === value)?.label[language] ?? value;
      return { key: `${dimensionId}:${value}`, text: `${value}. ${label}` };
    });
  });
  return labels.map((l) => (
    <Badge key={l.key} tone="info">
      {l.text}
    </Badge>
  ));
}

function QuestionItem({
  question,
  number,
  language,
}: {
  question: Question;
  number: number;
  language: Language;
}) {
  const { t } = useTranslation();
  return (
    <li className="saq-question" data-testid={`saq-question-${question.id}`}>
      <div className="saq-question__head">
        <span className="saq-question__number">{number}</span>
        <span className="saq-question__label">{question.label[language]}</span>
      </div>
      <div className="badges">
        <Badge>{t(`aeoProgramme.saq.questionType.${question.type}`)}</Badge>
        {question.required ? null : <Badge>{t('aeoProgramme.saq.optional')}</Badge>}
        {question.audience === 'sme' ? <Badge tone="accent">{t('aeoProgramme.saq.smeOnly')}</Badge> : null}
        {question.audience === 'non_sme' ? (
          <Badge tone="accent">{t('aeoProgramme.saq.nonSmeOnly')}</Badge>
        ) : null}
        <code className="small">{question.id}</code>
      </div>
      {question.guidance ? <p className="muted small">{question.guidance[language]}</p> : null}
      {question.showIf ? (
        <p className="small">
          {t('aeoProgramme.saq.shownWhen')} <code>{conditionText(question.showIf)}</code>
        </p>
      ) : null}
      {question.type === 'single_choice' || question.type === 'multiple_choice' ? (
        <ul className="saq-options">
          {question.options.map((option) => (
            <li key={option.id}>{option.label[language]}</li>
          ))}
        </ul>
      ) : null}
      {question.type === 'evidence' ? (
        <p className="muted small">
          {t('aeoProgramme.saq.accepts', {
            types: question.acceptedTypes.join(', '),
            count: question.maxFiles,
          })}
        </p>
      ) : null}
    </li>
  );
}

/**
 * A SAQ version read-only, in one variant: the sections and questions a respondent of that profile is
 * given (the list of ids comes from the server's engine, so the view and the application agree).
 */
export function SaqDefinitionView({
  definition,
  questionIds,
  language,
}: {
  definition: QuestionnaireDefinition;
  questionIds: readonly string[];
  language: Language;
}) {
  const { t } = useTranslation();
  const included = new Set(questionIds);
  let number = 0;
  return (
    <div className="saq-sections" data-testid="saq-sections">
      {definition.sections.map((section) => {
        const questions = section.questions.filter((q) => included.has(q.id));
        if (questions.length === 0) return null;
        return (
          <section key={section.id} className="saq-section" aria-labelledby={`saq-section-${section.id}`}>
            <h3 id={`saq-section-${section.id}`} className="saq-section__title">
              {section.title[language]}
            </h3>
            <div className="badges">
              <TagBadges definition={definition} tags={section.tags} language={language} />
              {section.showIf ? (
                <Badge>
                  {t('aeoProgramme.saq.shownWhen')} {conditionText(section.showIf)}
                </Badge>
              ) : null}
            </div>
            {section.description ? <p className="muted">{section.description[language]}</p> : null}
            <ol className="saq-questions">
              {questions.map((question) => {
                number += 1;
                return (
                  <QuestionItem key={question.id} question={question} number={number} language={language} />
                );
              })}
            </ol>
          </section>
        );
      })}
    </div>
  );
}
