import { DOCUMENT_MIME_TYPES, type Document } from '@aeolus/contracts';
import { useTranslation } from 'react-i18next';
import { AsyncList } from '../../components/AsyncList.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Panel } from '../../components/Panel.js';
import type { Resource } from '../../lib/use-resource.js';
import { DocumentFacts } from './DocumentFacts.js';
import { FileUpload } from './FileUpload.js';
import { operatorApi } from './operator-api.js';

const ALL_TYPES = Object.values(DOCUMENT_MIME_TYPES);

/**
 * Everything attached to the application: evidence given with SAQ answers and general attachments (a
 * document customs asked for, a corrective measure's proof). Uploading is open while the case is live.
 */
export function CaseDocumentsPanel({
  applicationId,
  documents,
  canUpload,
  onUploaded,
}: {
  applicationId: string;
  documents: Resource<{ items: Document[] }>;
  canUpload: boolean;
  onUploaded(document: Document): void;
}) {
  const { t } = useTranslation();
  return (
    <Panel title={t('aeoOperator.documents.title')} description={t('aeoOperator.documents.lead')}>
      <AsyncList
        status={documents.status}
        error={documents.status === 'error' ? documents.error : undefined}
        items={documents.data?.items}
        loadFailed={t('aeoOperator.documents.loadFailed')}
        empty={<EmptyState icon="file" title={t('aeoOperator.documents.empty')} />}
      >
        {(items) => (
          <ul className="evidence-list" data-testid="case-documents">
            {items.map((document) => (
              <li key={document.id} className="evidence-list__item">
                <DocumentFacts document={document} />
              </li>
            ))}
          </ul>
        )}
      </AsyncList>
      {canUpload ? (
        <FileUpload
          upload={(file) => operatorApi.upload(applicationId, file)}
          id="case-document-upload"
          label={t('aeoOperator.documents.upload')}
          hint={t('aeoOperator.documents.uploadHint')}
          accept={ALL_TYPES}
          testId="case-document-upload"
          onUploaded={onUploaded}
        />
      ) : null}
    </Panel>
  );
}
