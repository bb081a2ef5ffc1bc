import type { ChangePassword, Login, Role, SessionInfo, UpdateProfile } from '@aeolus/contracts';
import type { CoreContext } from '../context.js';
import { inTransaction } from '../db/unit-of-work.js';
import { AppError } from '../errors.js';
import { hmacSha256Hex, randomToken } from '../shared/crypto.js';
import { recordChange } from '../shared/record-change.js';
import type { Actor } from './actor.js';
import { toUser } from './identity.mapper.js';
import * as repo from './identity.repository.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords.js';

/** After this many consecutive failures the account is locked for LOCKOUT_MINUTES. */
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;
const LAST_SEEN_RESOLUTION_MS = 60_000;

export interface RequestMeta {
  ip?: string;
  userAgent?: string;
  requestId?: string;
}

export interface StartedSession {
  /** The cookie value; only its HMAC is stored. */
  token: string;
  info: SessionInfo;
}

function sessionId(ctx: CoreContext, token: string): string {
  return hmacSha256Hex(ctx.config.secrets.session, token);
}

function tooManyAttempts(lockedUntil: Date): AppError {
  return new AppError(
    'TOO_MANY_ATTEMPTS',
    `Too many failed sign-in attempts; try again after ${lockedUntil.toISOString()}`,
    { retryAfter: lockedUntil.toISOString() },
  );
}

export async function login(ctx: CoreContext, input: Login, meta: RequestMeta = {}): Promise<StartedSession> {
  const user = await repo.findUserByEmail(ctx.db, input.email);
  if (!user?.passwordHash || user.disabledAt) {
    // Spend the same time as a real check so that response times do not reveal which emails exist.
    await verifyPassword(input.password, await dummyPasswordHash(ctx.config.passwordHashCost));
    throw new AppError('INVALID_CREDENTIALS', 'The email or password is not correct');
  }
  const now = new Date();
  // Locked: refused before the password is even checked, so the right password does not help either.
  if (user.lockedUntil && user.lockedUntil > now) throw tooManyAttempts(user.lockedUntil);
  if (!(await verifyPassword(input.password, user.passwordHash))) {
    const lockedUntil = await inTransaction(ctx.db, async (tx) => {
      const failures = await repo.incrementFailedLogins(tx, user.id);
      if (failures >= MAX_FAILED_LOGINS) {
        const lockedUntil = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000);
        await repo.updateUser(tx, user.id, { lockedUntil, failedLoginCount: 0 });
        await recordChange(
          tx,
          { kind: 'system', label: 'sign-in throttle', requestId: meta.requestId },
          {
            action: 'user.locked_out',
            subjectType: 'user',
            subjectId: user.id,
            organisationId: null,
            summary: { after: { lockedUntil: lockedUntil.toISOString(), email: user.email } },
          },
        );
        return lockedUntil;
      }
      return undefined;
    });
    // The attempt that trips the lock already says so, with when to come back (OWASP ASVS 2.2.1).
    if (lockedUntil) throw tooManyAttempts(lockedUntil);
    throw new AppError('INVALID_CREDENTIALS', 'The email or password is not correct');
  }
  const memberships = await repo.listMemberships(ctx.db, user.id);
  const first = memberships[0];
  if (!first) throw new AppError('FORBIDDEN', 'This account does not belong to any organisation');
  return startSession(ctx, {
    userId: user.id,
    organisationId: first.organisationId,
    method: 'password',
    meta,
  });
}

/** Opens a session for a user already authenticated (password or OpenID Connect). */
export async function startSession(
  ctx: CoreContext,
  options: { userId: string; organisationId: string; method: 'password' | 'oidc'; meta: RequestMeta },
): Promise<StartedSession> {
  const user = await repo.findUser(ctx.db, options.userId);
  const here = (await repo.listMemberships(ctx.db, options.userId)).filter(
    (m) => m.organisationId === options.organisationId,
  );
  if (!user || here.length === 0) throw AppError.notFound('Organisation');
  const actor: Actor = {
    kind: 'user',
    userId: user.id,
    label: user.email,
    organisationId: options.organisationId,
    organisationKind: here[0]!.organisationKind,
    roles: here.map((m) => m.role),
    requestId: options.meta.requestId,
  };
  const token = randomToken(32);
  const now = new Date();
  await inTransaction(ctx.db, async (tx) => {
    await repo.updateUser(tx, options.userId, { failedLoginCount: 0, lockedUntil: null });
    await repo.insertSession(tx, {
      id: sessionId(ctx, token),
      userId: options.userId,
      organisationId: options.organisationId,
      csrfToken: randomToken(24),
      authMethod: options.method,
      ip: options.meta.ip ?? null,
      userAgent: options.meta.userAgent?.slice(0, 300) ?? null,
      expiresAt: new Date(now.getTime() + ctx.config.sessionTtlHours * 3_600_000),
    });
    await recordChange(tx, actor, {
      action: 'user.signed_in',
      subjectType: 'user',
      subjectId: options.userId,
      summary: { note: `signed in with ${options.method}`, after: { ip: options.meta.ip ?? null } },
      event: false,
    });
  });
  const resolved = await resolveSession(ctx, token);
  if (!resolved) throw new AppError('INTERNAL', 'The new session could not be read back');
  return { token, info: resolved.info };
}

