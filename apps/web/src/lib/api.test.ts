import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, onUnauthenticated, setCsrfToken, toApiError, withQuery } from './api.js';

interface Sent {
  url: string;
  init: RequestInit;
}

/** Replaces the network boundary only: the client's own code (headers, parsing, errors) runs for real. */
function answer(status: number, body: unknown): Sent[] {
  const sent: Sent[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    sent.push({ url, init });
    return new Response(body === undefined ? '' : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  });
  return sent;
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(undefined);
});

describe('api client', () => {
  it('sends the CSRF token on writes only, JSON only with a body, and same-origin credentials', async () => {
    setCsrfToken('csrf-123');
    const sent = answer(200, { items: [] });
    await api.listApiKeys();
    await api.revokeApiKey('0b0c1b4e-4f7e-4a55-9d35-4ad1c5b0f001');
    await api.updateProfile({ locale: 'fr' });

    const [get, revoke, patch] = sent.map((s) => ({
      ...s,
      headers: s.init.headers as Record<string, string>,
    }));
    expect(get?.headers['x-csrf-token']).toBeUndefined();
    expect(get?.init.credentials).toBe('same-origin');
    expect(revoke?.url).toBe('/api/api-keys/0b0c1b4e-4f7e-4a55-9d35-4ad1c5b0f001/revoke');
    expect(revoke?.headers['x-csrf-token']).toBe('csrf-123');
    expect(revoke?.headers['content-type']).toBeUndefined();
    expect(revoke?.init.body).toBeUndefined();
    expect(patch?.init.method).toBe('PATCH');
    expect(patch?.headers['content-type']).toBe('application/json');
    expect(patch?.init.body).toBe('{"locale":"fr"}');
  });

  it('turns the error body into an ApiError with field problems', async () => {
    answer(400, {
      error: {
        code: 'VALIDATION_FAILED',
        message: 'Invalid input: body.newPassword, currentPassword',
        details: {
          problems: [
            { path: 'body.newPassword', message: 'must be at least 10 characters' },
            { path: 'currentPassword', message: 'is not your current password' },
          ],
        },
        requestId: 'req-1',
      },
    });
    const error = await api.changePassword({ currentPassword: 'x', newPassword: 'short' }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.requestId).toBe('req-1');
    expect(error.problems).toEqual([
      { path: 'newPassword', message: 'must be at least 10 characters' },
      { path: 'currentPassword', message: 'is not your current password' },
    ]);
  });

  it('reports a 401 on a signed-in call as the end of the session, but not on sign-in or the session check', async () => {
    let ended = 0;
    const stop = onUnauthenticated(() => ended++);
    answer(401, { error: { code: 'UNAUTHENTICATED', message: 'Sign in' } });
    await api.listApiKeys().catch(() => undefined);
    await api.me().catch(() => undefined);
    await api.login({ email: 'a@b.example', password: 'x' }).catch(() => undefined);
    stop();
    expect(ended).toBe(1);
  });

  it('names a network failure and an answer without an error body', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(api.listWebhooks()).rejects.toMatchObject({ code: 'NETWORK_ERROR', status: 0 });
    expect(toApiError(502, undefined)).toMatchObject({ code: 'UNEXPECTED_RESPONSE', status: 502 });
  });
});

describe('withQuery', () => {
  it('drops empty values and encodes the rest', () => {
    expect(
      withQuery('/api/audit', { actor: 'noor de vries', action: '', limit: 25, before: undefined }),
    ).toBe('/api/audit?actor=noor+de+vries&limit=25');
    expect(withQuery('/api/audit', {})).toBe('/api/audit');
  });
});
