import type { ReactNode } from 'react';

/** A fieldset named by an SAQ question (a group of choices, evidence files); its guidance and problem are
 * read with it. */
export function GroupFrame({
  id,
  label,
  optional,
  hint,
  error,
  children,
}: {
  /** The question's element id (`q-<questionId>`), which the error summary links to. */
  id: string;
  label: string;
  optional: string | undefined;
  hint: string | undefined;
  error: string | undefined;
  children: ReactNode;
}) {
  const hintId = hint ? `${id}-guidance` : undefined;
  const errorId = error ? `${id}-problem` : undefined;
  return (
    <fieldset
      className="fieldset"
      aria-describedby={[errorId, hintId].filter(Boolean).join(' ') || undefined}
    >
      <legend className="field__label">
        {label}
        {optional ? <span className="field__suffix"> {optional}</span> : null}
      </legend>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
      {children}
    </fieldset>
  );
}
