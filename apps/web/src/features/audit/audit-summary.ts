/**
 * Turns an audit entry's `summary` ({ note?, before?, after? }) into lines a person can scan: one per
 * changed field, "before → after". Pure, so the table and its tests share it.
 */
export interface SummaryChange {
  field: string;
  before?: string;
  after?: string;
}

export interface SummaryView {
  note?: string;
  changes: SummaryChange[];
  /** Anything else the entry carried, rendered as compact JSON. */
  extra?: string;
}

const MAX_VALUE = 80;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** How instants are shown (the viewer's language and time zone); identity when not given. */
export type InstantFormatter = (iso: string) => string;

export function displayValue(value: unknown, formatInstant?: InstantFormatter): string {
  if (value === null) return '—';
  if (value === undefined) return '';
  if (typeof value === 'string' && formatInstant && ISO_INSTANT.test(value)) return formatInstant(value);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

export function summarise(summary: Record<string, unknown>, formatInstant?: InstantFormatter): SummaryView {
  const { note, before, after, ...rest } = summary;
  const b = asRecord(before) ?? {};
  const a = asRecord(after) ?? {};
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const changes = fields.map((field) => ({
    field,
    ...(field in b ? { before: displayValue(b[field], formatInstant) } : {}),
    ...(field in a ? { after: displayValue(a[field], formatInstant) } : {}),
  }));
  const view: SummaryView = { changes };
  if (typeof note === 'string' && note) view.note = note;
  if (Object.keys(rest).length > 0) view.extra = displayValue(rest);
  return view;
}

/** The first characters of a SHA-256 hex hash: enough to compare by eye, short enough for a table. */
export function shortHash(hash: string, length = 12): string {
  return hash.length > length ? `${hash.slice(0, length)}…` : hash;
}
