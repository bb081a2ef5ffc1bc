import { AppError } from '@aeolus/core';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { registerErrorHandling } from './errors.js';

/** The error handler alone, on a bare app whose routes fail on purpose. */
const app = Fastify({ logger: false }).withTypeProvider<ZodTypeProvider>();
const failures: Record<string, () => unknown> = {
  unexpected: () => {
    throw new Error('connection string postgres://secret@db/prod leaked in a stack');
  },
  'unique-race': () => {
    throw Object.assign(new Error('Failed query'), {
      cause: Object.assign(new Error('duplicate key value violates unique constraint "users_email_uq"'), {
        code: '23505',
      }),
    });
  },
  'bad-value': () => {
    throw Object.assign(new Error('invalid input syntax for type uuid'), { code: '22P02' });
  },
  'lost-connection': () => {
    throw Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
  },
  locked: () => {
    throw new AppError('TOO_MANY_ATTEMPTS', 'Locked', {
      retryAfter: new Date(Date.now() + 90_000).toISOString(),
    });
  },
};

beforeAll(async () => {
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  for (const [name, fail] of Object.entries(failures)) app.get(`/${name}`, async () => fail());
  app.get('/bad-response', { schema: { response: { 200: z.object({ n: z.number() }) } } }, async () => ({
    n: 'not a number' as unknown as number,
  }));
  await app.ready();
});
afterAll(() => app.close());

const get = async (url: string) => {
  const res = await app.inject({ method: 'GET', url });
  return { status: res.statusCode, error: res.json().error, headers: res.headers };
};

describe('error handler', () => {
  it('answers an unexpected error with 500 and nothing internal but the request id', async () => {
    const { status, error } = await get('/unexpected');
    expect(status).toBe(500);
    expect(error).toEqual({
      code: 'INTERNAL',
      message: 'An unexpected error occurred',
      requestId: expect.any(String),
    });
  });

  it('does not send a response that breaks its own schema', async () => {
    const { status, error } = await get('/bad-response');
    expect(status).toBe(500);
    expect(error.code).toBe('INTERNAL');
  });

  it('maps database errors a client can cause to 4xx, without constraint names', async () => {
    const race = await get('/unique-race');
    expect(race.status).toBe(409);
    expect(race.error).toMatchObject({ code: 'CONFLICT', message: 'This already exists' });
    expect(JSON.stringify(race.error)).not.toContain('users_email_uq');
    expect((await get('/bad-value')).status).toBe(400);
    expect((await get('/lost-connection')).error.code).toBe('SERVICE_UNAVAILABLE');
  });

  it('sets Retry-After from the error details', async () => {
    const { status, headers } = await get('/locked');
    expect(status).toBe(429);
    expect(Number(headers['retry-after'])).toBeGreaterThanOrEqual(89);
    expect(Number(headers['retry-after'])).toBeLessThanOrEqual(90);
  });

  it('answers an unknown route with 404 NOT_FOUND', async () => {
    const { status, error } = await get('/nowhere?x=1');
    expect(status).toBe(404);
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: 'No route GET /nowhere' });
  });
});
