import {
  type Action,
  ADMINISTRATION_ROLES,
  OPERATOR_ROLES,
  type Role,
  roleAllows,
  SECRETARIAT_ROLES,
} from '@aeolus/contracts';

export type AreaId =
  | 'home'
  | 'organisation'
  | 'audit'
  | 'webhooks'
  | 'profile'
  | 'aeoProgramme'
  | 'validationQueue'
  | 'risk'
  | 'recovery'
  | 'aeoStatus'
  | 'filings'
  | 'continuity'
  | 'safeMonitoring'
  | 'compilation';

export type SectionId = 'overview' | 'administration' | 'operator' | 'secretariat' | 'organisation';

export type IconName =
  | 'home'
  | 'building'
  | 'log'
  | 'user'
  | 'badge'
  | 'queue'
  | 'radar'
  | 'lifebuoy'
  | 'shield'
  | 'file'
  | 'plan'
  | 'chart'
  | 'globe'
  | 'send';

/**
 * Who may open an area. Foundation areas read the permission catalogue, so the navigation can never
 * offer what the API would refuse. Capabilities not built yet name the roles they are meant for (see
 * PRODUCT.md); when they arrive with their own permissions, they switch to `{ action }`.
 */
type Access =
  | { everyone: true }
  | { action: Action }
  /** An area whose pages need different permissions opens for whoever holds one of them. */
  | { anyAction: readonly Action[] }
  | { roles: readonly Role[] };

export interface Area {
  id: AreaId;
  section: SectionId;
  path: string;
  icon: IconName;
  access: Access;
  /** A capability of a later release: the page explains what is coming instead of a working screen. */
  upcoming: boolean;
}

export const AREAS: readonly Area[] = [
  { id: 'home', section: 'overview', path: '/', icon: 'home', access: { everyone: true }, upcoming: false },
  // Customs administration: the AEO programme (SAFE Pillar 2), risk management and trade recovery.
  {
    id: 'aeoProgramme',
    section: 'administration',
    path: '/aeo/programme',
    icon: 'badge',
    access: { roles: ['admin', 'aeo_validator'] },
    upcoming: false,
  },
  {
    id: 'validationQueue',
    section: 'administration',
    path: '/aeo/validation',
    icon: 'queue',
    access: { roles: ['admin', 'aeo_validator'] },
    upcoming: false,
  },
  {
    id: 'risk',
    section: 'administration',
    path: '/risk',
    icon: 'radar',
    // Rules (risk-rules:read, analysts) and results (screening-results:read, also admins): issue 4.
    access: { anyAction: ['risk-rules:read', 'screening-results:read'] },
    upcoming: false,
  },
  {
    id: 'recovery',
    section: 'administration',
    path: '/recovery',
    icon: 'lifebuoy',
    access: { roles: ['admin', 'crisis_coordinator'] },
    upcoming: true,
  },
  // Economic operators.
  {
    id: 'aeoStatus',
    section: 'operator',
    path: '/operator/aeo-status',
    icon: 'shield',
    access: { roles: OPERATOR_ROLES },
    upcoming: false,
  },
  {
    id: 'filings',
    section: 'operator',
    path: '/operator/filings',
    icon: 'file',
    // The filer's side of screening (issue 4): CSV filing of consignments; machines file through the API.
    access: { action: 'screening:file' },
    upcoming: false,
  },
  {
    id: 'continuity',
    section: 'operator',
    path: '/operator/continuity',
    icon: 'plan',
    access: { roles: OPERATOR_ROLES },
    upcoming: true,
  },
  // WCO secretariat and the SAFE Working Group.
  {
    id: 'safeMonitoring',
    section: 'secretariat',
    path: '/safe/monitoring',
    icon: 'chart',
    // The secretariat runs campaigns; invited administrations answer, read results and keep their plan.
    access: { action: 'safe-campaigns:read' },
    upcoming: false,
  },
  {
    id: 'compilation',
    section: 'secretariat',
    path: '/safe/compilation',
    icon: 'globe',
    // Curation: administrations for their own country, the secretariat for all (issue 5 §9).
    access: { action: 'compilation:curate' },
    upcoming: false,
  },
  // The organisation one acts for.
  {
    id: 'organisation',
    section: 'organisation',
    path: '/organisation',
    icon: 'building',
    access: { action: 'organisation:read' },
    upcoming: false,
  },
  {
    id: 'audit',
    section: 'organisation',
    path: '/audit',
    icon: 'log',
    access: { action: 'audit:read' },
    upcoming: false,
  },
  {
    id: 'webhooks',
    section: 'organisation',
    path: '/webhooks',
    icon: 'send',
    access: { action: 'webhooks:manage' },
    upcoming: false,
  },
  {
    id: 'profile',
    section: 'organisation',
    path: '/profile',
    icon: 'user',
    access: { action: 'api-keys:manage' },
    upcoming: false,
  },
];

const SECTION_ORDER: readonly SectionId[] = [
  'overview',
  'administration',
  'operator',
  'secretariat',
  'organisation',
];

export function canOpen(area: Area, roles: readonly Role[]): boolean {
  const { access } = area;
  if ('everyone' in access) return true;
  if ('action' in access) return roleAllows(roles, access.action);
  if ('anyAction' in access) return access.anyAction.some((action) => roleAllows(roles, action));
  return roles.some((r) => access.roles.includes(r));
}

export function findArea(id: AreaId): Area {
  const area = AREAS.find((a) => a.id === id);
  if (!area) throw new Error(`Unknown area ${id}`);
  return area;
}

export interface NavSection {
  id: SectionId;
  areas: Area[];
}

/** The navigation for the roles held in the active organisation, in a stable section order. */
export function buildNavigation(roles: readonly Role[]): NavSection[] {
  return SECTION_ORDER.map((id) => ({
    id,
    areas: AREAS.filter((a) => a.section === id && canOpen(a, roles)),
  })).filter((s) => s.areas.length > 0);
}

/** Which side of the programme the roles sit on, for the home page wording. */
export function sideOf(roles: readonly Role[]): 'administration' | 'operator' | 'secretariat' {
  if (roles.some((r) => (ADMINISTRATION_ROLES as readonly Role[]).includes(r))) return 'administration';
  if (roles.some((r) => (SECRETARIAT_ROLES as readonly Role[]).includes(r))) return 'secretariat';
  return 'operator';
}
