import { createTestContext, type TestContext } from '@aeolus/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import {
  changePassword,
  LOCKOUT_MINUTES,
  login,
  logout,
  MAX_FAILED_LOGINS,
  resolveSession,
  type StartedSession,
} from './auth.service.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t.close();
});

const PASSWORD = 'aeolus-demo';

async function attempt(email: string, password: string): Promise<StartedSession | AppError> {
  try {
    return await login(t.ctx, { email, password });
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

const codeOf = (result: StartedSession | AppError) => (result instanceof AppError ? result.code : 'OK');

async function userRow(email: string) {
  const [row] = await t.database.query<{ id: string; failed_login_count: number; locked_until: Date | null }>(
    'select id, failed_login_count, locked_until from users where email = $1',
    [email],
  );
  return row!;
}

describe('lockout after repeated failures', () => {
  const email = 'validator@ke.customs.example';

  it(`locks the account on the ${MAX_FAILED_LOGINS}th failure, for ${LOCKOUT_MINUTES} minutes`, async () => {
    const codes: string[] = [];
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) codes.push(codeOf(await attempt(email, `wrong-${i}`)));
    expect(codes).toEqual([...Array(MAX_FAILED_LOGINS - 1).fill('INVALID_CREDENTIALS'), 'TOO_MANY_ATTEMPTS']);
    const row = await userRow(email);
    const minutes = (new Date(row.locked_until!).getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(LOCKOUT_MINUTES - 1);
    expect(minutes).toBeLessThanOrEqual(LOCKOUT_MINUTES);
    const [audit] = await t.database.query<{ subject_id: string }>(
      `select subject_id from audit_log where action = 'user.locked_out' order by seq desc limit 1`,
    );
    expect(audit?.subject_id).toBe(row.id);
  });

  it('refuses even the right password while locked, saying when to come back', async () => {
    const result = await attempt(email, PASSWORD);
    expect(codeOf(result)).toBe('TOO_MANY_ATTEMPTS');
    const retryAfter = ((result as AppError).details as { retryAfter: string }).retryAfter;
    expect(new Date(retryAfter).getTime()).toBeGreaterThan(Date.now());
  });

  it('lets the right password in once the lock has expired', async () => {
    await t.database.query(`update users set locked_until = now() - interval '1 second' where email = $1`, [
      email,
    ]);
    expect(codeOf(await attempt(email, PASSWORD))).toBe('OK');
  });

  it('resets the count on success, so failures must be consecutive to lock', async () => {
    const other = 'crisis@nl.customs.example';
    for (let i = 0; i < MAX_FAILED_LOGINS - 1; i++) await attempt(other, 'wrong');
    expect((await userRow(other)).failed_login_count).toBe(MAX_FAILED_LOGINS - 1);
    expect(codeOf(await attempt(other, PASSWORD))).toBe('OK');
    expect((await userRow(other)).failed_login_count).toBe(0);
    for (let i = 0; i < MAX_FAILED_LOGINS - 1; i++) {
      expect(codeOf(await attempt(other, 'wrong'))).toBe('INVALID_CREDENTIALS');
    }
  });

  it('answers an unknown email like a wrong password, and never locks it', async () => {
    for (let i = 0; i < MAX_FAILED_LOGINS + 1; i++) {
      expect(codeOf(await attempt('nobody@nowhere.example', 'x'))).toBe('INVALID_CREDENTIALS');
    }
  });
});

describe('sessions', () => {
  it('resolves a live session to its actor and stops when it expires', async () => {
    const started = await login(t.ctx, { email: 'analyst@nl.customs.example', password: PASSWORD });
    const live = await resolveSession(t.ctx, started.token);
    expect(live?.actor).toMatchObject({
      kind: 'user',
      label: 'analyst@nl.customs.example',
      roles: ['risk_analyst'],
    });
    const hours = (new Date(started.info.expiresAt).getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeCloseTo(t.config.sessionTtlHours, 1);
    await t.database.query(`update sessions set expires_at = now() - interval '1 second' where id = $1`, [
      live!.session.id,
    ]);
    expect(await resolveSession(t.ctx, started.token)).toBeUndefined();
  });

  it('stores only an HMAC of the token', async () => {
    const started = await login(t.ctx, { email: 'analyst@nl.customs.example', password: PASSWORD });
    const rows = await t.database.query<{ id: string }>('select id from sessions');
    expect(rows.some((r) => r.id === started.token)).toBe(false);
    expect(await resolveSession(t.ctx, `${started.token}x`)).toBeUndefined();
  });

  it('ends the session on logout', async () => {
    const started = await login(t.ctx, { email: 'analyst@nl.customs.example', password: PASSWORD });
    const { actor } = (await resolveSession(t.ctx, started.token))!;
    await logout(t.ctx, actor, started.token);
    expect(await resolveSession(t.ctx, started.token)).toBeUndefined();
  });
});

describe('password change', () => {
  const email = 'admin@ke.customs.example';

  it('refuses a wrong current password and a new one equal to the current, naming the field', async () => {
    const started = await login(t.ctx, { email, password: PASSWORD });
    const { actor } = (await resolveSession(t.ctx, started.token))!;
    for (const [input, field] of [
      [{ currentPassword: 'not-it', newPassword: 'a-brand-new-password' }, 'currentPassword'],
      [{ currentPassword: PASSWORD, newPassword: PASSWORD }, 'newPassword'],
    ] as const) {
      const error = await changePassword(t.ctx, actor, input).catch((e: AppError) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('VALIDATION_FAILED');
      expect((error as AppError).details).toEqual({ problems: [expect.objectContaining({ path: field })] });
    }
  });

  it('changes it, ends every other session, keeps this one, and only the new password works', async () => {
    const mine = await login(t.ctx, { email, password: PASSWORD });
    const other = await login(t.ctx, { email, password: PASSWORD });
    const { actor } = (await resolveSession(t.ctx, mine.token))!;
    await changePassword(t.ctx, actor, { currentPassword: PASSWORD, newPassword: 'a-brand-new-password' });
    expect(await resolveSession(t.ctx, other.token)).toBeUndefined();
    expect(await resolveSession(t.ctx, mine.token)).toBeDefined();
    expect(codeOf(await attempt(email, PASSWORD))).toBe('INVALID_CREDENTIALS');
    expect(codeOf(await attempt(email, 'a-brand-new-password'))).toBe('OK');
    const [row] = await t.database.query<{ password_hash: string }>(
      'select password_hash from users where email = $1',
      [email],
    );
    expect(row!.password_hash).toMatch(/^scrypt\$ln=\d+,r=8,p=1\$/);
    expect(row!.password_hash).not.toContain('a-brand-new-password');
  });
});
