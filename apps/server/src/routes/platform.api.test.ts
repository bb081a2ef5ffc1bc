import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';

/** Probes, metrics, security headers and request ids: what operators and browsers rely on. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('probes', () => {
  it('GET /health answers 200 {status: ok}', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('GET /ready answers 200 while the database answers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/ready' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ready' });
  });

  it('GET /ready answers 503 once the database is gone, while /health stays up', async () => {
    const broken = await createTestApp();
    try {
      await broken.database.close();
      const res = await broken.app.inject({ method: 'GET', url: '/ready' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ status: 'unavailable', reason: expect.any(String) });
      expect((await broken.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    } finally {
      await broken.close();
    }
  });
});

describe('metrics', () => {
  it('serves Prometheus text with the request-duration histogram by route pattern', async () => {
    await t.app.inject({ method: 'GET', url: '/health' });
    await t.app.inject({ method: 'GET', url: '/api/organisations/current' });
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.body).toContain('# TYPE aeolus_http_request_duration_seconds histogram');
    expect(res.body).toMatch(
      /aeolus_http_request_duration_seconds_bucket\{le="0\.1",method="GET",route="\/health",status_code="200"\} [1-9]/,
    );
    expect(res.body).toMatch(
      /aeolus_http_request_duration_seconds_count\{[^}]*route="\/api\/organisations\/current",status_code="401"\} 1/,
    );
    expect(res.body).toContain('aeolus_process_cpu_user_seconds_total');
  });
});

describe('security headers', () => {
  it.each(['/health', '/api/auth/me', '/api/no-such-route'])('are set on %s', async (url) => {
    const res = await t.app.inject({ method: 'GET', url });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});

describe('request ids', () => {
  it('gives every response an id, the same one its error body carries', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.json().error.requestId).toBe(res.headers['x-request-id']);
  });

  it("keeps a caller's well-formed id (for tracing) and replaces one that is not", async () => {
    const kept = await t.app.inject({
      method: 'GET',
      url: '/health',
      headers: { 'x-request-id': 'trace-0123456789' },
    });
    expect(kept.headers['x-request-id']).toBe('trace-0123456789');
    for (const bad of ['a\nforged log line', 'x'.repeat(500), '<script>']) {
      const res = await t.app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': bad } });
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
