/**
 * Watch-list entries as the editor handles them: one per line, trimmed, blanks and repeats dropped (the
 * engine normalises values to trimmed upper case, so "Acme" and "ACME " are the same entry).
 */

/** Largest list edited in the text box; a larger one is replaced from a file (the API takes a million). */
export const MAX_EDITABLE_ENTRIES = 5_000;
/** The API's bound on one list. */
export const MAX_ENTRIES = 1_000_000;
/** The API's bound on one entry. */
export const MAX_ENTRY_LENGTH = 200;

export interface ParsedEntries {
  entries: string[];
  duplicates: number;
  tooLong: number[];
}

export function parseEntries(text: string): ParsedEntries {
  const seen = new Set<string>();
  const entries: string[] = [];
  const tooLong: number[] = [];
  let duplicates = 0;
  text.split(/\r?\n/).forEach((line, index) => {
    const entry = line.trim();
    if (entry === '') return;
    if (entry.length > MAX_ENTRY_LENGTH) tooLong.push(index + 1);
    const key = entry.toUpperCase();
    if (seen.has(key)) {
      duplicates += 1;
      return;
    }
    seen.add(key);
    entries.push(entry);
  });
  return { entries, duplicates, tooLong };
}

export const splitNames = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
