import type { Question, QuestionnaireDefinition } from '@aeolus/contracts';
import { eq } from 'drizzle-orm';
import type { CoreContext } from '../context.js';
import { inTransaction } from '../db/unit-of-work.js';
import { appMeta } from '../events/events.tables.js';
import { systemActor } from '../identity/actor.js';
import { users } from '../identity/identity.tables.js';
import { createOrganisation } from '../identity/organisations.service.js';
import { addMember } from '../identity/users.service.js';
import { getSafeMonitoringQuestionnaire } from '../questionnaire/default-definitions.js';
import { indexDefinition, resolveVisibility } from '../questionnaire/questionnaire.engine.js';
import { safeCampaigns, safeResponses } from '../safe-assessment/safe-assessment.tables.js';
import { createSafeCampaign } from '../safe-assessment/safe-campaigns.service.js';
import { createSafePlanAction } from '../safe-assessment/safe-plan.service.js';
import { scoreSafeAssessment } from '../safe-assessment/scoring.js';
import { recordBatch } from '../shared/record-change.js';
import type { DemoOrgKey } from './demo-data.js';

const SEEDED_KEY = 'demo.safe-assessment.seeded';
export const SAFE_PREVIOUS_CAMPAIGN = 'SAFE review cycle 2023–2024';

/**
 * Demo data for the SAFE implementation assessment: more customs administrations of real WCO Members
 * (names are demo names, people fictional), so that Europe and East & Southern Africa each reach the
 * minimum group size of 5, and the previous review cycle — closed, with a submitted response from each —
 * against which the current cycle's trend is shown. Every administration gets `admin@<cc>.customs.example`.
 */
export const SAFE_DEMO_ADMINISTRATIONS = [
  { cc: 'BE', name: 'Belgian Customs and Excise (demo)', admin: 'Lotte Peeters' },
  { cc: 'DE', name: 'German Customs (demo)', admin: 'Jonas Becker' },
  { cc: 'FR', name: 'French Customs (demo)', admin: 'Camille Martin' },
  { cc: 'SE', name: 'Swedish Customs (demo)', admin: 'Elin Lindqvist' },
  { cc: 'UG', name: 'Uganda Customs (demo)', admin: 'Grace Nakato' },
  { cc: 'TZ', name: 'Tanzania Customs (demo)', admin: 'Baraka Mushi' },
  { cc: 'RW', name: 'Rwanda Customs (demo)', admin: 'Aline Uwase' },
  { cc: 'ZA', name: 'South African Customs (demo)', admin: 'Thabo Nkosi' },
] as const;

/** How far along each member was in the previous cycle, on the 0–4 maturity scale (demo values). */
const BASE_LEVEL: Record<string, number> = {
  NL: 3.1,
  BE: 2.9,
  DE: 3.2,
  FR: 3.0,
  SE: 3.3,
  KE: 2.2,
  UG: 1.7,
  TZ: 1.8,
  RW: 2.1,
  ZA: 2.5,
};

