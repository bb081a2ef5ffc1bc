import type { Role } from '@aeolus/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'accent';

export function Badge({ tone = 'neutral', children }: { tone?: BadgeTone; children: ReactNode }) {
  return <span className={`badge badge--${tone}`}>{children}</span>;
}

/** Machine names (scopes, event types) as a row of badges, in code type so they read as identifiers. */
export function CodeBadges({ values }: { values: readonly string[] }) {
  return (
    <span className="badges">
      {values.map((value) => (
        <Badge key={value}>
          <code>{value}</code>
        </Badge>
      ))}
    </span>
  );
}

/** A person's roles, named in the reader's language; the caller supplies the `badges` row around them. */
export function RoleBadges({ roles }: { roles: readonly Role[] }) {
  const { t } = useTranslation();
  return roles.map((role) => (
    <Badge key={role} tone="accent">
      {t(`roles.${role}`)}
    </Badge>
  ));
}
