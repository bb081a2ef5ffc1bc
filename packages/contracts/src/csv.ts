/**
 * A CSV reader for import files (RFC 4180): fields separated by a delimiter, records by CRLF or LF,
 * double quotes around fields that contain the delimiter, a quote or a line break, `""` for a quote
 * inside them. A UTF-8 byte-order mark (spreadsheets write one) is ignored.
 */
export interface CsvRecord {
  /** The record's number in the file, the header being 1 — the row a spreadsheet shows for it. */
  rowNumber: number;
  fields: string[];
  /** Why the record could not be read as written; its fields are then what could be read. */
  error?: string;
}

export class CsvError extends Error {}

export function parseCsv(text: string, delimiter = ','): CsvRecord[] {
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    throw new CsvError('the delimiter must be one character other than a quote or a line break');
  }
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let error: string | undefined;
  let rowNumber = 1;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    // A blank line is no record (files often end with one), but it keeps its row number.
    if (!(fields.length === 1 && fields[0] === '' && !error)) {
      records.push(error ? { rowNumber, fields, error } : { rowNumber, fields });
    }
    fields = [];
    field = '';
    error = undefined;
    rowNumber++;
  };
  while (i < input.length) {
    const c = input[i]!;
    if (c === '"' && field === '') {
      // A quoted field: runs to the next lone quote.
      const start = i;
      i++;
      let closed = false;
      while (i < input.length) {
        const q = input[i]!;
        if (q === '"') {
          if (input[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          closed = true;
          i++;
          break;
        }
        field += q;
        i++;
      }
      if (!closed) {
        throw new CsvError(
          `row ${rowNumber}: the quoted field opened there is never closed (at character ${start + 1})`,
        );
      }
      const next = input[i];
      if (next !== undefined && next !== delimiter && next !== '\n' && next !== '\r') {
        error ??= 'a quoted field must be followed by the delimiter or the end of the line';
        while (i < input.length && input[i] !== delimiter && input[i] !== '\n' && input[i] !== '\r') {
          field += input[i];
          i++;
        }
      }
      continue;
    }
    if (c === delimiter) {
      fields.push(field);
      field = '';
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      i += c === '\r' && input[i + 1] === '\n' ? 2 : 1;
      endRecord();
      continue;
    }
    field += c;
    i++;
  }
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

/** Writes one CSV line (no line break), quoting only the fields that need it. */
export function csvLine(values: readonly string[], delimiter = ','): string {
  return values
    .map((value) =>
      value.includes(delimiter) || /["\r\n]/.test(value) || value.startsWith(' ') || value.endsWith(' ')
        ? `"${value.replaceAll('"', '""')}"`
        : value,
    )
    .join(delimiter);
}
