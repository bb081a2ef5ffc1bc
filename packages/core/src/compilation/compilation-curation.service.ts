import type { CuratedProgramme, CuratedProgrammeData, ReviewState } from '@aeolus/contracts';
import { and, asc, eq, ne, or, sql } from 'drizzle-orm';
import type { CoreContext } from '../context.js';
import type { Tx } from '../db/client.js';
import { inTransaction } from '../db/unit-of-work.js';
import { AppError } from '../errors.js';
import type { Actor } from '../identity/actor.js';
import { authorize, tenantOf } from '../identity/authorization.js';
import { organisations } from '../identity/identity.tables.js';
import { notifyOrganisation } from '../notifications/notifications.service.js';
import { recordChange } from '../shared/record-change.js';
import { loadPublicCompilation, mrasFor } from './compilation.directory.js';
import { type ProgrammeRow, regionOf, toCompilationProgramme } from './compilation.mapper.js';
import { compilationMras, compilationProgrammes } from './compilation.tables.js';

/**
 * Curation of the compilation's programmes outside the platform (issue 5 §9): an administration curates
 * its own country's programme, the secretariat any; nothing is public before the secretariat publishes
 * it (review step: draft → submitted → published | rejected).
 */

interface Curator {
  organisationId: string;
  isSecretariat: boolean;
  /** The administration's country; null for the secretariat. */
  country: string | null;
}

async function curatorOf(ctx: CoreContext, actor: Actor): Promise<Curator> {
  authorize(actor, 'compilation:curate');
  const organisationId = tenantOf(actor);
  const [organisation] = await ctx.db
    .select({ kind: organisations.kind, country: organisations.country })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!organisation) throw AppError.forbidden();
  return {
    organisationId,
    isSecretariat: organisation.kind === 'secretariat',
    country: organisation.country,
  };
}

/** An administration sees its own country's entries and what it curated; the secretariat sees all. */
function isVisible(curator: Curator, row: ProgrammeRow): boolean {
  return (
    curator.isSecretariat ||
    row.country === curator.country ||
    row.curatedByOrganisationId === curator.organisationId
  );
}

async function toCurated(ctx: CoreContext, rows: ProgrammeRow[]): Promise<CuratedProgramme[]> {
  const arrangements = await ctx.db.select().from(compilationMras);
  const names = new Map(
    (await ctx.db.select({ id: organisations.id, name: organisations.name }).from(organisations)).map((o) => [
      o.id,
      o.name,
    ]),
  );
  return rows.map((row) => ({
    id: row.id,
    reviewState: row.reviewState,
    reviewComment: row.reviewComment,
    curatedByOrganisationId: row.curatedByOrganisationId,
    curatedByName: row.curatedByOrganisationId ? (names.get(row.curatedByOrganisationId) ?? null) : null,
    programme: toCompilationProgramme(row, mrasFor(row.country, arrangements)),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    publishedAt: row.publishedAt?.toISOString() ?? null,
  }));
}

export async function listCuratedProgrammes(
  ctx: CoreContext,
  actor: Actor,
  filter: { reviewState?: ReviewState } = {},
): Promise<CuratedProgramme[]> {
  const curator = await curatorOf(ctx, actor);
  const rows = await ctx.db
    .select()
    .from(compilationProgrammes)
    .where(
      and(
        filter.reviewState ? eq(compilationProgrammes.reviewState, filter.reviewState) : undefined,
        curator.isSecretariat
          ? undefined
          : or(
              eq(compilationProgrammes.country, curator.country ?? ''),
              eq(compilationProgrammes.curatedByOrganisationId, curator.organisationId),
            ),
      ),
    )
    .orderBy(asc(compilationProgrammes.country), asc(compilationProgrammes.name));
  return toCurated(ctx, rows);
}

async function loadVisible(
  ctx: CoreContext | { db: Tx },
  curator: Curator,
  id: string,
): Promise<ProgrammeRow> {
  const [row] = await ctx.db
    .select()
    .from(compilationProgrammes)
    .where(eq(compilationProgrammes.id, id))
    .for('update');
  // Another administration's entry answers exactly like a missing one.
  if (!row || !isVisible(curator, row)) throw AppError.notFound('Compilation entry');
  return row;
}

export async function getCuratedProgramme(
  ctx: CoreContext,
  actor: Actor,
  id: string,
): Promise<CuratedProgramme> {
  const curator = await curatorOf(ctx, actor);
  const row = await loadVisible(ctx, curator, id);
  return (await toCurated(ctx, [row]))[0]!;
}

