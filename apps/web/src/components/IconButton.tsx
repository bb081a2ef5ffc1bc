import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon.js';

/** A button with a leading icon, e.g. a panel's "Create an API key" or "Refresh". */
export function IconButton({
  icon,
  variant = 'primary',
  onClick,
  children,
}: {
  icon: IconName;
  variant?: 'primary' | 'secondary';
  onClick(): void;
  children: ReactNode;
}) {
  return (
    <button type="button" className={`btn btn--${variant}`} onClick={onClick}>
      <Icon name={icon} />
      {children}
    </button>
  );
}
