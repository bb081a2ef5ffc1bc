/**
 * Cursor paging for the results list. The server pages by an opaque cursor (newest first); the address
 * holds the current page's cursor, and the history entry's state holds the cursors of the pages before
 * it, so "Previous" works without asking the server to count. After a reload the trail is gone and the
 * list offers "First page" instead.
 */

export interface PageTrail {
  /** Cursors of the pages before the current one; `null` stands for the first page. */
  previous: (string | null)[];
}

export function readTrail(state: unknown): PageTrail {
  const previous = (state as { previous?: unknown } | null)?.previous;
  return {
    previous: Array.isArray(previous)
      ? previous.filter((c): c is string | null => c === null || typeof c === 'string')
      : [],
  };
}

/** The trail after moving to the next page from `current`. */
export function nextTrail(trail: PageTrail, current: string | undefined): PageTrail {
  return { previous: [...trail.previous, current ?? null] };
}

/** Where "Previous" goes: the cursor to show (undefined: the first page) and the trail left behind it. */
export function previousPage(trail: PageTrail): { cursor: string | undefined; trail: PageTrail } | undefined {
  if (trail.previous.length === 0) return undefined;
  const cursor = trail.previous.at(-1);
  return { cursor: cursor ?? undefined, trail: { previous: trail.previous.slice(0, -1) } };
}

/** 1-based number of the current page, when known (the trail is lost on reload). */
export function pageNumber(trail: PageTrail, cursor: string | undefined): number | undefined {
  if (!cursor) return 1;
  return trail.previous.length > 0 ? trail.previous.length + 1 : undefined;
}
