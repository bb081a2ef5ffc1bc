import type { AeoAdministrationAction, Role } from '@aeolus/contracts';
import { and, eq, sql } from 'drizzle-orm';
import * as repo from '../aeo/aeo.repository.js';
import { applyStep } from '../aeo/aeo-case.js';
import { resignCertificate } from '../aeo/aeo-certificate.service.js';
import { actAsAdministration } from '../aeo/aeo-decision.service.js';
import { createProgramme } from '../aeo/aeo-programme.service.js';
import { createApplication, saveAnswers } from '../aeo/aeo-submission.service.js';
import type { CoreContext } from '../context.js';
import { inTransaction } from '../db/unit-of-work.js';
import { appMeta } from '../events/events.tables.js';
import { type Actor, systemActor } from '../identity/actor.js';
import { memberships, organisations, users } from '../identity/identity.tables.js';
import { createOrganisation } from '../identity/organisations.service.js';
import { addMember } from '../identity/users.service.js';
import { NL_PROGRAMME } from './aeo-programme-data.js';
import { DEMO_PASSWORD, type DemoOrgKey } from './demo-data.js';

const SEEDED_KEY = 'demo.aeo.seeded';

/** NL operators that exist only to hold the demo certificates (no demo account signs in as them). */
const HOLDERS = [
  {
    key: 'windmill',
    org: {
      name: 'Windmill Components',
      legalName: 'Windmill Components B.V.',
      isSme: true,
      supplyChainRoles: ['manufacturer', 'exporter'] as const,
      identifiers: [{ scheme: 'EORI', value: 'NL834567892' }],
    },
    email: 'compliance@windmill-components.example',
    displayName: 'Femke Jansen',
  },
  {
    key: 'harbour',
    org: {
      name: 'Harbour Warehousing Rotterdam',
      legalName: 'Harbour Warehousing Rotterdam B.V.',
      isSme: false,
      supplyChainRoles: ['warehouse_operator', 'consolidator'] as const,
      identifiers: [{ scheme: 'EORI', value: 'NL845678903' }],
    },
    email: 'compliance@harbour-warehousing.example',
    displayName: 'Pieter Smit',
  },
  {
    key: 'delta',
    org: {
      name: 'Delta Road Carriers',
      legalName: 'Delta Road Carriers B.V.',
      isSme: false,
      supplyChainRoles: ['carrier'] as const,
      identifiers: [{ scheme: 'EORI', value: 'NL856789014' }],
    },
    email: 'compliance@delta-carriers.example',
    displayName: 'Lotte Mulder',
  },
] as const;

/** A user actor as a session would build it, for seeding through the same services people call. */
async function actorFor(ctx: CoreContext, email: string, organisationId: string): Promise<Actor> {
  const rows = await ctx.db
    .select({ userId: users.id, label: users.displayName, role: memberships.role, kind: organisations.kind })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(users.email, email), eq(memberships.organisationId, organisationId)));
  const first = rows[0];
  if (!first) throw new Error(`demo seed: ${email} is not a member of ${organisationId}`);
  return {
    kind: 'user',
    userId: first.userId,
    label: first.label,
    organisationId,
    organisationKind: first.kind,
    roles: rows.map((r) => r.role as Role),
  };
}

/**
 * Demo cases are seeded without evidence files (the seed has no document store), so the SAQ's evidence
 * questions stay unanswered and the submission is logged through the case pipeline directly instead of
 * the full-SAQ check. Everything after submission goes through the real services.
 */
async function submitForDemo(ctx: CoreContext, operator: Actor, applicationId: string): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    const application = (await repo.findApplication(tx, applicationId))!;
    await applyStep(tx, operator, application, {
      type: 'submit',
      side: 'operator',
      payload: { demo: true },
      workflow: { type: 'submit' },
      summary: 'The application was submitted for acceptance.',
    });
  });
}

const SOME_ANSWERS = {
  profile_roles: ['carrier'],
  profile_employees: 240,
  profile_years_trading: 18,
  profile_handles_goods: true,
  compliance_breaches: false,
  records_audit_trail: true,
  financial_insolvency: false,
};

/** Windmill's and Harbour's stories happened months ago, so their certificates are in force today. */
const STORY_DAYS_AGO = 240;
const isoDay = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

/**
 * Moves a demo case's story `days` into the past (its action log, clocks and certificate dates) and signs
 * its credential again, so a fresh demo shows AEOs whose status is in force (the grant takes effect
 * `effectDays` after the decision). Demo data only: the audit trail keeps the real seeding time.
 */