/** What the schema cannot check: the curator's country, the region, the year, a duplicate. */
async function checkEntry(tx: Tx, curator: Curator, input: CuratedProgrammeData, exceptId?: string) {
  if (!curator.isSecretariat && input.country !== curator.country)
    throw new AppError(
      'FORBIDDEN',
      `country: an administration curates only its own country's programme (${curator.country})`,
      { problems: [{ path: 'country', message: `must be ${curator.country}` }] },
    );
  const problems: { path: string; message: string }[] = [];
  if (!regionOf(input.country))
    problems.push({ path: 'country', message: `${input.country} is not a WCO Member with a known region` });
  const thisYear = new Date().getUTCFullYear();
  if (input.launchYear !== undefined && input.status !== 'in_development' && input.launchYear > thisYear)
    problems.push({
      path: 'launchYear',
      message: `an ${input.status} programme cannot launch after ${thisYear}`,
    });
  if (problems.length > 0) throw AppError.validation(problems);
  const [duplicate] = await tx
    .select({ id: compilationProgrammes.id })
    .from(compilationProgrammes)
    .where(
      and(
        eq(compilationProgrammes.country, input.country),
        sql`lower(${compilationProgrammes.name}) = lower(${input.name})`,
        exceptId ? ne(compilationProgrammes.id, exceptId) : undefined,
      ),
    );
  if (duplicate) throw duplicateError(input, duplicate.id);
}

const duplicateError = (input: CuratedProgrammeData, existingId?: string) =>
  new AppError('CONFLICT', `name: ${input.country} already has a programme named '${input.name}'`, {
    problems: [{ path: 'name', message: 'duplicates another programme of the same country' }],
    ...(existingId ? { existingId } : {}),
  });

const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 32)
    .replace(/-+$/, '') || 'programme';

async function freeId(tx: Tx, country: string, name: string): Promise<string> {
  const base = `${country.toLowerCase()}-${slug(name)}`;
  // Live programmes use `<cc>-platform`; curated ids keep out of that name.
  const taken = new Set([
    ...(await tx.select({ id: compilationProgrammes.id }).from(compilationProgrammes)).map((r) => r.id),
    ...(await loadPublicCompilation(tx)).programmes.map((p) => p.id),
  ]);
  for (let n = 1; ; n += 1) {
    const id = n === 1 ? base : `${base}-${n}`;
    if (!taken.has(id) && !id.startsWith(`${country.toLowerCase()}-platform`)) return id;
  }
}

function columnsOf(input: CuratedProgrammeData) {
  return {
    country: input.country,
    region: regionOf(input.country),
    name: input.name,
    localName: input.localName ?? null,
    administration: input.administration,
    type: input.type,
    status: input.status,
    launchYear: input.launchYear ?? null,
    operatorRoles: input.operatorRoles,
    criteria: input.criteria,
    benefits: input.benefits,
    reassessment: input.reassessment ?? null,
    aeoCount: input.aeoCount ?? null,
    website: input.website ?? null,
    contact: input.contact ?? null,
    sources: input.sources,
  };
}

/** Two writers racing past the duplicate check: the unique index decides, and the loser hears 409. */
async function guardUnique<T>(input: CuratedProgrammeData, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const code =
      (error as { code?: string; cause?: { code?: string } }).code ??
      (error as { cause?: { code?: string } }).cause?.code;
    if (code === '23505') throw duplicateError(input);
    throw error;
  }
}

export async function createCuratedProgramme(
  ctx: CoreContext,
  actor: Actor,
  input: CuratedProgrammeData,
): Promise<CuratedProgramme> {
  const curator = await curatorOf(ctx, actor);
  const row = await guardUnique(input, () =>
    inTransaction(ctx.db, async (tx) => {
      await checkEntry(tx, curator, input);
      const [created] = await tx
        .insert(compilationProgrammes)
        .values({
          id: await freeId(tx, input.country, input.name),
          ...columnsOf(input),
          reviewState: 'draft',
          curatedByOrganisationId: curator.organisationId,
        })
        .returning();
      await recordChange(tx, actor, {
        action: 'compilation.programme.created',
        subjectType: 'compilation_programme',
        subjectId: created!.id,
        summary: { after: { country: input.country, name: input.name } },
      });
      return created!;
    }),
  );
  return (await toCurated(ctx, [row]))[0]!;
}

/**
 * Editing sends the entry back to draft: a published entry leaves the public directory until the
 * secretariat publishes the new text (nothing unreviewed is ever public). An entry under review is
 * frozen until the secretariat decides.
 */
