import { z } from 'zod';
import { CountryCode, Email, IsoDateTime, Uuid } from './common.js';

export const ORGANISATION_KINDS = ['customs_administration', 'economic_operator', 'secretariat'] as const;
export const OrganisationKind = z.enum(ORGANISATION_KINDS);
export type OrganisationKind = z.infer<typeof OrganisationKind>;

export const ADMINISTRATION_ROLES = ['admin', 'aeo_validator', 'risk_analyst', 'crisis_coordinator'] as const;
export const OPERATOR_ROLES = ['operator_admin', 'operator_user'] as const;
export const SECRETARIAT_ROLES = ['secretariat_analyst'] as const;
export const ROLES = [...ADMINISTRATION_ROLES, ...OPERATOR_ROLES, ...SECRETARIAT_ROLES] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** Which roles an organisation of each kind can grant. */
export const ROLES_BY_ORGANISATION_KIND: Record<OrganisationKind, readonly Role[]> = {
  customs_administration: ADMINISTRATION_ROLES,
  economic_operator: OPERATOR_ROLES,
  secretariat: SECRETARIAT_ROLES,
};

/** Supply-chain roles an economic operator may hold (SAFE AEO eligible roles). */
export const SUPPLY_CHAIN_ROLES = [
  'manufacturer',
  'importer',
  'exporter',
  'customs_broker',
  'carrier',
  'freight_forwarder',
  'consolidator',
  'warehouse_operator',
  'port_operator',
  'terminal_operator',
] as const;
export const SupplyChainRole = z.enum(SUPPLY_CHAIN_ROLES);
export type SupplyChainRole = z.infer<typeof SupplyChainRole>;

export const TraderIdentifier = z.strictObject({
  scheme: z.string().regex(/^[A-Z][A-Z0-9_]{1,15}$/, 'must be an identifier scheme such as EORI, TIN or AEO'),
  value: z.string().min(1).max(64),
});
export type TraderIdentifier = z.infer<typeof TraderIdentifier>;

export const Organisation = z.object({
  id: Uuid,
  kind: OrganisationKind,
  name: z.string(),
  legalName: z.string().nullable(),
  country: CountryCode.nullable(),
  identifiers: z.array(TraderIdentifier),
  isSme: z.boolean(),
  supplyChainRoles: z.array(SupplyChainRole),
  supervisingAdministrationId: Uuid.nullable(),
  createdAt: IsoDateTime,
});
export type Organisation = z.infer<typeof Organisation>;

export const Membership = z.object({
  organisationId: Uuid,
  organisationName: z.string(),
  organisationKind: OrganisationKind,
  country: CountryCode.nullable(),
  role: Role,
});
export type Membership = z.infer<typeof Membership>;

export const User = z.object({
  id: Uuid,
  email: z.string(),
  displayName: z.string(),
  locale: z.enum(['en', 'fr']),
  memberships: z.array(Membership),
});
export type User = z.infer<typeof User>;

export const Password = z.string().min(10, 'must be at least 10 characters').max(200);

export const Login = z.strictObject({
  email: Email,
  password: z.string().min(1).max(200),
});
export type Login = z.infer<typeof Login>;

export const SessionInfo = z.object({
  user: User,
  /** The organisation the session acts for, and the roles held there. */
  activeOrganisationId: Uuid,
  roles: z.array(Role),
  /** Send back as the `X-CSRF-Token` header on every cookie-authenticated write. */
  csrfToken: z.string(),
  expiresAt: IsoDateTime,
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const SwitchOrganisation = z.strictObject({ organisationId: Uuid });
export type SwitchOrganisation = z.infer<typeof SwitchOrganisation>;

export const ChangePassword = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: Password,
});
export type ChangePassword = z.infer<typeof ChangePassword>;

export const UpdateProfile = z.strictObject({
  displayName: z.string().trim().min(1).max(120).optional(),
  locale: z.enum(['en', 'fr']).optional(),
});
export type UpdateProfile = z.infer<typeof UpdateProfile>;

export const CreateUser = z.strictObject({
  email: Email,
  displayName: z.string().trim().min(1).max(120),
  password: Password.optional(),
  role: Role,
  locale: z.enum(['en', 'fr']).default('en'),
});
export type CreateUser = z.infer<typeof CreateUser>;

export const OrganisationMember = z.object({
  userId: Uuid,
  email: z.string(),
  displayName: z.string(),
  roles: z.array(Role),
});
export type OrganisationMember = z.infer<typeof OrganisationMember>;
