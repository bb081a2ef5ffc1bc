import writeExcelFile from 'write-excel-file/node';

/** One column of a tabular export: the same definition feeds CSV and XLSX, so the two never disagree. */
export interface ExportColumn<T> {
  header: string;
  value: (row: T) => string | number | null;
}

// RFC 4180 quoting; a leading =, +, - or @ is prefixed with ' so that spreadsheets do not run it as a
// formula (CSV injection), since answers are free text typed by people.
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function rowsToCsv<T>(columns: readonly ExportColumn<T>[], rows: readonly T[]): string {
  const lines = [
    columns.map((c) => c.header).join(','),
    ...rows.map((row) => columns.map((c) => csvCell(c.value(row))).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

export function rowsToXlsx<T>(
  columns: readonly ExportColumn<T>[],
  rows: readonly T[],
  sheet: string,
): Promise<Buffer> {
  const header = columns.map((c) => ({ value: c.header, fontWeight: 'bold' as const }));
  const data = rows.map((row) => columns.map((c) => c.value(row)));
  return writeExcelFile([header, ...data], { sheet }).toBuffer();
}
