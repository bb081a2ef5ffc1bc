import { type ReactNode, useId } from 'react';

/** A titled section of a page; the heading names the region for assistive technology. */
export function Panel({
  title,
  description,
  actions,
  children,
  className,
  headingLevel = 2,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  headingLevel?: 2 | 3;
}) {
  const id = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className={`panel ${className ?? ''}`.trim()} aria-labelledby={id}>
      <div className="panel__header">
        <div>
          <Heading id={id} className="panel__title">
            {title}
          </Heading>
          {description ? <p className="panel__description">{description}</p> : null}
        </div>
        {actions ? <div className="panel__actions">{actions}</div> : null}
      </div>
      <div className="panel__body">{children}</div>
    </section>
  );
}
