import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';

/**
 * A button that shows and hides a panel (the WAI-ARIA disclosure pattern): Escape closes it and returns
 * focus to the button; a click or focus outside closes it.
 */
export interface Disclosure<T extends HTMLElement = HTMLDivElement> {
  open: boolean;
  setOpen(open: boolean): void;
  toggle(): void;
  containerRef: RefObject<T | null>;
  buttonRef: RefObject<HTMLButtonElement | null>;
  close(returnFocus?: boolean): void;
}

export function useDisclosure<T extends HTMLElement = HTMLDivElement>(): Disclosure<T> {
  const [open, setOpen] = useState(false);
  const containerRef = useRef<T>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  const close = useCallback((returnFocus = false) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  }, []);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close(true);
    };
    const onOutside = (event: Event) => {
      if (containerRef.current && !containerRef.current.contains(event.target as Node)) close(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onOutside);
    document.addEventListener('focusin', onOutside);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onOutside);
      document.removeEventListener('focusin', onOutside);
    };
  }, [open, close]);

  return { open, setOpen, toggle: () => setOpen((o) => !o), containerRef, buttonRef, close };
}
