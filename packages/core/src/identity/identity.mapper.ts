import type { ApiKey, ApiKeyScope, Membership, Organisation, SupplyChainRole, User } from '@aeolus/contracts';
import type { ApiKeyRow, MembershipView, OrganisationRow, UserRow } from './identity.repository.js';

export function toOrganisation(row: OrganisationRow): Organisation {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    legalName: row.legalName,
    country: row.country,
    identifiers: row.identifiers,
    isSme: row.isSme,
    supplyChainRoles: row.supplyChainRoles as SupplyChainRole[],
    supervisingAdministrationId: row.supervisingAdministrationId,
    createdAt: row.createdAt.toISOString(),
  };
}

export function toMembership(view: MembershipView): Membership {
  return { ...view };
}

export function toUser(row: UserRow, memberships: MembershipView[]): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    locale: row.locale,
    memberships: memberships.map(toMembership),
  };
}

export function toApiKey(row: ApiKeyRow & { createdByEmail?: string | null }): ApiKey {
  return {
    id: row.id,
    organisationId: row.organisationId,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes as ApiKeyScope[],
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdByEmail ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
