import {
  AssignedCountryCode,
  type Organisation,
  type OrganisationKind,
  type SupplyChainRole,
  type TraderIdentifier,
} from '@aeolus/contracts';
import type { CoreContext } from '../context.js';
import { inTransaction } from '../db/unit-of-work.js';
import { AppError } from '../errors.js';
import { recordChange } from '../shared/record-change.js';
import type { Actor } from './actor.js';
import { authorize, tenantOf } from './authorization.js';
import { toOrganisation } from './identity.mapper.js';
import * as repo from './identity.repository.js';

export async function getOwnOrganisation(ctx: CoreContext, actor: Actor): Promise<Organisation> {
  authorize(actor, 'organisation:read');
  const row = await repo.findOrganisation(ctx.db, tenantOf(actor));
  if (!row) throw AppError.notFound('Organisation');
  return toOrganisation(row);
}

export interface NewOrganisation {
  kind: OrganisationKind;
  name: string;
  legalName?: string;
  country?: string;
  identifiers?: TraderIdentifier[];
  isSme?: boolean;
  supplyChainRoles?: SupplyChainRole[];
  supervisingAdministrationId?: string;
}

/** Registers an organisation (platform operators, the CLI and the demo seed). */
export async function createOrganisation(
  ctx: CoreContext,
  actor: Actor,
  input: NewOrganisation,
): Promise<Organisation> {
  if (actor.kind !== 'system')
    throw AppError.forbidden('Organisations are registered by the platform operator');
  if (input.kind !== 'secretariat') {
    const country = AssignedCountryCode.safeParse(input.country);
    if (!country.success) {
      throw AppError.validation([
        { path: 'country', message: 'must be an assigned ISO 3166-1 alpha-2 code' },
      ]);
    }
  }
  return inTransaction(ctx.db, async (tx) => {
    const row = await repo.insertOrganisation(tx, {
      kind: input.kind,
      name: input.name,
      legalName: input.legalName ?? null,
      country: input.country ?? null,
      identifiers: input.identifiers ?? [],
      isSme: input.isSme ?? false,
      supplyChainRoles: input.supplyChainRoles ?? [],
      supervisingAdministrationId: input.supervisingAdministrationId ?? null,
    });
    await recordChange(tx, actor, {
      action: 'organisation.created',
      subjectType: 'organisation',
      subjectId: row.id,
      organisationId: row.id,
      summary: { after: { kind: row.kind, name: row.name, country: row.country } },
      event: { organisationId: row.id, kind: row.kind, name: row.name, country: row.country },
    });
    return toOrganisation(row);
  });
}
