import { randomBytes } from 'node:crypto';
import {
  type ApiKey,
  type ApiKeyScope,
  type CreateApiKey,
  type CreatedApiKey,
  grantableScopes,
  ROLES_BY_ORGANISATION_KIND,
  type Role,
} from '@aeolus/contracts';
import type { CoreContext } from '../context.js';
import { inTransaction } from '../db/unit-of-work.js';
import { AppError } from '../errors.js';
import { BatchedLookup } from '../shared/batched-lookup.js';
import { randomToken, safeEqual, sha256Hex } from '../shared/crypto.js';
import { Lru } from '../shared/lru.js';
import { recordChange } from '../shared/record-change.js';
import type { Actor } from './actor.js';
import { authorize, can, tenantOf } from './authorization.js';
import { toApiKey } from './identity.mapper.js';
import * as repo from './identity.repository.js';

/** `aeo_<12 hex prefix>_<43 base64url secret>`: the prefix finds the row, the secret is checked by hash. */
const KEY_PATTERN = /^aeo_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;
const TOUCH_RESOLUTION_MS = 60_000;

/**
 * Creates a key; its secret is returned once and only its hash is stored. `fixed` is for the demo seed
 * alone (a published demo credential, like the demo password): the system actor may give the key's text.
 */
export async function createApiKey(
  ctx: CoreContext,
  actor: Actor,
  input: CreateApiKey & { organisationId?: string },
  fixed?: { key: string },
): Promise<CreatedApiKey> {
  authorize(actor, 'api-keys:manage');
  const organisationId = actor.kind === 'system' ? input.organisationId : actor.organisationId;
  if (!organisationId) throw AppError.validation([{ path: 'organisationId', message: 'is required' }]);
  const organisation = await repo.findOrganisation(ctx.db, organisationId);
  if (!organisation) throw AppError.notFound('Organisation');
  // A key never does more than the person who made it: its scopes must be ones their roles grant.
  const roles: readonly Role[] =
    actor.kind === 'system' ? ROLES_BY_ORGANISATION_KIND[organisation.kind] : actor.roles;
  const allowed = grantableScopes(roles);
  const refused = input.scopes.filter((s) => !allowed.includes(s));
  if (refused.length > 0) {
    throw AppError.validation(
      refused.map((s) => ({
        path: `scopes.${input.scopes.indexOf(s)}`,
        message: `scope ${s} is not one your role can grant (allowed: ${allowed.join(', ') || 'none'})`,
      })),
    );
  }
  if (input.expiresAt && new Date(input.expiresAt) <= new Date()) {
    throw AppError.validation([{ path: 'expiresAt', message: 'must be in the future' }]);
  }
  const given = fixed ? KEY_PATTERN.exec(fixed.key) : null;
  if (fixed && (actor.kind !== 'system' || !given)) {
    throw new AppError('INTERNAL', 'A fixed API key is for the demo seed, in the aeo_<prefix>_<secret> form');
  }
  const prefix = given ? given[1]! : randomBytes(6).toString('hex');
  const secret = given ? given[2]! : randomToken(32);
  const row = await inTransaction(ctx.db, async (tx) => {
    const created = await repo.insertApiKey(tx, {
      organisationId,
      createdByUserId: actor.kind === 'user' ? actor.userId : null,
      name: input.name,
      prefix,
      secretHash: sha256Hex(secret),
      scopes: [...new Set(input.scopes)],
      expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
    });
    await recordChange(tx, actor, {
      action: 'api_key.created',
      subjectType: 'api_key',
      subjectId: created.id,
      organisationId,
      summary: { after: { name: created.name, prefix, scopes: created.scopes } },
      event: { apiKeyId: created.id, name: created.name, scopes: created.scopes },
    });
    return created;
  });
  return {
    apiKey: toApiKey({ ...row, createdByEmail: actor.kind === 'user' ? actor.label : null }),
    secret: `aeo_${prefix}_${secret}`,
  };
}

/** One's own keys; administrators see every key of the organisation. */
export async function listApiKeys(ctx: CoreContext, actor: Actor): Promise<ApiKey[]> {
  authorize(actor, 'api-keys:manage');
  const all = can(actor, 'api-keys:manage-all');
  const rows = await repo.listApiKeys(ctx.db, {
    organisationId: tenantOf(actor),
    createdByUserId: all || actor.kind !== 'user' ? undefined : actor.userId,
  });
  return rows.map(toApiKey);
}

