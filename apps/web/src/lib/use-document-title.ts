import { useEffect } from 'react';

/** Each page names itself in the tab and for screen-reader users arriving on it. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Aeolus` : 'Aeolus';
  }, [title]);
}
