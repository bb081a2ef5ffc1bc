import { createTestContext, type TestContext } from '@aeolus/core/testing';
import type { LightMyRequestResponse } from 'fastify';
import { type App, buildApp } from '../app.js';
import { SESSION_COOKIE } from '../plugins/auth.js';

export interface TestApp extends TestContext {
  app: App;
  /** Signs in as a (demo) account and returns a client that sends its cookie and CSRF token. */
  signIn(email: string, password?: string): Promise<TestClient>;
  close(): Promise<void>;
}

export interface TestClient {
  cookie: string;
  csrfToken: string;
  userId: string;
  organisationId: string;
  request(
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
}

export async function createTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const context = await createTestContext(overrides);
  const app = await buildApp({
    config: context.config,
    database: context.database,
    logger: false,
    serveWeb: false,
  });
  await app.ready();
  const signIn = async (email: string, password = 'aeolus-demo'): Promise<TestClient> => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
    if (res.statusCode !== 200) throw new Error(`sign-in as ${email} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
    const info = res.json() as { csrfToken: string; user: { id: string }; activeOrganisationId: string };
    const client: TestClient = {
      cookie,
      csrfToken: info.csrfToken,
      userId: info.user.id,
      organisationId: info.activeOrganisationId,
      request: (method, url, body, headers = {}) =>
        app.inject({
          method: method as 'GET',
          url,
          cookies: { [SESSION_COOKIE]: client.cookie },
          headers: { 'x-csrf-token': client.csrfToken, ...headers },
          ...(body === undefined ? {} : { payload: body as object }),
        }),
    };
    return client;
  };
  return {
    ...context,
    app,
    signIn,
    async close() {
      await app.close();
      await context.close();
    },
  };
}
