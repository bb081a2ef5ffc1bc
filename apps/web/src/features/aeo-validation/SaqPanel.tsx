import type { AeoApplicationDetail, Document } from '@aeolus/contracts';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { Panel } from '../../components/Panel.js';
import { formatDate } from '../../lib/format.js';
import { useResource } from '../../lib/use-resource.js';
import { EvidenceList } from './EvidenceList.js';
import { type AnswerView, viewAnswers } from './saq-answers.js';
import { validationApi } from './validation-api.js';

/**
 * The operator's self-assessment, read-only, against the questionnaire version the application pinned.
 * One collapsible block per section, with how many of its questions were answered.
 */
export function SaqPanel({
  detail,
  documents,
}: {
  detail: AeoApplicationDetail;
  documents: ReadonlyMap<string, Document>;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'fr' ? 'fr' : 'en';
  const saq = useResource((signal) => validationApi.questionnaire(detail.id, signal), detail.id);
  const sections = saq.data ? viewAnswers(saq.data.definition, detail.answers, saq.data.variant) : [];

  return (
    <Panel
      title={t('aeoValidation.saq.title')}
      description={
        saq.data
          ? t('aeoValidation.saq.lead', {
              title: saq.data.definition.title[language],
              version: String(saq.data.definition.version),
              variant: t(`aeoValidation.saq.variant.${saq.data.variant}`),
            })
          : undefined
      }
    >
      {saq.status === 'error' ? (
        <LoadError title={t('aeoValidation.saq.loadFailed')} error={saq.error} />
      ) : null}
      {saq.status === 'loading' && !saq.data ? <Loading label={t('common.loading')} /> : null}
      <div className="aeo-saq" data-testid="aeo-saq">
        {sections.map((section) => {
          const answered = section.questions.filter((q) => q.answer.kind !== 'none').length;
          return (
            <details key={section.id} className="aeo-saq__section" data-testid="aeo-saq-section">
              <summary>
                <span className="aeo-saq__title">{section.title[language]}</span>{' '}
                <span className="muted small">
                  {t('aeoValidation.saq.answered', { count: answered, total: section.questions.length })}
                </span>
              </summary>
              <dl className="facts">
                {section.questions.map((q) => (
                  <div key={q.id}>
                    <dt>{q.label[language]}</dt>
                    <dd>
                      <Answer
                        answer={q.answer}
                        documents={documents}
                        language={language}
                        locale={i18n.language}
                      />
                    </dd>
                  </div>
                ))}
              </dl>
            </details>
          );
        })}
      </div>
    </Panel>
  );
}

function Answer({
  answer,
  documents,
  language,
  locale,
}: {
  answer: AnswerView;
  documents: ReadonlyMap<string, Document>;
  language: 'en' | 'fr';
  locale: string;
}) {
  const { t } = useTranslation();
  switch (answer.kind) {
    case 'none':
      return <span className="muted">{t('aeoValidation.saq.notAnswered')}</span>;
    case 'yesNo':
      return <>{answer.value ? t('aeoValidation.saq.yes') : t('aeoValidation.saq.no')}</>;
    case 'text':
      return <span className="aeo-saq__text">{answer.value}</span>;
    case 'date':
      return <>{formatDate(answer.value, locale)}</>;
    case 'number':
      return (
        <>
          {new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB').format(answer.value)}
          {answer.unit ? ` ${answer.unit[language]}` : ''}
        </>
      );
    case 'options':
      return <>{answer.labels.map((l) => l[language]).join(' · ')}</>;
    case 'maturity':
      return (
        <>
          {t('aeoValidation.saq.level', { level: answer.level })}
          {answer.label ? ` — ${answer.label[language]}` : ''}
        </>
      );
    case 'documents':
      return <EvidenceList ids={answer.ids} documents={documents} />;
    case 'raw':
      return <code className="break">{answer.value}</code>;
    default:
      return answer satisfies never;
  }
}
