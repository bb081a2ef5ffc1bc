import { randomBytes } from 'node:crypto';

export interface MultipartFile {
  bytes: Uint8Array;
  fileName?: string;
  contentType?: string;
  /** Part name; `file` unless a test sends it under another name. */
  name?: string;
}

/** A multipart/form-data body as a browser would send it (RFC 7578), for `app.inject`. */
export function multipart(
  fields: Record<string, string>,
  files: MultipartFile | MultipartFile[] = [],
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----aeolus${randomBytes(12).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  for (const file of [files].flat()) {
    const filename = file.fileName === undefined ? '' : `; filename="${file.fileName}"`;
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.name ?? 'file'}"${filename}\r\n` +
          `Content-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      Buffer.from(file.bytes),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