async function dateInThePast(ctx: CoreContext, applicationId: string, days: number): Promise<void> {
  const shift = sql`make_interval(days => ${days})`;
  await inTransaction(ctx.db, async (tx) => {
    await tx.execute(
      sql`update aeo_application_actions set at = at - ${shift} where application_id = ${applicationId}`,
    );
    await tx.execute(sql`update aeo_applications
         set created_at = created_at - ${shift}, updated_at = updated_at - ${shift},
             next_deadline = next_deadline - ${shift}
       where id = ${applicationId}`);
    const moved = await tx.execute(sql`update aeo_certificates
         set valid_from = valid_from - ${shift}, valid_until = valid_until - ${shift},
             issued_at = issued_at - ${shift}, status_changed_at = status_changed_at - ${shift},
             reassessment_due = (reassessment_due - ${days}::int)
       where application_id = ${applicationId}
      returning id`);
    for (const row of (moved as unknown as { rows: { id: string }[] }).rows) {
      await resignCertificate(ctx, tx, row.id);
    }
  });
}

/**
 * The NL programme with applications at different stages: a Tulip draft, a Delta case under review with
 * an open information request, and two granted AEOs (Windmill active, Harbour suspended). Acme has none,
 * so that the walkthrough can start Acme's application. Runs once (its own app_meta key).
 */
export async function seedAeoDemo(ctx: CoreContext, ids: Record<DemoOrgKey, string>): Promise<void> {
  const [done] = await ctx.db.select().from(appMeta).where(eq(appMeta.key, SEEDED_KEY));
  if (done) return;
  const system = systemActor('demo seed');
  const programme = await createProgramme(ctx, system, { ...NL_PROGRAMME, administrationId: ids.nl });
  const holders: Record<string, string> = {};
  for (const holder of HOLDERS) {
    const org = await createOrganisation(ctx, system, {
      kind: 'economic_operator',
      country: 'NL',
      supervisingAdministrationId: ids.nl,
      ...holder.org,
      supplyChainRoles: [...holder.org.supplyChainRoles],
      identifiers: [...holder.org.identifiers],
    });
    await addMember(ctx, system, {
      organisationId: org.id,
      email: holder.email,
      displayName: holder.displayName,
      password: DEMO_PASSWORD,
      role: 'operator_admin',
      locale: 'en',
    });
    holders[holder.key] = org.id;
  }
  // Delta has a second person, so that notifications to an operator are seen to reach every member.
  await addMember(ctx, system, {
    organisationId: holders.delta!,
    email: 'ops@delta-carriers.example',
    displayName: 'Sem de Boer',
    password: DEMO_PASSWORD,
    role: 'operator_user',
    locale: 'fr',
  });
  const validator = await actorFor(ctx, 'validator@nl.customs.example', ids.nl);
  const decide = (id: string, action: AeoAdministrationAction) =>
    actAsAdministration(ctx, validator, { id, action });

  // Tulip: a draft with the first answers saved.
  const tulip = await actorFor(ctx, 'trader@acme-logistics.example', ids.tulip);
  const draft = await createApplication(ctx, tulip, { programmeId: programme.id, category: 'F' });
  await saveAnswers(ctx, tulip, { id: draft.id, answers: SOME_ANSWERS });

  // Delta: accepted, and customs is waiting for an answer (the clock is stopped).
  const delta = await actorFor(ctx, HOLDERS[2].email, holders.delta!);
  const review = await createApplication(ctx, delta, { programmeId: programme.id, category: 'S' });
  await submitForDemo(ctx, delta, review.id);
  await decide(review.id, { type: 'accept' });
  await decide(review.id, {
    type: 'request_information',
    question: 'Please describe how seals are checked when trailers are handed over at night.',
  });

  // Windmill (active) and Harbour (suspended): the full path to a granted certificate.
  for (const key of ['windmill', 'harbour'] as const) {
    const email = HOLDERS.find((h) => h.key === key)!.email;
    const operator = await actorFor(ctx, email, holders[key]!);
    const application = await createApplication(ctx, operator, { programmeId: programme.id, category: 'F' });
    await submitForDemo(ctx, operator, application.id);
    await decide(application.id, { type: 'accept' });
    await decide(application.id, { type: 'plan_visit', visitDate: isoDay(STORY_DAYS_AGO) });
    await decide(application.id, {
      type: 'record_visit',
      reportSummary: 'Premises, seals and records examined on site; all criteria met.',
      recommendation: 'grant',
    });
    await decide(application.id, { type: 'grant', category: 'F' });
    if (key === 'harbour') {
      await decide(application.id, {
        type: 'suspend',
        grounds:
          'Access control at the bonded warehouse failed during a follow-up visit; corrective measures pending.',
      });
    }
    await dateInThePast(ctx, application.id, STORY_DAYS_AGO);
  }
  await ctx.db
    .insert(appMeta)
    .values({ key: SEEDED_KEY, value: { programmeId: programme.id } })
    .onConflictDoNothing();
}
