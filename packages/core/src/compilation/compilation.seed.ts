import type { CoreContext } from '../context.js';
import { loadCuratedCompilation } from './compilation.data.js';
import { compilationMras, compilationProgrammes } from './compilation.tables.js';

/**
 * Loads the shipped compilation (public facts, each with its source) as published entries. Runs on every
 * seed; an entry already present is left as it is, so curators' later edits are never overwritten.
 */
export async function seedCompilation(ctx: CoreContext): Promise<{ programmes: number; mras: number }> {
  const { programmes, arrangements } = loadCuratedCompilation();
  const now = new Date();
  const inserted = await ctx.db
    .insert(compilationProgrammes)
    .values(
      programmes.map((p) => ({
        id: p.id,
        country: p.jurisdiction,
        region: p.wcoRegion,
        name: p.name,
        localName: p.localName ?? null,
        administration: p.administration,
        type: p.type,
        status: p.status,
        launchYear: p.launchYear ?? null,
        operatorRoles: p.operatorRoles,
        criteria: p.criteria,
        benefits: p.benefits,
        reassessment: p.reassessment ?? null,
        aeoCount: null,
        website: p.website,
        sources: p.sources,
        unverified: p.unverified ?? [],
        reviewState: 'published' as const,
        publishedAt: now,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: compilationProgrammes.id });
  const mras = await ctx.db
    .insert(compilationMras)
    .values(
      arrangements.map((m) => ({
        id: m.id,
        parties: m.parties,
        kind: m.kind,
        status: m.status,
        signedOn: m.signed ?? null,
        sources: m.sources,
        unverified: m.unverified ?? [],
        notes: m.notes ?? null,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: compilationMras.id });
  return { programmes: inserted.length, mras: mras.length };
}
