import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon.js';
import { formatTime } from '../../lib/format.js';
import type { AutosaveSnapshot } from './autosave-queue.js';
import { localised } from './localised.js';
import type { QuestionnaireProgress } from './questionnaire-form.js';
import './questionnaire.css';

/** The questionnaire's sections with how far each one is; sections that do not apply say so. */
export function QuestionnaireOutline({ progress }: { progress: QuestionnaireProgress }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  return (
    <nav className="saq-outline" aria-labelledby={headingId} data-testid="saq-outline">
      <h2 id={headingId} className="saq-outline__title">
        {t('questionnaire.sections')}
      </h2>
      <ProgressBar
        answered={progress.answered}
        required={progress.required}
        label={t('questionnaire.overallProgress', {
          answered: progress.answered,
          required: progress.required,
        })}
      />
      <ol className="saq-outline__list">
        {progress.sections.map(({ section, shown, answered, required, complete }) => (
          <li key={section.id} className={shown ? undefined : 'saq-outline__item--skipped'}>
            {shown ? (
              <a href={`#section-${section.id}`} className="saq-outline__link">
                <span className="saq-outline__name">{localised(section.title, i18n.language)}</span>
                <span className="saq-outline__count" data-testid={`saq-outline-count-${section.id}`}>
                  {complete ? <Icon name="check" size={14} label={t('questionnaire.complete')} /> : null}
                  {t('questionnaire.count', { answered, required })}
                </span>
              </a>
            ) : (
              <span className="saq-outline__link">
                <span className="saq-outline__name">{localised(section.title, i18n.language)}</span>
                <span className="saq-outline__count">{t('questionnaire.notApplicable')}</span>
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** A native progress bar (announced as such) with its value in words beside it. */
export function ProgressBar({
  answered,
  required,
  label,
}: {
  answered: number;
  required: number;
  label: string;
}) {
  return (
    <div className="saq-progress">
      <progress
        className="saq-progress__bar"
        value={answered}
        max={Math.max(required, 1)}
        aria-label={label}
      />
      <span className="saq-progress__text small">{label}</span>
    </div>
  );
}

/** Where the autosave stands, in words; failures offer to try again. */
export function SaveStatus({ snapshot, onRetry }: { snapshot: AutosaveSnapshot; onRetry(): void }) {
  const { t, i18n } = useTranslation();
  const { state, savedAt, failure } = snapshot;
  const text =
    state === 'idle'
      ? t('questionnaire.save.idle')
      : state === 'pending'
        ? t('questionnaire.save.pending')
        : state === 'saving'
          ? t('common.saving')
          : state === 'saved'
            ? savedAt
              ? t('questionnaire.save.savedAt', { time: formatTime(savedAt, i18n.language) })
              : t('questionnaire.save.saved')
            : failure
              ? t('questionnaire.save.failed')
              : t('questionnaire.save.refused');
  return (
    <div className={`save-status save-status--${state}`}>
      <p role="status" data-testid="saq-save-status" data-state={state}>
        <Icon name={state === 'error' ? 'alert' : state === 'saved' ? 'check' : 'clock'} size={16} />
        <span>{text}</span>
      </p>
      {state === 'error' && failure ? (
        <button type="button" className="btn btn--secondary btn--small" onClick={onRetry}>
          {t('common.tryAgain')}
        </button>
      ) : null}
    </div>
  );
}
