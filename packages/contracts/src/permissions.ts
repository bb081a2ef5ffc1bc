import type { ApiKeyScope } from './api-keys.js';
import type { Role } from './identity.js';
import { ROLES } from './identity.js';

/**
 * The permission catalogue: every action a route or service can perform, the roles that may perform it,
 * and the API-key scope that lets a machine client perform it (null: people only). The authorization
 * layer (`can()` in @aeolus/core), the route × role matrix test and the web navigation all read this.
 */
export interface PermissionRule {
  roles: readonly Role[];
  scope: ApiKeyScope | null;
  description: string;
}

const ALL: readonly Role[] = ROLES;

export const PERMISSIONS = {
  'organisation:read': {
    roles: ALL,
    scope: 'organisation:read',
    description: 'See the organisation one acts for',
  },
  'users:read': {
    roles: ['admin', 'operator_admin'],
    scope: 'users:read',
    description: 'List the members of the organisation',
  },
  'users:manage': {
    roles: ['admin', 'operator_admin'],
    scope: null,
    description: 'Add members to the organisation',
  },
  'api-keys:manage': {
    roles: ALL,
    scope: null,
    description: 'Create, list and revoke the API keys one created',
  },
  'api-keys:manage-all': {
    roles: ['admin', 'operator_admin'],
    scope: null,
    description: 'List and revoke every API key of the organisation',
  },
  'audit:read': {
    roles: ['admin', 'operator_admin', 'secretariat_analyst'],
    scope: 'audit:read',
    description: 'Read the audit log of the organisation',
  },
  'events:read': {
    roles: ALL,
    scope: 'events:read',
    description: 'Follow the event stream of the organisation',
  },
  'webhooks:manage': {
    roles: ['admin', 'operator_admin'],
    scope: 'webhooks:manage',
    description: 'Manage webhook subscriptions and see their deliveries',
  },
  'aeo-programme:read': {
    roles: ['admin', 'aeo_validator', 'operator_admin', 'operator_user'],
    scope: 'aeo:read',
    description: 'See the AEO programme of the administration (operators: their supervising one)',
  },
  'aeo-programme:manage': {
    roles: ['admin'],
    scope: null,
    description: 'Edit the AEO programme settings, clocks, benefits and criteria',
  },
  'aeo-application:read': {
    roles: ['admin', 'aeo_validator', 'operator_admin', 'operator_user'],
    scope: 'aeo:read',
    description: 'See AEO applications: operators their own, administrations their work queue',
  },
  'aeo-application:apply': {
    roles: ['operator_admin', 'operator_user'],
    scope: null,
    description: 'Draft, submit, answer, withdraw and appeal AEO applications; report changes',
  },
  'aeo-application:validate': {
    roles: ['aeo_validator'],
    scope: null,
    description: 'Validate AEO applications: accept, request information, plan and record visits, decide',
  },
  'documents:upload': {
    roles: ['admin', 'aeo_validator', 'operator_admin', 'operator_user'],
    scope: 'documents:upload',
    description: 'Upload evidence to the organisation or to an AEO case one takes part in',
  },
  'documents:read': {
    roles: ['admin', 'aeo_validator', 'operator_admin', 'operator_user'],
    scope: 'documents:read',
    description: 'See and download evidence attached to what one may see',
  },
  'screening:file': {
    roles: ['operator_admin', 'operator_user'],
    scope: 'filing',
    description: 'File advance cargo data for risk screening and receive each consignment’s lane',
  },
  'screening-results:read': {
    roles: ['admin', 'risk_analyst'],
    scope: null,
    description: 'See screening results of the administration with their explanations',
  },
  'screening-outcomes:record': {
    roles: ['risk_analyst'],
    scope: null,
    description: 'Record what the examination of a screened consignment found',
  },
  'risk-rules:read': {
    roles: ['risk_analyst'],
    scope: null,
    description: 'See rule-set versions, watch lists and the selectivity policy, and export rule sets',
  },
  'risk-rules:manage': {
    roles: ['risk_analyst'],
    scope: null,
    description: 'Draft, publish and retire rule sets; edit watch lists and the selectivity policy',
  },
  'safe-campaigns:read': {
    roles: ['secretariat_analyst', 'admin', 'aeo_validator', 'risk_analyst', 'crisis_coordinator'],
    scope: null,
    description:
      'See SAFE assessment campaigns: the secretariat all, an administration those it is invited to',
  },
  'safe-campaigns:manage': {
    roles: ['secretariat_analyst'],
    scope: null,
    description:
      'Open, invite to and close SAFE assessment campaigns; follow progress, return responses, see aggregates',
  },
  'safe-response:read': {
    roles: ['secretariat_analyst', 'admin', 'aeo_validator', 'risk_analyst', 'crisis_coordinator'],
    scope: null,
    description: 'See SAFE assessment responses and results: an administration its own, the secretariat all',
  },
  'safe-response:read-own': {
    roles: ['admin', 'aeo_validator', 'risk_analyst', 'crisis_coordinator'],
    scope: null,
    description: 'See the administration’s own SAFE assessment response to a campaign it is invited to',
  },
  'safe-response:edit': {
    roles: ['admin'],
    scope: null,
    description: 'Answer, autosave and submit the administration’s SAFE assessment response',
  },
  'safe-plan:read': {
    roles: ['secretariat_analyst', 'admin', 'aeo_validator', 'risk_analyst', 'crisis_coordinator'],
    scope: null,
    description: 'See SAFE improvement plans: an administration its own, the secretariat all',
  },
  'safe-plan:manage': {
    roles: ['admin'],
    scope: null,
    description: 'Turn SAFE gaps into improvement plan actions and track their progress',
  },
  'compilation:curate': {
    roles: ['admin', 'secretariat_analyst'],
    scope: null,
    description:
      'Curate AEO compilation entries: administrations their own country, the secretariat any; submit for review',
  },
  'compilation:review': {
    roles: ['secretariat_analyst'],
    scope: null,
    description: 'Publish or reject AEO compilation entries submitted for review',
  },
} as const satisfies Record<string, PermissionRule>;

export type Action = keyof typeof PERMISSIONS;
export const ACTIONS = Object.keys(PERMISSIONS) as Action[];

/** Whether a role grants an action (the web app uses this to build the navigation). */
export function roleAllows(roles: readonly Role[], action: Action): boolean {
  const rule: PermissionRule = PERMISSIONS[action];
  return roles.some((r) => rule.roles.includes(r));
}

/** The scopes a user with these roles may put on an API key. */
export function grantableScopes(roles: readonly Role[]): ApiKeyScope[] {
  const scopes = new Set<ApiKeyScope>();
  for (const action of ACTIONS) {
    const rule: PermissionRule = PERMISSIONS[action];
    if (rule.scope && roleAllows(roles, action)) scopes.add(rule.scope);
  }
  return [...scopes];
}
