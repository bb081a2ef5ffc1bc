import { AppError } from '../errors.js';

/**
 * Keyset pagination over (created_at, id), newest first: a page's `nextCursor` is its last row as
 * `<ISO time>_<id>`, and the next page starts strictly before it.
 */

export interface PageCursor {
  createdAt: Date;
  id: string;
}

/** The cursor of the page after `rows` (fetched with one row more than `limit`), or null on the last page. */
export function nextCursor(rows: readonly PageCursor[], limit: number): string | null {
  const last = rows.slice(0, limit).at(-1);
  return rows.length > limit && last ? `${last.createdAt.toISOString()}_${last.id}` : null;
}

/** A `nextCursor` sent back; anything else is a 400 naming the query parameter. */
export function parseCursor(cursor: string): PageCursor {
  const [at, id] = cursor.split('_');
  const createdAt = new Date(at ?? '');
  if (!id || Number.isNaN(createdAt.getTime())) {
    throw AppError.validation([
      { path: 'querystring.cursor', message: 'must be the nextCursor of a previous page' },
    ]);
  }
  return { createdAt, id };
}
