import { eq } from 'drizzle-orm';
import { seedCompilation } from '../compilation/compilation.seed.js';
import type { CoreContext } from '../context.js';
import { appMeta } from '../events/events.tables.js';
import { systemActor } from '../identity/actor.js';
import { createOrganisation } from '../identity/organisations.service.js';
import { addMember } from '../identity/users.service.js';
import { seedAeoDemo } from './aeo-demo.seed.js';
import { DEMO_ACCOUNTS, DEMO_ORGANISATIONS, DEMO_PASSWORD, type DemoOrgKey } from './demo-data.js';
import { seedSafeAssessmentDemo } from './safe-assessment-demo.seed.js';
import { seedScreeningDemo } from './screening-demo.seed.js';

const SEEDED_KEY = 'demo.seeded';

export interface DemoSeedResult {
  seeded: boolean;
  organisations: Record<DemoOrgKey, string>;
}

export async function isDemoSeeded(ctx: CoreContext): Promise<boolean> {
  const [row] = await ctx.db.select().from(appMeta).where(eq(appMeta.key, SEEDED_KEY));
  return Boolean(row);
}

/**
 * Seeds the demo world once, through the same services real users call, so that the demo data has its
 * audit entries and events like everything else. Running it again does nothing.
 */
export async function seedDemoData(ctx: CoreContext): Promise<DemoSeedResult> {
  const [existing] = await ctx.db.select().from(appMeta).where(eq(appMeta.key, SEEDED_KEY));
  if (existing) {
    const organisations = existing.value as Record<DemoOrgKey, string>;
    // A database seeded before the AEO programme existed gets it now (it has its own once-only key).
    await seedAeoDemo(ctx, organisations);
    await seedScreeningDemo(ctx, organisations);
    await seedSafeAssessmentDemo(ctx, organisations);
    await seedCompilation(ctx);
    return { seeded: false, organisations };
  }
  const actor = systemActor('demo seed');
  const ids = {} as Record<DemoOrgKey, string>;
  // Administrations first: operators name the administration that supervises them.
  const order = (Object.keys(DEMO_ORGANISATIONS) as DemoOrgKey[]).sort(
    (a, b) =>
      Number(Boolean(DEMO_ORGANISATIONS[a].supervisedBy)) -
      Number(Boolean(DEMO_ORGANISATIONS[b].supervisedBy)),
  );
  for (const key of order) {
    const { supervisedBy, ...org } = DEMO_ORGANISATIONS[key];
    const created = await createOrganisation(ctx, actor, {
      ...org,
      supervisingAdministrationId: supervisedBy ? ids[supervisedBy] : undefined,
    });
    ids[key] = created.id;
  }
  for (const account of DEMO_ACCOUNTS) {
    for (const membership of account.memberships) {
      await addMember(ctx, actor, {
        organisationId: ids[membership.org],
        email: account.email,
        displayName: account.displayName,
        password: DEMO_PASSWORD,
        role: membership.role,
        locale: account.locale,
      });
    }
  }
  await ctx.db.insert(appMeta).values({ key: SEEDED_KEY, value: ids }).onConflictDoNothing();
  await seedAeoDemo(ctx, ids);
  await seedScreeningDemo(ctx, ids);
  await seedSafeAssessmentDemo(ctx, ids);
  // The public AEO compilation's shipped data set (public facts, not demo data; idempotent).
  await seedCompilation(ctx);
  return { seeded: true, organisations: ids };
}
