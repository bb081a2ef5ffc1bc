import type { Document } from '@aeolus/contracts';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge.js';
import { formatDateTime } from '../../lib/format.js';
import { documentContentUrl } from './operator-api.js';
import { formatBytes, shortHash, signatureVerdict } from './operator-format.js';

/**
 * One uploaded document as the platform found it: what it really is (decided from the content), its
 * pages, size and SHA-256 (shortened; the whole digest is in the title and for screen readers), and what
 * its embedded signatures say. The name links to the download (always an attachment).
 */
export function DocumentFacts({ document }: { document: Document }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <div className="document-facts" data-testid="document-facts" data-document-id={document.id}>
      <a className="document-facts__name break" href={documentContentUrl(document.id)} download>
        {document.originalName}
      </a>
      <span className="document-facts__meta">
        <Badge>{document.kind.toUpperCase()}</Badge>
        {document.pageCount ? (
          <span>{t('aeoOperator.documents.pages', { count: document.pageCount })}</span>
        ) : null}
        <span>{formatBytes(document.size, language)}</span>
        <span>
          {t('aeoOperator.documents.sha256')}{' '}
          <code title={document.sha256} data-testid="document-sha256">
            {shortHash(document.sha256)}
          </code>
          <span className="visually-hidden"> ({document.sha256})</span>
        </span>
        <span className="muted">{formatDateTime(document.uploadedAt, language)}</span>
      </span>
      <SignatureFacts document={document} />
    </div>
  );
}

function SignatureFacts({ document }: { document: Document }) {
  const { t, i18n } = useTranslation();
  if (document.kind !== 'pdf') return null;
  if (document.signatures.length === 0) {
    return (
      <p
        className="document-facts__signature muted small"
        data-testid="document-signature"
        data-verdict="none"
      >
        {t('aeoOperator.documents.signature.none')}
      </p>
    );
  }
  return (
    <ul className="document-facts__signatures">
      {document.signatures.map((signature, index) => {
        const verdict = signatureVerdict(signature);
        const signer = signature.signerCommonName ?? t('aeoOperator.documents.signature.unknownSigner');
        return (
          // Signatures have no id of their own; their order in the file is stable.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <li key={index} data-testid="document-signature" data-verdict={verdict}>
            <Badge tone={verdict === 'intact' ? 'success' : verdict === 'broken' ? 'danger' : 'warning'}>
              {t(`aeoOperator.documents.signature.${verdict}`)}
            </Badge>{' '}
            <span className="small">
              {t('aeoOperator.documents.signature.signer', { name: signer })}
              {signature.signingTime ? ` · ${formatDateTime(signature.signingTime, i18n.language)}` : ''}
              {verdict === 'broken' && signature.reason ? ` · ${signature.reason}` : ''}
            </span>
          </li>
        );
      })}
      <li className="muted small">{t('aeoOperator.documents.signature.trustNote')}</li>
    </ul>
  );
}