export interface ResolvedSession {
  actor: Extract<Actor, { kind: 'user' }>;
  info: SessionInfo;
  session: repo.SessionRow;
}

/** The session behind a cookie token, with the actor it stands for; undefined when absent or expired. */
export async function resolveSession(ctx: CoreContext, token: string): Promise<ResolvedSession | undefined> {
  const now = new Date();
  const session = await repo.findLiveSession(ctx.db, sessionId(ctx, token), now);
  if (!session) return undefined;
  const user = await repo.findUser(ctx.db, session.userId);
  if (!user || user.disabledAt) return undefined;
  const memberships = await repo.listMemberships(ctx.db, user.id);
  const here = memberships.filter((m) => m.organisationId === session.organisationId);
  // A membership removed while signed in ends the session's access to that organisation.
  if (here.length === 0) return undefined;
  if (now.getTime() - session.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
    await repo.updateSession(ctx.db, session.id, { lastSeenAt: now });
  }
  const roles = here.map((m) => m.role) as Role[];
  return {
    session,
    actor: {
      kind: 'user',
      userId: user.id,
      label: user.email,
      organisationId: session.organisationId,
      organisationKind: here[0]!.organisationKind,
      roles,
      sessionId: session.id,
    },
    info: {
      user: toUser(user, memberships),
      activeOrganisationId: session.organisationId,
      roles,
      csrfToken: session.csrfToken,
      expiresAt: session.expiresAt.toISOString(),
    },
  };
}

export async function logout(ctx: CoreContext, actor: Actor, token: string): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    const removed = await repo.deleteSession(tx, sessionId(ctx, token));
    if (removed) {
      await recordChange(tx, actor, {
        action: 'user.signed_out',
        subjectType: 'user',
        subjectId: removed.userId,
        event: false,
      });
    }
  });
}

export async function switchOrganisation(
  ctx: CoreContext,
  actor: Actor,
  token: string,
  organisationId: string,
): Promise<SessionInfo> {
  if (actor.kind !== 'user') throw AppError.forbidden('Only people switch organisations');
  const memberships = await repo.listMemberships(ctx.db, actor.userId);
  // Not a member: answer as if the organisation did not exist (tenants are walls).
  if (!memberships.some((m) => m.organisationId === organisationId)) throw AppError.notFound('Organisation');
  await inTransaction(ctx.db, async (tx) => {
    await repo.updateSession(tx, sessionId(ctx, token), { organisationId });
    await recordChange(tx, actor, {
      action: 'user.switched_organisation',
      subjectType: 'user',
      subjectId: actor.userId,
      organisationId,
      summary: { before: { organisationId: actor.organisationId }, after: { organisationId } },
      event: false,
    });
  });
  const resolved = await resolveSession(ctx, token);
  return resolved!.info;
}

export async function changePassword(ctx: CoreContext, actor: Actor, input: ChangePassword): Promise<void> {
  if (actor.kind !== 'user') throw AppError.forbidden('Only people have passwords');
  const user = await repo.findUser(ctx.db, actor.userId);
  if (!user?.passwordHash || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new AppError('VALIDATION_FAILED', 'Invalid input: currentPassword', {
      problems: [{ path: 'currentPassword', message: 'is not your current password' }],
    });
  }
  if (input.newPassword === input.currentPassword) {
    throw new AppError('VALIDATION_FAILED', 'Invalid input: newPassword', {
      problems: [{ path: 'newPassword', message: 'must differ from the current password' }],
    });
  }
  const passwordHash = await hashPassword(input.newPassword, ctx.config.passwordHashCost);
  await inTransaction(ctx.db, async (tx) => {
    await repo.updateUser(tx, actor.userId, { passwordHash, passwordChangedAt: new Date() });
    // Every other session of the user ends: a changed password must lock out whoever knew the old one.
    await repo.deleteUserSessions(tx, actor.userId, actor.sessionId);
    await recordChange(tx, actor, {
      action: 'user.password_changed',
      subjectType: 'user',
      subjectId: actor.userId,
      event: { userId: actor.userId },
    });
  });
}

export async function updateProfile(ctx: CoreContext, actor: Actor, input: UpdateProfile): Promise<void> {
  if (actor.kind !== 'user') throw AppError.forbidden('Only people have profiles');
  await inTransaction(ctx.db, async (tx) => {
    const before = await repo.findUser(tx, actor.userId);
    await repo.updateUser(tx, actor.userId, input);
    await recordChange(tx, actor, {
      action: 'user.profile_updated',
      subjectType: 'user',
      subjectId: actor.userId,
      summary: {
        before: { displayName: before?.displayName, locale: before?.locale },
        after: input,
      },
      event: { userId: actor.userId, ...input },
    });
  });
}
