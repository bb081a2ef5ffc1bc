import {
  type CreateUser,
  type OrganisationMember,
  ROLES_BY_ORGANISATION_KIND,
  type Role,
  type User,
} from '@aeolus/contracts';
import type { CoreContext } from '../context.js';
import { inTransaction } from '../db/unit-of-work.js';
import { AppError } from '../errors.js';
import { recordChange } from '../shared/record-change.js';
import type { Actor } from './actor.js';
import { authorize, tenantOf } from './authorization.js';
import { toUser } from './identity.mapper.js';
import * as repo from './identity.repository.js';
import { hashPassword } from './passwords.js';

export async function getCurrentUser(ctx: CoreContext, userId: string): Promise<User> {
  const user = await repo.findUser(ctx.db, userId);
  if (!user) throw AppError.notFound('User');
  return toUser(user, await repo.listMemberships(ctx.db, userId));
}

export async function listMembers(ctx: CoreContext, actor: Actor): Promise<OrganisationMember[]> {
  authorize(actor, 'users:read');
  const rows = await repo.listOrganisationMembers(ctx.db, tenantOf(actor));
  const byUser = new Map<string, OrganisationMember>();
  for (const row of rows) {
    const member = byUser.get(row.userId) ?? { ...row, roles: [] as Role[] };
    member.roles.push(row.role);
    byUser.set(row.userId, member);
  }
  return [...byUser.values()];
}

/**
 * Adds a person to an organisation with a role. An existing account (same email) gains the membership;
 * otherwise the account is created. The role must belong to the organisation's kind (no validator role
 * in a trading company).
 */
export async function addMember(
  ctx: CoreContext,
  actor: Actor,
  input: CreateUser & { organisationId?: string },
): Promise<User> {
  authorize(actor, 'users:manage');
  const organisationId = actor.kind === 'system' ? input.organisationId : actor.organisationId;
  if (!organisationId) throw AppError.validation([{ path: 'organisationId', message: 'is required' }]);
  const organisation = await repo.findOrganisation(ctx.db, organisationId);
  if (!organisation) throw AppError.notFound('Organisation');
  if (!ROLES_BY_ORGANISATION_KIND[organisation.kind].includes(input.role)) {
    throw AppError.validation([
      {
        path: 'role',
        message: `must be one of ${ROLES_BY_ORGANISATION_KIND[organisation.kind].join(', ')} for ${organisation.kind === 'economic_operator' ? 'an' : 'a'} ${organisation.kind.replaceAll('_', ' ')}`,
      },
    ]);
  }
  // Hash only for a new account: an existing one keeps its password when it gains a membership.
  const isNew = !(await repo.findUserByEmail(ctx.db, input.email));
  const passwordHash =
    isNew && input.password ? await hashPassword(input.password, ctx.config.passwordHashCost) : null;
  const userId = await inTransaction(ctx.db, async (tx) => {
    const existing = await repo.findUserByEmail(tx, input.email);
    const user =
      existing ??
      (await repo.insertUser(tx, {
        email: input.email.toLowerCase(),
        displayName: input.displayName,
        passwordHash,
        locale: input.locale,
      }));
    const already = (await repo.listMemberships(tx, user.id)).some(
      (m) => m.organisationId === organisationId && m.role === input.role,
    );
    if (already) {
      throw new AppError(
        'CONFLICT',
        `${input.email} already has the role ${input.role} in this organisation`,
      );
    }
    await repo.insertMembership(tx, { userId: user.id, organisationId, role: input.role });
    await recordChange(tx, actor, {
      action: existing ? 'membership.created' : 'user.created',
      subjectType: 'user',
      subjectId: user.id,
      organisationId,
      summary: { after: { email: user.email, role: input.role, organisationId } },
      event: { userId: user.id, email: user.email, role: input.role },
    });
    return user.id;
  });
  return getCurrentUser(ctx, userId);
}
