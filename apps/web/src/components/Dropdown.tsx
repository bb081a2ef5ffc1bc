import type { ReactNode } from 'react';
import type { Disclosure } from './use-disclosure.js';

/**
 * A header menu on the disclosure pattern: a button that says whether its panel is expanded, and the
 * panel it controls. `block` names the BEM block (`user-menu` → `.user-menu`, `.user-menu__button`).
 */
export function Dropdown({
  disclosure,
  block,
  panelId,
  align,
  testId,
  button,
  children,
}: {
  disclosure: Disclosure;
  block: string;
  panelId: string;
  align: 'left' | 'right';
  testId: string;
  /** The button's content. */
  button: ReactNode;
  /** The panel's content. */
  children: ReactNode;
}) {
  return (
    <div className={block} ref={disclosure.containerRef}>
      <button
        ref={disclosure.buttonRef}
        type="button"
        className={`${block}__button`}
        aria-expanded={disclosure.open}
        aria-controls={panelId}
        onClick={disclosure.toggle}
        data-testid={testId}
      >
        {button}
      </button>
      <div id={panelId} className={`dropdown dropdown--${align}`} hidden={!disclosure.open}>
        {children}
      </div>
    </div>
  );
}
