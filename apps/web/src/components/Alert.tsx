import type { ReactNode, Ref } from 'react';
import { Icon } from './Icon.js';

type Tone = 'error' | 'success' | 'info' | 'warning';

const ICONS = { error: 'alert', warning: 'alert', success: 'check', info: 'info' } as const;

/**
 * A message block. Errors are announced at once (role="alert"); the others politely (role="status").
 * Focusable so a form can move focus to its error summary.
 */
export function Alert({
  tone,
  title,
  children,
  ref,
}: {
  tone: Tone;
  title?: string;
  children?: ReactNode;
  ref?: Ref<HTMLDivElement>;
}) {
  return (
    <div
      ref={ref}
      tabIndex={-1}
      className={`alert alert--${tone}`}
      role={tone === 'error' ? 'alert' : 'status'}
    >
      <span className="alert__icon">
        <Icon name={ICONS[tone]} size={20} />
      </span>
      <div className="alert__content">
        {title ? <p className="alert__title">{title}</p> : null}
        {children ? <div className="alert__body">{children}</div> : null}
      </div>
    </div>
  );
}
