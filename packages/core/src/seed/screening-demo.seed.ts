import type { Role, ScreeningPolicySettings } from '@aeolus/contracts';
import { demoRuleSet, demoWatchLists } from '@aeolus/risk-engine';
import { and, eq } from 'drizzle-orm';
import type { CoreContext } from '../context.js';
import { appMeta } from '../events/events.tables.js';
import { type Actor, systemActor } from '../identity/actor.js';
import { createApiKey } from '../identity/api-keys.service.js';
import { memberships, organisations, users } from '../identity/identity.tables.js';
import {
  createRuleSetDraft,
  createWatchList,
  publishRuleSetVersion,
  updateScreeningPolicy,
} from '../screening/index.js';
import { ruleSetVersions } from '../screening/rule-sets.tables.js';
import { DEMO_API_KEY, type DemoOrgKey } from './demo-data.js';
import { demoDraftRuleSet, seedScreeningHistory } from './screening-history.seed.js';

const SEEDED_KEY = 'demo.screening.seeded';
const API_KEY_KEY = 'demo.screening.api-key';
const HISTORY_KEY = 'demo.screening.history';

/**
 * NL selectivity: thresholds over the demo rule set's scores (about 80 % green), minimum random selection
 * per lane, the AEO programme's `reduced_examination` benefit, and the daily examination capacity of the
 * main offices of entry (Rotterdam port, Schiphol airport, Vlissingen). Illustrative figures.
 */
export const NL_SCREENING_POLICY: ScreeningPolicySettings = {
  thresholds: { blue: 40, yellow: 55, red: 80 },
  randomSelectionPercent: { green: 1, blue: 2, yellow: 5 },
  aeoBenefitCode: 'reduced_examination',
  officeCapacities: [
    { office: 'NLRTM', dailyRedCapacity: 400 },
    { office: 'NLAMS', dailyRedCapacity: 250 },
    { office: 'NLVLI', dailyRedCapacity: 60 },
  ],
  timeZone: 'Europe/Amsterdam',
};

/** The NL risk analyst, as a session would build the actor: the seed goes through the real services. */
async function analystOf(ctx: CoreContext, administrationId: string): Promise<Actor> {
  const [row] = await ctx.db
    .select({ userId: users.id, label: users.displayName, role: memberships.role, kind: organisations.kind })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(
      and(eq(users.email, 'analyst@nl.customs.example'), eq(memberships.organisationId, administrationId)),
    );
  if (!row) throw new Error('demo seed: the NL risk analyst account is missing');
  return {
    kind: 'user',
    userId: row.userId,
    label: row.label,
    organisationId: administrationId,
    organisationKind: row.kind,
    roles: [row.role as Role],
  };
}

/**
 * The NL administration's screening set-up: the engine's demo watch lists, the demo rule set published as
 * version 1, and the selectivity policy (once, its own app_meta key); then, also once, 3,000 screened demo
 * consignments over the last 90 days with outcomes, and a draft version 2 to backtest.
 */
export async function seedScreeningDemo(ctx: CoreContext, ids: Record<DemoOrgKey, string>): Promise<void> {
  await seedScreeningSetup(ctx, ids);
  await seedDemoApiKey(ctx, ids);
  const [history] = await ctx.db.select().from(appMeta).where(eq(appMeta.key, HISTORY_KEY));
  if (history) return;
  const analyst = await analystOf(ctx, ids.nl);
  // A database whose analysts retired the published version has nothing to screen the history with.
  const [published] = await ctx.db
    .select({ id: ruleSetVersions.id })
    .from(ruleSetVersions)
    .where(and(eq(ruleSetVersions.administrationId, ids.nl), eq(ruleSetVersions.status, 'published')));
  if (!published) return;
  const result = await seedScreeningHistory(ctx, analyst, {
    administrationId: ids.nl,
    forwarders: [ids.acme, ids.tulip],
  });
  const draft = await createRuleSetDraft(ctx, analyst, demoDraftRuleSet());
  await ctx.db
    .insert(appMeta)
    .values({ key: HISTORY_KEY, value: { ...result, draftVersionId: draft.id } })
    .onConflictDoNothing();
}

/** Acme's published demo filing key (DEMO_API_KEY), once: a revoked demo key stays revoked. */
async function seedDemoApiKey(ctx: CoreContext, ids: Record<DemoOrgKey, string>): Promise<void> {
  const [done] = await ctx.db.select().from(appMeta).where(eq(appMeta.key, API_KEY_KEY));
  if (done) return;
  const created = await createApiKey(
    ctx,
    systemActor('demo seed'),
    { name: DEMO_API_KEY.name, scopes: [...DEMO_API_KEY.scopes], organisationId: ids[DEMO_API_KEY.org] },
    { key: DEMO_API_KEY.key },
  );
  await ctx.db
    .insert(appMeta)
    .values({ key: API_KEY_KEY, value: { apiKeyId: created.apiKey.id } })
    .onConflictDoNothing();
}

async function seedScreeningSetup(ctx: CoreContext, ids: Record<DemoOrgKey, string>): Promise<void> {
  const [done] = await ctx.db.select().from(appMeta).where(eq(appMeta.key, SEEDED_KEY));
  if (done) return;
  const analyst = await analystOf(ctx, ids.nl);
  // Included lists first, so that every list's includes exist when it is created.
  const ordered = [...demoWatchLists].sort((a, b) => (a.includes?.length ?? 0) - (b.includes?.length ?? 0));
  for (const list of ordered) await createWatchList(ctx, analyst, list);
  const draft = await createRuleSetDraft(ctx, analyst, demoRuleSet);
  await publishRuleSetVersion(ctx, analyst, { id: draft.id });
  await updateScreeningPolicy(ctx, analyst, NL_SCREENING_POLICY);
  await ctx.db
    .insert(appMeta)
    .values({ key: SEEDED_KEY, value: { ruleSetVersionId: draft.id } })
    .onConflictDoNothing();
}
