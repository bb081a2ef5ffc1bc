import type { AeoApplicationDetail } from '@aeolus/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Badge } from '../../components/Badge.js';
import { Panel } from '../../components/Panel.js';
import { formatDate, formatDateTime } from '../../lib/format.js';
import { viewClock } from '../aeo/deadlines.js';
import { ClockState } from './DeadlineText.js';
import { statusTone } from './queue.js';
import { certificatePdfUrl, verificationPath } from './validation-api.js';

type Clock = NonNullable<AeoApplicationDetail['deadlines']['acceptance']>;

const CERTIFICATE_TONE: Record<string, 'success' | 'warning' | 'danger'> = {
  active: 'success',
  suspended: 'warning',
  revoked: 'danger',
};

/** Who applied, for what, where the case stands, and its statutory clocks (EU defaults: UCC Art. 22). */
export function CaseOverview({ detail }: { detail: AeoApplicationDetail }) {
  const { t, i18n } = useTranslation();
  const { deadlines } = detail;
  return (
    <div className="grid grid--2 grid--top">
      <Panel title={t('aeoValidation.case.facts.title')}>
        <dl className="facts" data-testid="aeo-case-facts">
          <div>
            <dt>{t('aeoValidation.case.facts.operator')}</dt>
            <dd>{detail.operatorName}</dd>
          </div>
          <div>
            <dt>{t('aeoValidation.case.facts.reference')}</dt>
            <dd>
              <code>{detail.reference}</code>
            </dd>
          </div>
          <div>
            <dt>{t('aeoValidation.case.facts.category')}</dt>
            <dd>{detail.category}</dd>
          </div>
          <div>
            <dt>{t('aeoValidation.case.facts.status')}</dt>
            <dd className="badges" data-testid="aeo-case-status" data-status={detail.status}>
              <Badge tone={statusTone(detail.status)}>{t(`aeo.status.${detail.status}`)}</Badge>
              {detail.awaitingInformation ? (
                <Badge tone="info">{t('aeoValidation.deadline.awaitingInformation')}</Badge>
              ) : null}
            </dd>
          </div>
          <div>
            <dt>{t('aeoValidation.case.facts.variant')}</dt>
            <dd>{t(`aeoValidation.case.facts.variants.${detail.saqVariant}`)}</dd>
          </div>
          <div>
            <dt>{t('aeoValidation.case.facts.updated')}</dt>
            <dd>{formatDateTime(detail.updatedAt, i18n.language)}</dd>
          </div>
        </dl>
      </Panel>
      <Panel title={t('aeoValidation.case.deadlines.title')}>
        <dl className="facts" data-testid="aeo-case-deadlines">
          {deadlines.acceptance ? (
            <ClockFacts label={t('aeo.deadlineKind.acceptance')} clock={deadlines.acceptance} />
          ) : null}
          {deadlines.decision ? (
            <ClockFacts label={t('aeo.deadlineKind.decision')} clock={deadlines.decision} />
          ) : null}
          {!deadlines.acceptance && !deadlines.decision ? (
            <div>
              <dt>{t('aeoValidation.case.deadlines.clocks')}</dt>
              <dd className="muted">{t('aeoValidation.case.deadlines.notStarted')}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('aeoValidation.case.deadlines.extensionLeft')}</dt>
            <dd>{t('aeoValidation.case.deadlines.days', { count: deadlines.extensionDaysLeft })}</dd>
          </div>
          {deadlines.effectiveFrom ? (
            <div>
              <dt>{t('aeoValidation.case.deadlines.effectiveFrom')}</dt>
              <dd>{formatDate(deadlines.effectiveFrom, i18n.language)}</dd>
            </div>
          ) : null}
        </dl>
      </Panel>
      {detail.certificate ? <CertificatePanel certificate={detail.certificate} /> : null}
    </div>
  );
}

function ClockFacts({ label, clock }: { label: string; clock: Clock }) {
  const { t, i18n } = useTranslation();
  return (
    <div>
      <dt>{label}</dt>
      <dd className="stack">
        <ClockState view={viewClock(clock)} />
        <span>
          {t('aeoValidation.case.deadlines.due', { date: formatDate(clock.due, i18n.language) })}
          {clock.endedAt
            ? ` · ${t('aeoValidation.case.deadlines.ended', { date: formatDate(clock.endedAt, i18n.language) })}`
            : ''}
        </span>
        <span className="muted small">
          {t('aeoValidation.case.deadlines.started', { date: formatDate(clock.startedAt, i18n.language) })}
          {clock.extensionDays > 0
            ? ` · ${t('aeoValidation.case.deadlines.extended', { count: clock.extensionDays })}`
            : ''}
          {clock.stoppedDays > 0
            ? ` · ${t('aeoValidation.case.deadlines.stoppedFor', { count: clock.stoppedDays })}`
            : ''}
        </span>
      </dd>
    </div>
  );
}

function CertificatePanel({
  certificate,
}: {
  certificate: NonNullable<AeoApplicationDetail['certificate']>;
}) {
  const { t, i18n } = useTranslation();
  const statusKey =
    certificate.status === 'active' || certificate.status === 'suspended' || certificate.status === 'revoked'
      ? certificate.status
      : undefined;
  return (
    <Panel title={t('aeoValidation.certificate.title')} description={t('aeoValidation.certificate.lead')}>
      <dl className="facts" data-testid="aeo-certificate">
        <div>
          <dt>{t('aeoValidation.certificate.aeoId')}</dt>
          <dd>
            <code data-testid="aeo-certificate-id">{certificate.aeoId}</code>
          </dd>
        </div>
        <div>
          <dt>{t('aeoValidation.certificate.status')}</dt>
          <dd>
            <Badge tone={CERTIFICATE_TONE[certificate.status] ?? 'neutral'}>
              {statusKey ? t(`aeo.certificateStatus.${statusKey}`) : certificate.status}
            </Badge>
          </dd>
        </div>
        {certificate.reassessmentDue ? (
          <div>
            <dt>{t('aeoValidation.certificate.reassessmentDue')}</dt>
            <dd>{formatDate(certificate.reassessmentDue, i18n.language)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('aeoValidation.certificate.documents')}</dt>
          <dd className="form__actions">
            <a
              className="btn btn--secondary btn--small"
              href={certificatePdfUrl(certificate.aeoId)}
              data-testid="aeo-certificate-pdf"
            >
              {t('aeoValidation.certificate.pdf')}
            </a>
            <Link
              className="btn btn--secondary btn--small"
              to={verificationPath(certificate.aeoId)}
              data-testid="aeo-certificate-verify"
            >
              {t('aeoValidation.certificate.verify')}
            </Link>
          </dd>
        </div>
        <div>
          <dt>{t('aeoValidation.certificate.verifyLink')}</dt>
          <dd>
            <code className="break">{`${window.location.origin}${verificationPath(certificate.aeoId)}`}</code>
          </dd>
        </div>
      </dl>
    </Panel>
  );
}
