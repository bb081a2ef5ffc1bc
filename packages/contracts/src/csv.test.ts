import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvError, csvLine, parseCsv } from './csv.js';

describe('parseCsv', () => {
  it('reads quoted fields with delimiters, quotes and line breaks, CRLF or LF, and skips a BOM', () => {
    const text = '\ufeffa,b,c\r\n1,"x, y","say ""hi"""\n2,"two\nlines",\r\n';
    expect(parseCsv(text)).toEqual([
      { rowNumber: 1, fields: ['a', 'b', 'c'] },
      { rowNumber: 2, fields: ['1', 'x, y', 'say "hi"'] },
      { rowNumber: 3, fields: ['2', 'two\nlines', ''] },
    ]);
  });

  it('keeps row numbers across blank lines and reads the last line without a break', () => {
    expect(parseCsv('h\n\n1\n\n2')).toEqual([
      { rowNumber: 1, fields: ['h'] },
      { rowNumber: 3, fields: ['1'] },
      { rowNumber: 5, fields: ['2'] },
    ]);
  });

  it('takes another delimiter', () => {
    expect(parseCsv('a;b\n"1;2";3', ';')).toEqual([
      { rowNumber: 1, fields: ['a', 'b'] },
      { rowNumber: 2, fields: ['1;2', '3'] },
    ]);
    expect(parseCsv('a\tb', '\t')[0]!.fields).toEqual(['a', 'b']);
  });

  it('flags a record with text after a closing quote, and fails on a quote never closed', () => {
    expect(parseCsv('a,b\n"x"y,z\n1,2')).toEqual([
      { rowNumber: 1, fields: ['a', 'b'] },
      {
        rowNumber: 2,
        fields: ['xy', 'z'],
        error: 'a quoted field must be followed by the delimiter or the end of the line',
      },
      { rowNumber: 3, fields: ['1', '2'] },
    ]);
    expect(() => parseCsv('a\n"open\n1')).toThrow(CsvError);
    expect(() => parseCsv('a\n"open\n1')).toThrow('row 2: the quoted field opened there is never closed');
  });

  it('property: what csvLine writes, parseCsv reads back', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', ';', '"', '\n', '\r', 'é', '1') });
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom(',', ';'),
        (rows, delimiter) => {
          const text = rows.map((r) => csvLine(r, delimiter)).join('\r\n');
          expect(parseCsv(text, delimiter).map((r) => r.fields)).toEqual(rows);
        },
      ),
    );
  });
});
