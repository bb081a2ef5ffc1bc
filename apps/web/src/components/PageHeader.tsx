import { type ReactNode, useEffect, useRef } from 'react';
import { hasNavigated } from '../lib/route-focus.js';
import { useDocumentTitle } from '../lib/use-document-title.js';

/**
 * The page's one h1. After a client-side navigation it takes focus, so that screen-reader and keyboard
 * users start at the new content instead of wherever the old page left them. On a full page load the
 * browser's own start applies, so the first Tab still reaches the skip link.
 */
export function PageHeader({
  title,
  lead,
  eyebrow,
  actions,
}: {
  title: string;
  lead?: ReactNode;
  eyebrow?: ReactNode;
  actions?: ReactNode;
}) {
  useDocumentTitle(title);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (hasNavigated()) heading.current?.focus({ preventScroll: true });
  }, []);
  return (
    <header className="page-header">
      <div className="page-header__text">
        {eyebrow ? <p className="page-header__eyebrow">{eyebrow}</p> : null}
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {lead ? <p className="page-header__lead">{lead}</p> : null}
      </div>
      {actions ? <div className="page-header__actions">{actions}</div> : null}
    </header>
  );
}
