import { useEffect, useId, useRef } from 'react';
import { CopyButton } from './CopyButton.js';
import { Icon } from './Icon.js';

/**
 * The one moment a secret (an API key, a webhook signing secret) exists outside the system that will use
 * it: the server stores only a hash or ciphertext, and the web app never keeps it.
 */
export function SecretReveal({
  title,
  warning,
  usage,
  label,
  value,
  doneLabel,
  onDone,
  testId,
}: {
  title: string;
  warning: string;
  usage: string;
  label: string;
  value: string;
  doneLabel: string;
  onDone(): void;
  testId?: string;
}) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="secret" aria-labelledby={`${id}-title`} data-testid={testId}>
      <div className="secret__header">
        <Icon name="alert" size={22} />
        <h3 id={`${id}-title`} ref={heading} tabIndex={-1} className="secret__title">
          {title}
        </h3>
      </div>
      <p>{warning}</p>
      <div className="secret__value">
        <label htmlFor={`${id}-value`} className="visually-hidden">
          {label}
        </label>
        <input
          id={`${id}-value`}
          className="input input--mono"
          readOnly
          value={value}
          onFocus={(e) => e.currentTarget.select()}
          spellCheck={false}
          data-secret
        />
        <CopyButton value={value} fallbackInputId={`${id}-value`} />
      </div>
      <p className="small">{usage}</p>
      <button type="button" className="btn btn--primary" onClick={onDone}>
        {doneLabel}
      </button>
    </section>
  );
}
