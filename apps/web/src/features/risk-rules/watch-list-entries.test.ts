import { describe, expect, it } from 'vitest';
import { MAX_ENTRY_LENGTH, parseEntries, splitNames } from './watch-list-entries.js';

describe('watch-list entries', () => {
  it('takes one entry per line, trimmed, without blanks or repeats regardless of case', () => {
    const parsed = parseEntries(' Acme Trading \r\n\nACME trading\nGlobex\n  \nglobex\n');
    expect(parsed.entries).toEqual(['Acme Trading', 'Globex']);
    expect(parsed.duplicates).toBe(2);
    expect(parsed.tooLong).toEqual([]);
  });

  it('reports the lines of entries longer than the API accepts', () => {
    const parsed = parseEntries(`ok\n${'x'.repeat(MAX_ENTRY_LENGTH + 1)}`);
    expect(parsed.tooLong).toEqual([2]);
  });

  it('splits included list names on commas and spaces', () => {
    expect(splitNames(' embargoed-countries, circumvention-hubs  eu-member-states ,')).toEqual([
      'embargoed-countries',
      'circumvention-hubs',
      'eu-member-states',
    ]);
  });
});
