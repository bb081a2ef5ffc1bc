import type { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { AppError } from '@aeolus/core';

/**
 * Newline-delimited JSON (`application/x-ndjson`) request bodies, read as a stream of lines: a filer can send
 * more consignments than fit in one JSON document and get each line's answer as soon as its chunk is
 * screened. Blank lines are skipped; a line longer than `maxLineBytes` ends the stream with a 413.
 */
export async function* ndjsonLines(
  stream: Readable,
  options: { maxLineBytes: number; maxTotalBytes?: number; hash?: ReturnType<typeof createHash> },
): AsyncGenerator<string> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let total = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (options.maxTotalBytes !== undefined && total > options.maxTotalBytes) {
      throw new AppError(
        'PAYLOAD_TOO_LARGE',
        `The request body is larger than the ${options.maxTotalBytes} bytes accepted`,
        {
          limitBytes: options.maxTotalBytes,
        },
      );
    }
    options.hash?.update(chunk);
    let start = 0;
    for (let nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
      const piece = chunk.subarray(start, nl);
      if (pendingBytes + piece.length > options.maxLineBytes) tooLong(options.maxLineBytes);
      const line =
        pending.length === 0 ? piece.toString('utf8') : Buffer.concat([...pending, piece]).toString('utf8');
      pending = [];
      pendingBytes = 0;
      start = nl + 1;
      if (line.trim() !== '') yield line;
    }
    if (start < chunk.length) {
      pending.push(chunk.subarray(start));
      pendingBytes += chunk.length - start;
      if (pendingBytes > options.maxLineBytes) tooLong(options.maxLineBytes);
    }
  }
  if (pending.length > 0) {
    const line = Buffer.concat(pending).toString('utf8');
    if (line.trim() !== '') yield line;
  }
}

function tooLong(limit: number): never {
  throw new AppError('PAYLOAD_TOO_LARGE', `A line is longer than the ${limit} bytes accepted`, {
    limitBytes: limit,
  });
}
