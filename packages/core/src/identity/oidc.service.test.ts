import { createTestContext, type TestContext } from '@aeolus/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { resolveSession } from './auth.service.js';
import { type OidcIdentity, signInWithOidc } from './oidc.service.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t.close();
});

const identity = (over: Partial<OidcIdentity>): OidcIdentity => ({
  issuer: 'https://idp.example',
  subject: 'sub-1',
  email: 'validator@nl.customs.example',
  emailVerified: true,
  ...over,
});

async function refusal(input: OidcIdentity): Promise<string | undefined> {
  const error = await signInWithOidc(t.ctx, input).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return ((error as AppError).details as { reason?: string }).reason;
}

describe('signInWithOidc', () => {
  it('opens a session for the account with that verified email (any letter case)', async () => {
    const started = await signInWithOidc(t.ctx, identity({ email: 'Validator@NL.Customs.Example' }));
    const resolved = await resolveSession(t.ctx, started.token);
    expect(resolved?.actor).toMatchObject({
      label: 'validator@nl.customs.example',
      roles: ['aeo_validator'],
    });
    expect(resolved?.session.authMethod).toBe('oidc');
  });

  it('refuses an unverified, missing or merely claimed email', async () => {
    expect(await refusal(identity({ emailVerified: false }))).toBe('OIDC_EMAIL_UNVERIFIED');
    expect(await refusal(identity({ emailVerified: undefined }))).toBe('OIDC_EMAIL_UNVERIFIED');
    expect(await refusal(identity({ email: undefined }))).toBe('OIDC_EMAIL_UNVERIFIED');
  });

  it('never creates accounts: an unknown email is refused', async () => {
    expect(await refusal(identity({ email: 'new.person@nl.customs.example' }))).toBe('OIDC_ACCOUNT_UNKNOWN');
    const [row] = await t.database.query<{ n: number }>(
      `select count(*)::int as n from users where email = 'new.person@nl.customs.example'`,
    );
    expect(row!.n).toBe(0);
  });

  it('refuses a disabled account as if it were unknown', async () => {
    await t.database.query(`update users set disabled_at = now() where email = 'crisis@nl.customs.example'`);
    expect(await refusal(identity({ email: 'crisis@nl.customs.example' }))).toBe('OIDC_ACCOUNT_UNKNOWN');
  });
});