/** mulberry32: a small deterministic PRNG, so the demo answers are the same on every machine. */
function prng(seed: string): () => number {
  let a = [...seed].reduce((h, ch) => Math.imul(h ^ ch.charCodeAt(0), 2654435761) >>> 0, 1779033703);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function answerFor(question: Question, level: number, rand: () => number, cc: string): unknown {
  const fraction = level / 4;
  const jitter = () => (rand() - 0.5) * 1.6;
  switch (question.type) {
    case 'maturity':
      return Math.max(0, Math.min(4, Math.round(level + jitter())));
    case 'yes_no':
      return rand() < 0.15 + fraction * 0.8;
    case 'single_choice': {
      const n = question.options.length;
      const i = Math.max(0, Math.min(n - 1, Math.round(fraction * (n - 1) + jitter() * 0.6)));
      return question.options[i]!.id;
    }
    case 'multiple_choice': {
      const open = question.options.filter((o) => !o.exclusive).map((o) => o.id);
      const chosen = open.filter(() => rand() < 0.2 + fraction * 0.7);
      const min = Math.max(1, question.minSelected ?? 1);
      for (const id of open) if (chosen.length < min && !chosen.includes(id)) chosen.push(id);
      return question.maxSelected ? chosen.slice(0, question.maxSelected) : chosen;
    }
    case 'number': {
      const min = question.min ?? 0;
      const max = Math.min(question.max ?? 1000, question.id === 'reference_year' ? 2024 : 40 + min);
      if (question.id === 'reference_year') return 2024;
      if (question.id === 'aeo_count') return Math.round(20 + fraction * 1500 * rand());
      return Math.max(min, Math.min(max, Math.round(fraction * 12 * (0.5 + rand()))));
    }
    case 'date':
      return '2024-05-15';
    case 'text':
      return question.id === 'respondent_unit'
        ? `Risk and Compliance Directorate (${cc})`
        : 'National customs strategy 2023–2027, chapter on supply-chain security';
    default:
      return undefined; // evidence: none in the demo
  }
}

/** Deterministic, plausible answers for one member: visible questions only, in document order. */
export function demoSafeAnswers(
  definition: QuestionnaireDefinition,
  cc: string,
  cycle: string,
  level = BASE_LEVEL[cc] ?? 2,
): Record<string, unknown> {
  const rand = prng(`${cc}:${cycle}`);
  const answers: Record<string, unknown> = {};
  for (const { question } of indexDefinition(definition).entries) {
    // `showIf` looks only backwards, so visibility of this question is settled by the answers so far.
    if (resolveVisibility(definition, answers, { isSme: false }).get(question.id) !== 'visible') continue;
    const value = answerFor(question, level, rand, cc);
    if (value !== undefined) answers[question.id] = value;
  }
  return answers;
}

async function ensureAdministrations(ctx: CoreContext, ids: Record<DemoOrgKey, string>) {
  const actor = systemActor('demo seed');
  // Same password as every demo account: reuse the NL admin's hash instead of paying scrypt eight times.
  const [template] = await ctx.db
    .select({ hash: users.passwordHash })
    .from(users)
    .where(eq(users.email, 'admin@nl.customs.example'));
  const byCountry: Record<string, string> = { NL: ids.nl, KE: ids.ke };
  for (const admin of SAFE_DEMO_ADMINISTRATIONS) {
    const org = await createOrganisation(ctx, actor, {
      kind: 'customs_administration',
      name: admin.name,
      country: admin.cc,
    });
    const email = `admin@${admin.cc.toLowerCase()}.customs.example`;
    await addMember(ctx, actor, {
      organisationId: org.id,
      email,
      displayName: admin.admin,
      role: 'admin',
      locale: admin.cc === 'FR' || admin.cc === 'BE' || admin.cc === 'RW' ? 'fr' : 'en',
    });
    if (template?.hash)
      await ctx.db.update(users).set({ passwordHash: template.hash }).where(eq(users.email, email));
    byCountry[admin.cc] = org.id;
  }
  return byCountry;
}

/** Seeds the previous SAFE review cycle once (own once-only key, like the AEO demo). */
export async function seedSafeAssessmentDemo(
  ctx: CoreContext,
  ids: Record<DemoOrgKey, string>,
): Promise<void> {
  const [done] = await ctx.db.select().from(appMeta).where(eq(appMeta.key, SEEDED_KEY));
  if (done) return;
  const actor = systemActor('demo seed');
  const byCountry = await ensureAdministrations(ctx, ids);
  const campaign = await createSafeCampaign(ctx, actor, {
    name: SAFE_PREVIOUS_CAMPAIGN,
    periodStart: '2023-01-01',
    periodEnd: '2024-12-31',
    deadline: '2025-03-31T23:59:59.000Z',
    invitedOrganisationIds: Object.values(byCountry),
    status: 'closed',
    secretariatId: ids.wco,
  });
  await seedSubmitted(ctx, campaign.id, ids.wco, byCountry, '2023-2024');
  // The regional office's own pilot (another secretariat-side tenant): Kenya answered it.
  if (ids.rocb) {
    const pilot = await createSafeCampaign(ctx, actor, {
      name: 'ESA regional SAFE pilot 2022',
      periodStart: '2022-01-01',
      periodEnd: '2022-12-31',
      deadline: '2023-02-28T23:59:59.000Z',
      invitedOrganisationIds: [ids.ke],
      status: 'closed',
      secretariatId: ids.rocb,
    });
    await seedSubmitted(ctx, pilot.id, ids.rocb, { KE: ids.ke }, '2022');
  }
  // NL acted on two gaps of the previous cycle (carried into the next one).
  await createSafePlanAction(ctx, actor, {
    organisationId: ids.nl,
    campaignId: campaign.id,
    gapDimension: 'theme',
    gapId: 'capacity_building',
    title: 'Run a yearly SAFE capacity-building exchange with two partner administrations',
    owner: 'International Affairs',
    dueDate: '2025-12-31',
    status: 'in_progress',
    progressNote: 'First exchange held with the Kenyan administration in June 2025.',
  });
  await createSafePlanAction(ctx, actor, {
    organisationId: ids.nl,
    campaignId: campaign.id,
    gapDimension: 'focus',
    gapId: 'e_commerce',
    title: 'Require advance electronic data for all postal and express consignments',
    owner: 'Risk and Compliance Directorate',
    dueDate: '2026-06-30',
    status: 'planned',
  });
  await ctx.db
    .insert(appMeta)
    .values({ key: SEEDED_KEY, value: { campaignId: campaign.id } })
    .onConflictDoNothing();
}

/** Submitted demo responses to a closed campaign, written in one transaction with one audit entry. */
async function seedSubmitted(
  ctx: CoreContext,
  campaignId: string,
  secretariatId: string,
  byCountry: Record<string, string>,
  cycle: string,
): Promise<void> {
  const actor = systemActor('demo seed');
  const definition = getSafeMonitoringQuestionnaire();
  await inTransaction(ctx.db, async (tx) => {
    const [row] = await tx.select().from(safeCampaigns).where(eq(safeCampaigns.id, campaignId));
    const submittedAt = new Date(row!.deadline.getTime() - 10 * 86_400_000);
    const values = Object.entries(byCountry).map(([cc, organisationId]) => {
      const answers = demoSafeAnswers(definition, cc, cycle);
      const card = scoreSafeAssessment(answers, { definition }).card;
      return {
        campaignId,
        organisationId,
        definitionId: row!.definitionId,
        status: 'submitted' as const,
        answers,
        scoreCard: card as unknown as Record<string, unknown>,
        submittedAt,
        updatedAt: submittedAt,
        updatedByName: 'demo seed',
      };
    });
    const inserted = await tx.insert(safeResponses).values(values).returning({
      id: safeResponses.id,
      organisationId: safeResponses.organisationId,
    });
    await recordBatch(tx, actor, {
      audit: {
        action: 'safe_assessment.responses_seeded',
        subjectType: 'safe_campaign',
        subjectId: campaignId,
        organisationId: secretariatId,
        summary: { note: `${inserted.length} demo responses for ${row!.name}` },
      },
      changes: inserted.map((r) => ({
        action: 'safe_assessment.response_submitted',
        subjectType: 'safe_response',
        subjectId: r.id,
        organisationId: r.organisationId,
        event: { campaignId, responseId: r.id },
      })),
    });
  });
}