export async function updateCuratedProgramme(
  ctx: CoreContext,
  actor: Actor,
  id: string,
  input: CuratedProgrammeData,
): Promise<CuratedProgramme> {
  const curator = await curatorOf(ctx, actor);
  const row = await guardUnique(input, () =>
    inTransaction(ctx.db, async (tx) => {
      const current = await loadVisible({ db: tx }, curator, id);
      if (current.reviewState === 'submitted')
        throw AppError.invalidState(
          'The entry is under review; wait for the secretariat to decide',
          'submitted',
        );
      await checkEntry(tx, curator, input, id);
      const [updated] = await tx
        .update(compilationProgrammes)
        .set({ ...columnsOf(input), reviewState: 'draft', reviewComment: null, updatedAt: new Date() })
        .where(eq(compilationProgrammes.id, id))
        .returning();
      await recordChange(tx, actor, {
        action: 'compilation.programme.updated',
        subjectType: 'compilation_programme',
        subjectId: id,
        summary: { before: { reviewState: current.reviewState }, after: { reviewState: 'draft' } },
      });
      return updated!;
    }),
  );
  return (await toCurated(ctx, [row]))[0]!;
}

const TRANSITIONS = {
  submit: { from: ['draft', 'rejected'], to: 'submitted' },
  publish: { from: ['submitted'], to: 'published' },
  reject: { from: ['submitted'], to: 'rejected' },
} as const satisfies Record<string, { from: readonly ReviewState[]; to: ReviewState }>;

const NOTICES = {
  submit: { en: 'submitted for review', fr: 'soumise pour examen' },
  publish: { en: 'published', fr: 'publiée' },
  reject: { en: 'returned by the secretariat', fr: 'renvoyée par le secrétariat' },
} as const;

async function transition(
  ctx: CoreContext,
  actor: Actor,
  options: { id: string; step: keyof typeof TRANSITIONS; comment?: string },
): Promise<CuratedProgramme> {
  const { id, step, comment } = options;
  const curator = await curatorOf(ctx, actor);
  if (step !== 'submit') authorize(actor, 'compilation:review');
  const { from, to } = TRANSITIONS[step];
  const row = await inTransaction(ctx.db, async (tx) => {
    const current = await loadVisible({ db: tx }, curator, id);
    if (!(from as readonly string[]).includes(current.reviewState))
      throw AppError.invalidState(
        `A ${current.reviewState} entry cannot be ${NOTICES[step].en}`,
        current.reviewState,
      );
    const now = new Date();
    const [updated] = await tx
      .update(compilationProgrammes)
      .set({
        reviewState: to,
        reviewComment: step === 'submit' ? null : (comment ?? null),
        updatedAt: now,
        ...(step === 'submit' ? { submittedAt: now } : {}),
        ...(step === 'publish' ? { publishedAt: now } : {}),
      })
      .where(eq(compilationProgrammes.id, id))
      .returning();
    await recordChange(tx, actor, {
      action: `compilation.programme.${to}`,
      subjectType: 'compilation_programme',
      subjectId: id,
      summary: { before: { reviewState: current.reviewState }, after: { reviewState: to, comment } },
    });
    // The other side of the review hears of it: the secretariat on submission, the curator on a decision.
    const recipients =
      step === 'submit'
        ? (
            await tx
              .select({ id: organisations.id })
              .from(organisations)
              .where(eq(organisations.kind, 'secretariat'))
          ).map((o) => o.id)
        : current.curatedByOrganisationId && current.curatedByOrganisationId !== curator.organisationId
          ? [current.curatedByOrganisationId]
          : [];
    for (const organisationId of recipients) {
      await notifyOrganisation(tx, {
        organisationId,
        type: `compilation.programme.${to}`,
        title: {
          en: `Compilation entry ${NOTICES[step].en}`,
          fr: `Fiche de la compilation ${NOTICES[step].fr}`,
        },
        body: { en: `${current.name} (${current.country})`, fr: `${current.name} (${current.country})` },
        link: '/safe/compilation',
      });
    }
    return updated!;
  });
  return (await toCurated(ctx, [row]))[0]!;
}

export const submitCuratedProgramme = (ctx: CoreContext, actor: Actor, id: string) =>
  transition(ctx, actor, { id, step: 'submit' });
export const publishCuratedProgramme = (ctx: CoreContext, actor: Actor, id: string, comment?: string) =>
  transition(ctx, actor, { id, step: 'publish', comment });
export const rejectCuratedProgramme = (ctx: CoreContext, actor: Actor, id: string, comment: string) =>
  transition(ctx, actor, { id, step: 'reject', comment });
