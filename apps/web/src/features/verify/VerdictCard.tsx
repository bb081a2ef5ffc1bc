import type { AeoCertificateStatus } from '@aeolus/contracts';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon.js';
import { type ReasonKey, TONE, type Verdict } from './verdict.js';

export interface Fact {
  label: string;
  value: ReactNode;
  testId: string;
}

const LOCALE_TAGS: Record<string, string> = { en: 'en-GB', fr: 'fr-FR' };

function formatTime(date: Date, language: string): string {
  return new Intl.DateTimeFormat(LOCALE_TAGS[language] ?? language, { timeStyle: 'medium' }).format(date);
}

/**
 * The answer, made to be read at a glance at a border post: a coloured banner with the verdict, the
 * status today in large type (suspended and revoked in red), the reason when the credential fails,
 * then the certificate's details and when it was last checked. The banner is a polite live region:
 * React rewrites it only when the verdict changes, so a suspension during a re-check is announced
 * once and the periodic re-checks are silent.
 */
export function VerdictCard({
  verdict,
  headline,
  text,
  status,
  reason,
  facts,
  children,
  live,
}: {
  verdict: Verdict | 'registerActive' | 'notFound';
  headline: string;
  text: string;
  status: AeoCertificateStatus | null;
  reason?: { key: ReasonKey | undefined; raw: string } | undefined;
  facts: Fact[];
  children?: ReactNode;
  live: { checkedAt: Date | undefined; checking: boolean; intervalSeconds: number; checkAgain(): void };
}) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const tone = TONE[verdict];
  return (
    <section
      className={`verdict verdict--${tone}`}
      aria-labelledby={headingId}
      data-testid="verify-result"
      data-verdict={verdict}
      data-valid={String(verdict === 'valid' || verdict === 'registerActive')}
      data-status={status ?? 'none'}
    >
      <div className="verdict__banner" role="status">
        <span className="verdict__icon" aria-hidden="true">
          <Icon name={tone === 'valid' ? 'check' : 'alert'} size={30} />
        </span>
        <div className="verdict__message">
          <h2 id={headingId} className="verdict__headline" data-testid="verify-headline">
            {headline}
          </h2>
          <p className="verdict__text">{text}</p>
          {reason ? (
            <p className="verdict__reason" data-testid="verify-reason" data-reason={reason.raw}>
              <strong>{t('verify.reason.label')}: </strong>
              {reason.key ? t(`verify.reason.${reason.key}`) : reason.raw}
            </p>
          ) : null}
        </div>
        {status ? (
          <p className={`verdict__status verdict__status--${status}`}>
            <span className="verdict__status-label">{t('verify.status.label')}</span>
            <span className="verdict__status-value" data-testid="verify-status">
              {t(`verify.status.${status}`)}
            </span>
          </p>
        ) : null}
      </div>
      {facts.length > 0 ? (
        <div className="verdict__body">
          <h3 className="visually-hidden">{t('verify.facts.title')}</h3>
          <dl className="facts facts--columns">
            {facts.map((fact) => (
              <div key={fact.testId}>
                <dt>{fact.label}</dt>
                <dd data-testid={fact.testId}>{fact.value}</dd>
              </div>
            ))}
          </dl>
        </div>
      ) : null}
      {children ? <div className="verdict__body">{children}</div> : null}
      <div className="verdict__live" aria-busy={live.checking}>
        <p className="verdict__checked">
          {live.checkedAt ? (
            <span data-testid="verify-checked-at">
              {t('verify.live.checkedAt', { time: formatTime(live.checkedAt, i18n.language) })}
            </span>
          ) : null}
          <span className="muted small">{t('verify.live.auto', { seconds: live.intervalSeconds })}</span>
        </p>
        <button
          type="button"
          className="btn btn--secondary btn--small"
          onClick={live.checkAgain}
          data-testid="verify-check-again"
        >
          <Icon name="switch" size={16} />
          <span>{t('verify.live.checkAgain')}</span>
        </button>
      </div>
    </section>
  );
}
