import type { ApiKeyScope, OrganisationKind, Role } from '@aeolus/contracts';

/**
 * Who is acting, and for which organisation. Every service call receives one; it is built by the
 * server from the session cookie or the API key, and by the CLI as the `system` actor.
 */
export type Actor =
  | {
      kind: 'user';
      userId: string;
      label: string;
      organisationId: string;
      organisationKind: OrganisationKind;
      roles: Role[];
      sessionId?: string;
      requestId?: string;
    }
  | {
      kind: 'api_key';
      apiKeyId: string;
      /** The user who created the key; the key never does more than that user's roles allow. */
      userId: string | null;
      label: string;
      organisationId: string;
      organisationKind: OrganisationKind;
      roles: Role[];
      scopes: ApiKeyScope[];
      requestId?: string;
    }
  | { kind: 'system'; label: string; requestId?: string };

export function systemActor(label = 'system'): Actor {
  return { kind: 'system', label };
}

export function actorId(actor: Actor): string | null {
  switch (actor.kind) {
    case 'user':
      return actor.userId;
    case 'api_key':
      return actor.apiKeyId;
    case 'system':
      return null;
    default:
      return actor satisfies never;
  }
}

export function actorOrganisationId(actor: Actor): string | null {
  return actor.kind === 'system' ? null : actor.organisationId;
}
