import { type APIRequestContext, type APIResponse, expect, request } from '@playwright/test';
import { DEMO_PASSWORD } from './support.js';

/** A signed-in API session (cookie + CSRF token) beside the browser, to set up or change demo state. */
export interface ApiSession {
  get(url: string): Promise<APIResponse>;
  post(url: string, data?: unknown): Promise<APIResponse>;
  dispose(): Promise<void>;
}

export async function apiSession(baseURL: string, email: string): Promise<ApiSession> {
  const context: APIRequestContext = await request.newContext({ baseURL });
  const login = await context.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } });
  expect(login.ok(), `sign-in as ${email}: ${login.status()}`).toBe(true);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return {
    get: (url) => context.get(url),
    post: (url, data) =>
      context.post(url, { headers: { 'x-csrf-token': csrfToken }, ...(data === undefined ? {} : { data }) }),
    dispose: () => context.dispose(),
  };
}

interface CaseSummary {
  id: string;
  operatorName: string;
  status: string;
}

/** The AEO case of a demo operator, as the caller sees it (id, status, certificate...). */
export async function caseOf(session: ApiSession, operatorName?: string) {
  const list = await session.get('/api/aeo/applications');
  expect(list.ok()).toBe(true);
  const items = (await list.json()).items as CaseSummary[];
  const found = operatorName ? items.find((i) => i.operatorName === operatorName) : items[0];
  expect(found, `a case of ${operatorName ?? 'the caller'}`).toBeDefined();
  const detail = await session.get(`/api/aeo/applications/${found!.id}`);
  expect(detail.ok()).toBe(true);
  return (await detail.json()) as {
    id: string;
    status: string;
    awaitingInformation: boolean;
    certificate: { aeoId: string; status: string; validFrom: string; credential: string } | null;
  };
}
