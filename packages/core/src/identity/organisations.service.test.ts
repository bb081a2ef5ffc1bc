import { createTestContext, type TestContext } from '@aeolus/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { systemActor } from './actor.js';
import { createOrganisation } from './organisations.service.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t.close();
});

const count = async () =>
  (await t.database.query<{ n: number }>('select count(*)::int as n from organisations'))[0]!.n;

describe('createOrganisation country codes (ISO 3166-1 alpha-2)', () => {
  it.each([
    ['unassigned', 'XX'],
    ['lower case', 'nl'],
    ['alpha-3', 'NLD'],
    ['missing', undefined],
    ['digits', '12'],
  ])('refuses %s (%s), naming the field, and writes nothing', async (_label, country) => {
    const before = await count();
    const error = await createOrganisation(t.ctx, systemActor('test'), {
      kind: 'economic_operator',
      name: 'Nowhere Trading',
      country,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('VALIDATION_FAILED');
    expect((error as AppError).message).toContain('country');
    expect((error as AppError).details).toEqual({ problems: [expect.objectContaining({ path: 'country' })] });
    expect(await count()).toBe(before);
  });

  it('accepts an assigned code and lets the secretariat have none', async () => {
    const operator = await createOrganisation(t.ctx, systemActor('test'), {
      kind: 'economic_operator',
      name: 'Brussels Brokers',
      country: 'BE',
    });
    expect(operator.country).toBe('BE');
    const secretariat = await createOrganisation(t.ctx, systemActor('test'), {
      kind: 'secretariat',
      name: 'Regional office',
    });
    expect(secretariat.country).toBeNull();
  });

  it('is refused to anyone but the platform operator', async () => {
    const person = {
      kind: 'user' as const,
      userId: '00000000-0000-4000-8000-000000000000',
      label: 'someone',
      organisationId: '00000000-0000-4000-8000-000000000001',
      organisationKind: 'customs_administration' as const,
      roles: ['admin' as const],
    };
    const error = await createOrganisation(t.ctx, person, { kind: 'secretariat', name: 'x' }).catch(
      (e: unknown) => e,
    );
    expect((error as AppError).code).toBe('FORBIDDEN');
  });
});
