import type { AeoCredentialVerification, PublicAeoCertificate } from '@aeolus/contracts';
import { ApiError, type ClientErrorCode, toApiError } from '../../lib/api.js';

/**
 * The public verification API. Calls go without cookies: the page needs no account, a signed-in
 * visitor's session is not looked up on every re-check, and a 401 elsewhere cannot sign them out.
 */
async function call<T>(path: string, init: RequestInit & { signal?: AbortSignal }): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, credentials: 'omit', cache: 'no-store' });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError({
      status: 0,
      code: 'NETWORK_ERROR' satisfies ClientErrorCode,
      message: 'The server could not be reached',
    });
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!response.ok) throw toApiError(response.status, body);
  return body as T;
}

export const verifyApi = {
  /** Signature, issuer, dates and the status today of a signed credential (compact JWS). */
  verify: (credential: string, signal?: AbortSignal) =>
    call<AeoCredentialVerification>('/api/public/aeo/verify', {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify({ credential }),
      signal,
    }),
  /** The public register entry of an AEO identifier (404 when none was issued). */
  lookUp: (aeoId: string, signal?: AbortSignal) =>
    call<PublicAeoCertificate>(`/api/public/aeo/${encodeURIComponent(aeoId)}`, {
      method: 'GET',
      headers: { accept: 'application/json' },
      signal,
    }),
};
