import type { Document } from '@aeolus/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GroupFrame } from '../questionnaire/GroupFrame.js';
import type { EvidenceSlot } from '../questionnaire/QuestionField.js';
import { DocumentFacts } from './DocumentFacts.js';
import { FileUpload } from './FileUpload.js';

export interface EvidenceContext {
  /** Uploads a file to where the questionnaire's evidence is kept (the application, the organisation). */
  upload(file: File): Promise<Document>;
  /** Documents already there, by id: they can be attached again without uploading. */
  documents: ReadonlyMap<string, Document>;
  onUploaded(document: Document): void;
}

/**
 * An evidence question (AEO SAQ, SAFE monitoring): files uploaded for it, or already on the case, listed with what the
 * platform found in them. The answer is the list of document ids; a removed file stays on the application.
 */
export function EvidenceField({
  question,
  label,
  labelSuffix,
  hint,
  error,
  documentIds,
  disabled,
  context,
  onChange,
}: EvidenceSlot & { context: EvidenceContext }) {
  const { t } = useTranslation();
  const [reuse, setReuse] = useState('');
  const inputId = `q-${question.id}`;
  const accepted = question.acceptedTypes as readonly string[];
  const full = documentIds.length >= question.maxFiles;
  const reusable = [...context.documents.values()].filter(
    (d) => accepted.includes(d.mime) && !documentIds.includes(d.id),
  );

  return (
    <GroupFrame id={inputId} label={label} optional={labelSuffix} hint={hint} error={error}>
      {documentIds.length > 0 ? (
        <ul className="evidence-list">
          {documentIds.map((id) => {
            const document = context.documents.get(id);
            return (
              <li key={id} className="evidence-list__item">
                {document ? (
                  <DocumentFacts document={document} />
                ) : (
                  <span className="muted">{t('aeoOperator.evidence.unknownDocument')}</span>
                )}
                {disabled ? null : (
                  <button
                    type="button"
                    className="btn btn--secondary btn--small"
                    onClick={() => onChange(documentIds.filter((d) => d !== id))}
                  >
                    {t('aeoOperator.evidence.remove')}
                    <span className="visually-hidden"> {document?.originalName}</span>
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
      {disabled ? null : full ? (
        <p className="muted small">{t('aeoOperator.evidence.full', { count: question.maxFiles })}</p>
      ) : (
        <div className="evidence-add">
          <FileUpload
            upload={context.upload}
            id={inputId}
            label={t('aeoOperator.evidence.add')}
            hint={t('aeoOperator.evidence.accepted', {
              types: question.acceptedTypes.map(typeName).join(', '),
            })}
            accept={accepted}
            testId={`evidence-upload-${question.id}`}
            onUploaded={(document) => {
              context.onUploaded(document);
              onChange([...documentIds, document.id]);
            }}
          />
          {reusable.length > 0 ? (
            <div className="evidence-reuse">
              <label className="field__label" htmlFor={`${inputId}-reuse`}>
                {t('aeoOperator.evidence.reuse')}
              </label>
              <div className="evidence-reuse__row">
                <select
                  id={`${inputId}-reuse`}
                  className="select"
                  value={reuse}
                  onChange={(e) => setReuse(e.target.value)}
                >
                  <option value="">{t('aeoOperator.evidence.reuseChoose')}</option>
                  {reusable.map((d) => (
                    <option key={d.id} value={d.id}>
                      {d.originalName}
                    </option>
                  ))}
                </select>
                <button
                  type="button"
                  className="btn btn--secondary"
                  disabled={!reuse}
                  onClick={() => {
                    onChange([...documentIds, reuse]);
                    setReuse('');
                  }}
                >
                  {t('aeoOperator.evidence.attach')}
                </button>
              </div>
            </div>
          ) : null}
        </div>
      )}
    </GroupFrame>
  );
}

const TYPE_NAMES: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'application/xml': 'XML',
  'application/json': 'JSON',
};
const typeName = (mime: string) => TYPE_NAMES[mime] ?? mime;
