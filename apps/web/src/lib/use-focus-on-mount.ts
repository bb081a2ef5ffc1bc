import { type RefObject, useEffect, useRef } from 'react';

/** A ref whose element takes focus when the component appears — the first field of a form just opened. */
export function useFocusOnMount<T extends HTMLElement>(): RefObject<T | null> {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}
