import { describe, expect, it } from 'vitest';
import { nextTrail, pageNumber, previousPage, readTrail } from './paging.js';

describe('cursor paging trail', () => {
  it('walks forward and back to the first page', () => {
    const first = readTrail(null);
    expect(pageNumber(first, undefined)).toBe(1);
    expect(previousPage(first)).toBeUndefined();
    const second = nextTrail(first, undefined);
    expect(pageNumber(second, 'c1')).toBe(2);
    const third = nextTrail(second, 'c1');
    expect(pageNumber(third, 'c2')).toBe(3);
    const back = previousPage(third);
    expect(back).toEqual({ cursor: 'c1', trail: second });
    expect(previousPage(second)).toEqual({ cursor: undefined, trail: { previous: [] } });
  });

  it('does not guess the page number after a reload lost the trail', () => {
    expect(pageNumber(readTrail(undefined), 'c7')).toBeUndefined();
    expect(readTrail({ previous: ['a', 3, null, {}] })).toEqual({ previous: ['a', null] });
  });
});
