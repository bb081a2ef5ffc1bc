import type { Document } from '@aeolus/contracts';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge.js';
import { type SignatureSummary, shortSha256, signatureSummary } from './evidence.js';
import { documentContentUrl } from './validation-api.js';

/** Evidence documents: name (download), type, pages, SHA-256 (short) and the PDF signature check. */
export function EvidenceList({
  ids,
  documents,
  testId,
  onRemove,
}: {
  ids: readonly string[];
  documents: ReadonlyMap<string, Document>;
  testId?: string;
  /** Offers to take a document off the list being edited (the document itself stays on the case). */
  onRemove?(id: string): void;
}) {
  const { t } = useTranslation();
  if (ids.length === 0) return <span className="muted">{t('aeoValidation.evidence.none')}</span>;
  return (
    <ul className="aeo-evidence" data-testid={testId}>
      {ids.map((id) => {
        const document = documents.get(id);
        if (!document) {
          return (
            <li key={id} className="muted">
              {t('aeoValidation.evidence.unavailable')}
            </li>
          );
        }
        return (
          <li key={id} className="aeo-evidence__item" data-testid="aeo-evidence">
            <a href={documentContentUrl(id)} download={document.originalName} className="break">
              {document.originalName}
              <span className="visually-hidden"> — {t('aeoValidation.evidence.download')}</span>
            </a>
            <span className="aeo-evidence__meta muted small">
              <span>{document.kind.toUpperCase()}</span>
              {document.pageCount ? (
                <span>{t('aeoValidation.evidence.pages', { count: document.pageCount })}</span>
              ) : null}
              <span>
                {t('aeoValidation.evidence.sha256')}{' '}
                <code title={document.sha256}>{shortSha256(document.sha256)}</code>
              </span>
            </span>
            {document.kind === 'pdf' ? <SignatureBadge summary={signatureSummary(document)} /> : null}
            {onRemove ? (
              <button type="button" className="btn btn--link" onClick={() => onRemove(id)}>
                {t('aeoValidation.evidence.remove')}
                <span className="visually-hidden"> {document.originalName}</span>
              </button>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

function SignatureBadge({ summary }: { summary: SignatureSummary }) {
  const { t } = useTranslation();
  switch (summary.state) {
    case 'unsigned':
      return <Badge>{t('aeoValidation.evidence.unsigned')}</Badge>;
    case 'intact':
      return (
        <span className="badges">
          <Badge tone="success">
            {summary.signers.length > 0
              ? t('aeoValidation.evidence.intactBy', { signers: summary.signers.join(', ') })
              : t('aeoValidation.evidence.intact')}
          </Badge>
          <span className="muted small">{t('aeoValidation.evidence.identityNotVerified')}</span>
        </span>
      );
    case 'partial':
      return <Badge tone="warning">{t('aeoValidation.evidence.partial')}</Badge>;
    case 'broken':
      return (
        <Badge tone="danger">
          {summary.reason
            ? t('aeoValidation.evidence.brokenBecause', { reason: summary.reason })
            : t('aeoValidation.evidence.broken')}
        </Badge>
      );
    default:
      return summary satisfies never;
  }
}