export async function revokeApiKey(
  ctx: CoreContext,
  actor: Actor,
  input: { id: string; organisationId?: string },
): Promise<ApiKey> {
  authorize(actor, 'api-keys:manage');
  const organisationId = actor.kind === 'system' ? input.organisationId : actor.organisationId;
  const key = organisationId ? await repo.findApiKey(ctx.db, organisationId, input.id) : undefined;
  // Another tenant's key, or a colleague's key for a non-administrator: not found, not forbidden.
  const mine =
    actor.kind !== 'user' || key?.createdByUserId === actor.userId || can(actor, 'api-keys:manage-all');
  if (!key || !mine) throw AppError.notFound('API key');
  if (key.revokedAt) throw new AppError('INVALID_STATE', 'This API key is already revoked');
  const revoked = await inTransaction(ctx.db, async (tx) => {
    const row = await repo.revokeApiKeyRow(tx, key.organisationId, key.id, new Date());
    if (!row) throw new AppError('INVALID_STATE', 'This API key is already revoked');
    await recordChange(tx, actor, {
      action: 'api_key.revoked',
      subjectType: 'api_key',
      subjectId: key.id,
      organisationId: key.organisationId,
      summary: { before: { revokedAt: null }, after: { revokedAt: row.revokedAt?.toISOString() } },
      event: { apiKeyId: key.id },
    });
    return row;
  });
  return toApiKey(revoked);
}

/** When this process last wrote `last_used_at` of a key (by key id). */
const touchedAt = new Lru<string, number>(10_000);
const credentialLookups = new WeakMap<object, BatchedLookup<string, repo.ApiKeyCredential>>();

/**
 * The key with this prefix, read live: concurrent authentications share one statement (the key, its
 * organisation and its creator's memberships together), sent after each of them was asked for — so a
 * revocation, an expiry or a removed membership counts on the very next request. Nothing is cached.
 */
function findCredential(ctx: CoreContext, prefix: string) {
  let lookup = credentialLookups.get(ctx.db);
  if (!lookup) {
    const { db } = ctx;
    lookup = new BatchedLookup((prefixes) => repo.findApiKeyCredentials(db, prefixes));
    credentialLookups.set(db, lookup);
  }
  return lookup.load(prefix);
}

/**
 * The actor behind a presented key, or undefined for a malformed, unknown, revoked or expired key.
 * Its roles are its creator's current roles, so removing a person also disarms their keys.
 */
export async function authenticateApiKey(
  ctx: CoreContext,
  presented: string,
): Promise<Extract<Actor, { kind: 'api_key' }> | undefined> {
  const match = KEY_PATTERN.exec(presented);
  if (!match) return undefined;
  const key = await findCredential(ctx, match[1]!);
  if (!key || !safeEqual(key.secretHash, sha256Hex(match[2]!))) return undefined;
  const now = new Date();
  if (key.revokedAt || (key.expiresAt && key.expiresAt <= now)) return undefined;
  let roles: Role[];
  let label = `API key ${key.name}`;
  if (key.createdByUserId) {
    roles = key.creatorRoles as Role[];
    if (roles.length === 0) return undefined;
  } else {
    roles = [...ROLES_BY_ORGANISATION_KIND[key.organisationKind]];
    label = `API key ${key.name} (system)`;
  }
  const lastUsed = Math.max(key.lastUsedAt?.getTime() ?? 0, touchedAt.get(key.id) ?? 0);
  if (now.getTime() - lastUsed > TOUCH_RESOLUTION_MS) {
    // Concurrent requests read the same old time: only the first of them writes the new one.
    touchedAt.set(key.id, now.getTime());
    await repo.touchApiKeys(ctx.db, [key.id], now);
  }
  return {
    kind: 'api_key',
    apiKeyId: key.id,
    userId: key.createdByUserId,
    label,
    organisationId: key.organisationId,
    organisationKind: key.organisationKind,
    roles,
    scopes: key.scopes as ApiKeyScope[],
  };
}
