import { AEO_APPLICATION_STATUSES, type AeoApplicationSummary } from '@aeolus/contracts';

/** The queue's status filter, kept in the address (`?status=under_review`) so a filtered view can be shared. */

export type StatusFilter = (typeof AEO_APPLICATION_STATUSES)[number] | 'all';

export function readStatusFilter(value: string | null): StatusFilter {
  return (AEO_APPLICATION_STATUSES as readonly string[]).includes(value ?? '')
    ? (value as StatusFilter)
    : 'all';
}

/** Keeps the server's order (urgency: overdue first, then by due date). */
export function filterQueue(items: readonly AeoApplicationSummary[], status: StatusFilter) {
  return status === 'all' ? [...items] : items.filter((i) => i.status === status);
}

/** Status colours; the status is always also written out, so colour is never the only signal. */
export function statusTone(status: string): 'accent' | 'success' | 'warning' | 'danger' | 'neutral' {
  switch (status) {
    case 'granted':
      return 'success';
    case 'suspended':
    case 'returned':
    case 'under_appeal':
      return 'warning';
    case 'refused':
    case 'revoked':
      return 'danger';
    case 'draft':
    case 'withdrawn':
      return 'neutral';
    default:
      return 'accent';
  }
}

/** Cases per status, for the filter's options ("Under review (3)"). */
export function countByStatus(items: readonly { status: string }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.status, (counts.get(item.status) ?? 0) + 1);
  return counts;
}
