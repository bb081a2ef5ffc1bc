import {
  type InputHTMLAttributes,
  type ReactNode,
  type Ref,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from 'react';

interface FieldFrame {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** Shown after the label, e.g. "(optional)". */
  labelSuffix?: ReactNode;
}

/** What the control inside a field needs so its label, hint and error are announced with it. */
interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/**
 * The frame every field shares: label, hint and error, wired to the control through aria-describedby so a
 * screen reader reads the label, the error and the hint together (WCAG 1.3.1, 3.3.1).
 */
function FieldShell({
  label,
  hint,
  error,
  labelSuffix,
  givenId,
  className,
  control,
}: FieldFrame & {
  givenId: string | undefined;
  className: string | undefined;
  control(props: ControlProps): ReactNode;
}) {
  const generated = useId();
  const id = givenId ?? generated;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={`field ${error ? 'field--error' : ''} ${className ?? ''}`.trim()}>
      <label className="field__label" htmlFor={id}>
        {label}
        {labelSuffix ? <span className="field__suffix"> {labelSuffix}</span> : null}
      </label>
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
      {control({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': [errorId, hintId].filter(Boolean).join(' ') || undefined,
      })}
    </div>
  );
}

type FieldProps<Control> = FieldFrame & { id?: string | undefined; className?: string | undefined } & Control;

/** Separates the frame's props from the ones meant for the control itself. */
function splitFrame<Control>({
  label,
  hint,
  error,
  labelSuffix,
  id,
  className,
  ...control
}: FieldProps<Control>) {
  return { frame: { label, hint, error, labelSuffix, className, givenId: id }, control };
}

/** A labelled input with its hint and error. */
export function TextField({
  ref,
  ...props
}: FieldProps<InputHTMLAttributes<HTMLInputElement>> & { ref?: Ref<HTMLInputElement> }) {
  const { frame, control } = splitFrame(props);
  return (
    <FieldShell
      {...frame}
      control={(wiring) => <input ref={ref} className="input" {...wiring} {...control} />}
    />
  );
}

/** A labelled select with its hint and error; its options are the children. */
export function SelectField(props: FieldProps<SelectHTMLAttributes<HTMLSelectElement>>) {
  const { frame, control } = splitFrame(props);
  return (
    <FieldShell {...frame} control={(wiring) => <select className="select" {...wiring} {...control} />} />
  );
}

/** A labelled multi-line text box (a reason, a question, a report) with its hint and error. */
export function TextAreaField(props: FieldProps<TextareaHTMLAttributes<HTMLTextAreaElement>>) {
  const { frame, control } = splitFrame(props);
  return (
    <FieldShell
      {...frame}
      control={(wiring) => <textarea className="input" rows={3} {...wiring} {...control} />}
    />
  );
}
