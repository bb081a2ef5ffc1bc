import type { AeoApplicationDetail, AeoProgramme } from '@aeolus/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge.js';
import { CopyButton } from '../../components/CopyButton.js';
import { Icon } from '../../components/Icon.js';
import { formatDate } from '../../lib/format.js';
import { certificatePdfUrl, verificationHref } from './operator-api.js';
import { categoryName } from './programme-view.js';

type Certificate = NonNullable<AeoApplicationDetail['certificate']>;

const STATUS_TONE = { active: 'success', suspended: 'warning', revoked: 'danger' } as const;

/**
 * An AEO certificate as its holder sees it: identifier, category, validity and status, the printable PDF
 * (with its QR code), the signed credential to hand on, and the public page where anyone checks it.
 */
export function CertificateCard({
  certificate,
  programme,
}: {
  certificate: Certificate;
  programme: AeoProgramme | null;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const titleId = useId();
  const credentialId = useId();
  const status = certificate.status as keyof typeof STATUS_TONE;
  return (
    <article
      className="certificate"
      aria-labelledby={titleId}
      data-testid="certificate"
      data-aeo-id={certificate.aeoId}
    >
      <header className="certificate__header">
        <span className="certificate__icon">
          <Icon name="badge" size={24} />
        </span>
        <div>
          <p className="certificate__eyebrow">{t('aeoOperator.certificate.eyebrow')}</p>
          <h3 id={titleId} className="certificate__id">
            <code>{certificate.aeoId}</code>
          </h3>
        </div>
        <span className="badges">
          <Badge tone={STATUS_TONE[status] ?? 'neutral'}>
            {STATUS_TONE[status] ? t(`aeo.certificateStatus.${status}`) : certificate.status}
          </Badge>
          {/* A grant takes effect a few days after the decision (EU: 5 days); until then it is not yet valid. */}
          {Date.parse(certificate.validFrom) > Date.now() ? (
            <Badge tone="info">{t('aeoOperator.certificate.notYetInEffect')}</Badge>
          ) : null}
        </span>
      </header>
      <dl className="facts facts--columns">
        <div>
          <dt>{t('aeoOperator.certificate.category')}</dt>
          <dd>{categoryName(programme, certificate.category, language)}</dd>
        </div>
        <div>
          <dt>{t('aeoOperator.certificate.validFrom')}</dt>
          <dd>{formatDate(certificate.validFrom, language)}</dd>
        </div>
        <div>
          <dt>{t('aeoOperator.certificate.validUntil')}</dt>
          <dd>
            {certificate.validUntil
              ? formatDate(certificate.validUntil, language)
              : t('aeoOperator.certificate.openEnded')}
          </dd>
        </div>
        {certificate.reassessmentDue ? (
          <div>
            <dt>{t('aeoOperator.certificate.reassessment')}</dt>
            <dd>{formatDate(certificate.reassessmentDue, language)}</dd>
          </div>
        ) : null}
      </dl>
      <div className="certificate__actions">
        <a
          className="btn btn--primary"
          href={certificatePdfUrl(certificate.aeoId)}
          download={`AEO-${certificate.aeoId}.pdf`}
          data-testid="certificate-pdf"
        >
          <Icon name="file" />
          {t('aeoOperator.certificate.pdf')}
        </a>
        <a
          className="btn btn--secondary"
          href={verificationHref(certificate.aeoId, certificate.credential)}
          target="_blank"
          rel="noopener"
          data-testid="certificate-verify"
        >
          <Icon name="shield" />
          {t('aeoOperator.certificate.verify')}
          <span className="visually-hidden"> {t('aeoOperator.certificate.newTab')}</span>
        </a>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={credentialId}>
          {t('aeoOperator.certificate.credential')}
        </label>
        <p className="field__hint" id={`${credentialId}-hint`}>
          {t('aeoOperator.certificate.credentialHint')}
        </p>
        <div className="certificate__credential">
          <input
            id={credentialId}
            className="input input--mono"
            readOnly
            value={certificate.credential}
            aria-describedby={`${credentialId}-hint`}
            data-testid="certificate-credential"
            onFocus={(e) => e.currentTarget.select()}
          />
          <CopyButton value={certificate.credential} fallbackInputId={credentialId} />
        </div>
      </div>
    </article>
  );
}
