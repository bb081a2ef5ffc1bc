import type { ScreeningImportResult } from '@aeolus/contracts';
import { ApiError, csrfHeaders, toApiError } from '../../lib/api.js';

/**
 * `POST /api/screening/imports` with the file as `text/csv`. XMLHttpRequest rather than fetch: it reports
 * upload progress. A fresh Idempotency-Key per upload makes a retried request answer as the first did.
 */
export function uploadConsignmentCsv(
  file: File,
  onProgress: (fraction: number) => void,
): Promise<ScreeningImportResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/screening/imports');
    xhr.setRequestHeader('content-type', 'text/csv');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('idempotency-key', crypto.randomUUID());
    for (const [name, value] of Object.entries(csrfHeaders())) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () =>
      reject(new ApiError({ status: 0, code: 'NETWORK_ERROR', message: 'The server could not be reached' }));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300 && body) resolve(body as ScreeningImportResult);
      else reject(toApiError(xhr.status, body));
    };
    xhr.send(file);
  });
}
