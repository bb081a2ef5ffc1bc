import type { SaqVersionDetail } from '@aeolus/contracts';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.js';
import { TextAreaField } from '../../components/Field.js';
import { FormActions } from '../../components/FormActions.js';
import { InlineForm } from '../../components/InlineForm.js';
import { ApiError, type FieldProblem } from '../../lib/api.js';
import { errorMessage } from '../../lib/errors.js';

/**
 * A questionnaire definition, uploaded as a JSON file or pasted. JSON syntax is checked here; the
 * questionnaire engine on the server checks the rest and names each problem by its path in the
 * definition (`sections.2.questions.0.id`), which is listed as it came.
 */
export function SaqDefinitionForm({
  title,
  submitLabel,
  initialText = '',
  onSubmit,
  onCancel,
}: {
  title: string;
  submitLabel: string;
  initialText?: string;
  onSubmit(definition: unknown): Promise<SaqVersionDetail>;
  onCancel(): void;
}) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState(initialText);
  const [syntaxError, setSyntaxError] = useState<string>();
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);

  async function readFile(file: File | undefined) {
    if (!file) return;
    setText(await file.text());
    setSyntaxError(undefined);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblems([]);
    setFailure(undefined);
    let definition: unknown;
    try {
      definition = JSON.parse(text);
    } catch (error) {
      setSyntaxError(
        text.trim() === ''
          ? t('aeoProgramme.saq.form.empty')
          : t('aeoProgramme.saq.form.notJson', { reason: (error as Error).message }),
      );
      return;
    }
    setSyntaxError(undefined);
    setBusy(true);
    try {
      await onSubmit(definition);
    } catch (error) {
      setFailure(errorMessage(t, error, i18n.language));
      setProblems(error instanceof ApiError ? error.problems : []);
      requestAnimationFrame(() => summary.current?.focus());
    } finally {
      setBusy(false);
    }
  }

  return (
    <InlineForm titleId="saq-definition-title" title={title} onSubmit={submit}>
      {failure ? (
        <Alert ref={summary} tone="error" title={failure}>
          {problems.length > 0 ? (
            <>
              <p>{t('aeoProgramme.saq.form.problems', { count: problems.length })}</p>
              <ul className="error-list" data-testid="saq-problems">
                {problems.map((problem) => (
                  <li key={`${problem.path}:${problem.message}`}>
                    <code>{problem.path.replace(/^definition\.?/, '') || '/'}</code> {problem.message}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </Alert>
      ) : null}
      <div className="field">
        <label className="field__label" htmlFor="saq-definition-file">
          {t('aeoProgramme.saq.form.file')}
        </label>
        <p className="field__hint" id="saq-definition-file-hint">
          {t('aeoProgramme.saq.form.fileHint')}
        </p>
        <input
          id="saq-definition-file"
          type="file"
          accept=".json,application/json"
          aria-describedby="saq-definition-file-hint"
          onChange={(e) => void readFile(e.target.files?.[0])}
          data-testid="saq-definition-file"
        />
      </div>
      <TextAreaField
        id="saq-definition-text"
        className="programme-json"
        label={t('aeoProgramme.saq.form.text')}
        hint={t('aeoProgramme.saq.form.textHint')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={syntaxError}
        rows={14}
        spellCheck={false}
        autoComplete="off"
        data-testid="saq-definition-text"
      />
      <FormActions
        busy={busy}
        submitLabel={submitLabel}
        onCancel={onCancel}
        submitTestId="saq-definition-submit"
      />
    </InlineForm>
  );
}
