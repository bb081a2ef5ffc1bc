import { eq } from 'drizzle-orm';
import { EU_DEFAULT_CLOCKS } from '../aeo/aeo.deadlines.js';
import { aeoApplications, aeoProgrammes } from '../aeo/aeo.tables.js';
import { type AeoCertificateRow, issueCertificate } from '../aeo/aeo-certificate.service.js';
import type { CoreContext } from '../context.js';
import { inTransaction } from '../db/unit-of-work.js';
import { systemActor } from '../identity/actor.js';
import { organisations } from '../identity/identity.tables.js';
import { DEMO_ORGANISATIONS, type DemoOrgKey } from '../seed/demo-data.js';

/** The id of a demo organisation (by its seeded name). */
export async function demoOrganisationId(ctx: CoreContext, key: DemoOrgKey): Promise<string> {
  const [row] = await ctx.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.name, DEMO_ORGANISATIONS[key].name));
  if (!row) throw new Error(`demo organisation ${key} is not seeded`);
  return row.id;
}

/** The administration's AEO programme, made minimal (categories S, C, F) if the seed has none. */
export async function ensureDemoProgramme(ctx: CoreContext, administrationId: string) {
  const [existing] = await ctx.db
    .select()
    .from(aeoProgrammes)
    .where(eq(aeoProgrammes.administrationId, administrationId));
  if (existing) return existing;
  const text = (en: string, fr: string) => ({ en, fr });
  const [created] = await ctx.db
    .insert(aeoProgrammes)
    .values({
      administrationId,
      name: text('Authorised Economic Operator programme', "Programme d'opérateur économique agréé"),
      categories: [
        { code: 'S', name: text('Security and safety', 'Sécurité et sûreté'), description: text('', '') },
        {
          code: 'C',
          name: text('Customs simplifications', 'Simplifications douanières'),
          description: text('', ''),
        },
        { code: 'F', name: text('Full (both)', 'Complet (les deux)'), description: text('', '') },
      ],
      eligibleRoles: [
        'importer',
        'exporter',
        'customs_broker',
        'freight_forwarder',
        'carrier',
        'warehouse_operator',
      ],
      validity: { kind: 'open_ended', reassessmentYears: 3 },
      clocks: EU_DEFAULT_CLOCKS,
      benefits: [],
    })
    .returning();
  return created!;
}

/**
 * A granted certificate for a demo operator, issued as the platform would on grant: a minimal
 * application row (the workflow is not under test here) and `issueCertificate` itself.
 */
export async function issueDemoCertificate(
  ctx: CoreContext,
  options: {
    administration?: DemoOrgKey;
    holder?: DemoOrgKey;
    category?: string;
    validFrom?: Date;
    validUntil?: Date | null;
  } = {},
): Promise<AeoCertificateRow> {
  const administrationId = await demoOrganisationId(ctx, options.administration ?? 'nl');
  const holderId = await demoOrganisationId(ctx, options.holder ?? 'acme');
  const programme = await ensureDemoProgramme(ctx, administrationId);
  const category = options.category ?? 'F';
  return inTransaction(ctx.db, async (tx) => {
    const [application] = await tx
      .insert(aeoApplications)
      .values({
        reference: `TEST-${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
        programmeId: programme.id,
        administrationId,
        operatorId: holderId,
        category,
        status: 'granted',
      })
      .returning();
    return issueCertificate(ctx, tx, systemActor('test'), {
      applicationId: application!.id,
      programmeId: programme.id,
      holderId,
      category,
      validFrom: options.validFrom ?? new Date(Date.now() - 60_000),
      validUntil: options.validUntil ?? null,
      reassessmentDue: '2029-11-22',
    });
  });
}
