import { describe, expect, it } from 'vitest';
import { countByStatus, filterQueue, readStatusFilter } from './queue.js';

describe('queue filter', () => {
  const items = [
    { id: 'a', status: 'under_review' },
    { id: 'b', status: 'granted' },
    { id: 'c', status: 'under_review' },
  ] as never[];
  it('reads only known statuses from the address', () => {
    expect(readStatusFilter('granted')).toBe('granted');
    expect(readStatusFilter('nonsense')).toBe('all');
    expect(readStatusFilter(null)).toBe('all');
  });
  it('filters without changing the server order, and counts per status', () => {
    expect(filterQueue(items, 'under_review').map((i: { id: string }) => i.id)).toEqual(['a', 'c']);
    expect(filterQueue(items, 'all')).toHaveLength(3);
    expect(Object.fromEntries(countByStatus(items))).toEqual({ under_review: 2, granted: 1 });
  });
});
