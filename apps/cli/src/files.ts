import { readFileSync, writeFileSync } from 'node:fs';
import { csvLine } from '@aeolus/contracts';
import { AppError } from '@aeolus/core';

/** A UTF-8 text file (what spreadsheets save as "CSV UTF-8"), or a clear error naming the file. */
export function readUtf8File(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new AppError(
      'NOT_FOUND',
      code === 'ENOENT' ? `No such file: ${file}` : `Cannot read ${file}: ${(error as Error).message}`,
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('UNPROCESSABLE', `${file} is not UTF-8 text: save it as "CSV UTF-8" and try again`);
  }
}

/** A spreadsheet must not run a cell the file's author wrote as a formula (CSV injection). */
export const inert = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** Writes an errors file: the header, then one line per row, every cell made inert. */
export function writeCsvFile(
  file: string,
  header: readonly string[],
  rows: readonly (readonly string[])[],
): void {
  const lines = [csvLine(header), ...rows.map((r) => csvLine(r.map(inert)))];
  try {
    writeFileSync(file, `${lines.join('\n')}\n`);
  } catch (error) {
    throw new AppError('UNPROCESSABLE', `Cannot write ${file}: ${(error as Error).message}`);
  }
}
