import type { FormEvent, ReactNode } from 'react';

/** A boxed form that opens inside a panel (add a member, create a key), named by its own heading. */
export function InlineForm({
  titleId,
  title,
  onSubmit,
  children,
}: {
  titleId: string;
  title: string;
  onSubmit(event: FormEvent): void;
  children: ReactNode;
}) {
  return (
    <form className="form form--boxed" noValidate onSubmit={onSubmit} aria-labelledby={titleId}>
      <h3 id={titleId} className="form__title">
        {title}
      </h3>
      {children}
    </form>
  );
}
