/** Locale-aware formatting; the UI language decides the format, not the browser's region. */

const LOCALE_TAGS: Record<string, string> = { en: 'en-GB', fr: 'fr-FR' };

function tag(language: string): string {
  return LOCALE_TAGS[language] ?? language;
}

export function formatDateTime(iso: string | null | undefined, language: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(tag(language), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** A time of day in the UI language ("14:05"), for "saved at …". */
export function formatTime(date: Date, language: string): string {
  return new Intl.DateTimeFormat(tag(language), { timeStyle: 'short' }).format(date);
}

export function formatDate(iso: string | null | undefined, language: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(tag(language), { dateStyle: 'medium' }).format(date);
}

/** A country's name in the UI language (ISO 3166-1 alpha-2 in, e.g. "Pays-Bas" out). */
export function countryName(code: string | null | undefined, language: string): string {
  if (!code) return '';
  try {
    return new Intl.DisplayNames([tag(language)], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Local calendar day (`YYYY-MM-DD` from a date input) to the ISO instant where it starts or ends. */
export function dayBoundary(day: string, edge: 'start' | 'end'): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = edge === 'start' ? new Date(y, m - 1, d, 0, 0, 0, 0) : new Date(y, m - 1, d, 23, 59, 59, 999);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '';
  const last = parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '';
  return (first + last).toUpperCase() || '?';
}
