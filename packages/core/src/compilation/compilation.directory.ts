import {
  type CompilationProgramme,
  type CompilationProgrammeList,
  type CompilationQuery,
  type CompilationStats,
  MRA_STATUSES,
  type MraNetwork,
  PROGRAMME_STATUSES,
  WCO_REGION_IDS,
} from '@aeolus/contracts';
import { asc, eq } from 'drizzle-orm';
import { listPlatformProgrammeSummaries } from '../aeo/index.js';
import type { Db, Tx } from '../db/client.js';
import { AppError } from '../errors.js';
import { loadCuratedCompilation } from './compilation.data.js';
import {
  jurisdictionName,
  type MraRow,
  regionOf,
  toCompilationProgramme,
  toLiveProgramme,
} from './compilation.mapper.js';
import { compilationMras, compilationProgrammes } from './compilation.tables.js';

export interface PublicCompilation {
  programmes: CompilationProgramme[];
  arrangements: MraRow[];
}

/** The Member States the EU's programme and MRAs cover (SAFE: the EU signs MRAs for all of them). */
function euMemberStates(): ReadonlySet<string> {
  const eu = loadCuratedCompilation().programmes.find((p) => p.jurisdiction === 'EU');
  return new Set(eu?.memberStates ?? []);
}

/**
 * A jurisdiction's MRAs from the arrangements, partner by partner. A Member State of the EU takes the
 * EU's arrangements: its operators are recognised through them.
 */
export function mrasFor(country: string, arrangements: readonly MraRow[]): CompilationProgramme['mras'] {
  const self = euMemberStates().has(country) ? ['EU', country] : [country];
  return arrangements
    .filter((mra) => mra.parties.some((p) => self.includes(p)))
    .flatMap((mra) =>
      mra.parties
        .filter((p) => !self.includes(p))
        .map((partner) => ({
          arrangementId: mra.id,
          partnerCountry: partner,
          partnerName: jurisdictionName(partner),
          status: mra.status,
          signedOn: mra.signedOn,
        })),
    )
    .sort(
      (a, b) =>
        (a.signedOn ?? '9999').localeCompare(b.signedOn ?? '9999') ||
        a.partnerCountry.localeCompare(b.partnerCountry),
    );
}

/**
 * Everything the public compilation shows: published curated programmes and the programmes run on this
 * platform (live AEO count, MRAs from the arrangements). Small enough (hundreds of rows) to assemble in
 * memory per request, which keeps live figures exact without cache invalidation.
 */
export async function loadPublicCompilation(db: Db | Tx): Promise<PublicCompilation> {
  const [rows, arrangements, platform] = await Promise.all([
    db
      .select()
      .from(compilationProgrammes)
      .where(eq(compilationProgrammes.reviewState, 'published'))
      .orderBy(asc(compilationProgrammes.id)),
    db.select().from(compilationMras).orderBy(asc(compilationMras.id)),
    listPlatformProgrammeSummaries(db),
  ]);
  const taken = new Set(rows.map((r) => r.id));
  const live = platform.map((summary) => {
    const base = `${summary.country.toLowerCase()}-platform`;
    const id = taken.has(base) ? `${base}-${summary.programmeId.slice(0, 8)}` : base;
    taken.add(id);
    return toLiveProgramme(summary, { id, mras: mrasFor(summary.country, arrangements) });
  });
  const programmes = [
    ...rows.map((r) => toCompilationProgramme(r, mrasFor(r.country, arrangements))),
    ...live,
  ];
  programmes.sort((a, b) => a.countryName.en.localeCompare(b.countryName.en) || a.name.localeCompare(b.name));
  return { programmes, arrangements };
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

export function filterProgrammes(
  programmes: readonly CompilationProgramme[],
  query: Omit<CompilationQuery, 'limit' | 'offset'>,
): CompilationProgramme[] {
  const q = query.q ? fold(query.q) : undefined;
  return programmes.filter(
    (p) =>
      (!query.country || query.country.includes(p.country)) &&
      (!query.region || (p.region !== null && query.region.includes(p.region))) &&
      (!query.status || query.status.includes(p.status)) &&
      (!query.type || query.type.includes(p.type)) &&
      (!q ||
        [p.name, p.localName ?? '', p.administration, p.country, p.countryName.en, p.countryName.fr].some(
          (text) => fold(text).includes(q),
        )),
  );
}

export async function listPublicProgrammes(
  db: Db | Tx,
  query: CompilationQuery,
): Promise<CompilationProgrammeList> {
  const matches = filterProgrammes((await loadPublicCompilation(db)).programmes, query);
  return {
    items: matches.slice(query.offset, query.offset + query.limit),
    total: matches.length,
    limit: query.limit,
    offset: query.offset,
  };
}

export async function getPublicProgramme(db: Db | Tx, id: string): Promise<CompilationProgramme> {
  const programme = (await loadPublicCompilation(db)).programmes.find((p) => p.id === id);
  if (!programme) throw AppError.notFound('Programme');
  return programme;
}

const zeroes = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

const byYear = (years: (number | null)[]) => {
  const counts = new Map<number, number>();
  for (const year of years) if (year !== null) counts.set(year, (counts.get(year) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a - b).map(([year, count]) => ({ year, count }));
};

/** Headline figures of the kind the WCO AEO Compendium reports, by status, region and year. */
export function compilationStats(compilation: PublicCompilation): CompilationStats {
  const { programmes, arrangements } = compilation;
  const p = {
    total: programmes.length,
    byStatus: zeroes(PROGRAMME_STATUSES),
    byType: { aeo: 0, compliance: 0 },
    byRegion: zeroes(WCO_REGION_IDS),
    byLaunchYear: byYear(programmes.map((x) => x.launchYear)),
    aeoCount: programmes.reduce((sum, x) => sum + (x.aeoCount ?? 0), 0),
  };
  for (const x of programmes) {
    p.byStatus[x.status] += 1;
    p.byType[x.type] += 1;
    if (x.region) p.byRegion[x.region] += 1;
  }
  const m = {
    total: arrangements.length,
    byStatus: zeroes(MRA_STATUSES),
    byRegion: zeroes(WCO_REGION_IDS),
    bySignedYear: byYear(arrangements.map((a) => (a.signedOn ? Number(a.signedOn.slice(0, 4)) : null))),
  };
  for (const a of arrangements) {
    m.byStatus[a.status] += 1;
    const regions = new Set(a.parties.map(regionOf).filter((r) => r !== null));
    for (const region of regions) m.byRegion[region] += 1;
  }
  return { programmes: p, mras: m };
}

/** Nodes are jurisdictions (with their programme where listed), edges are MRAs pair by pair. */
export function mraNetwork(compilation: PublicCompilation): MraNetwork {
  const byCountry = new Map(compilation.programmes.map((p) => [p.country, p]));
  const codes = new Set([...byCountry.keys(), ...compilation.arrangements.flatMap((a) => a.parties)]);
  const eu = euMemberStates();
  const nodes = [...codes].sort().map((code) => {
    const programme = byCountry.get(code);
    return {
      id: code,
      name: jurisdictionName(code),
      region: regionOf(code),
      programmeId: programme?.id ?? null,
      aeoCount: programme?.aeoCount ?? null,
      // Recognised through the EU's MRAs (mrasFor), which the network draws as a link to the EU node.
      coveredBy: eu.has(code) && codes.has('EU') ? 'EU' : null,
    };
  });
  const edges = compilation.arrangements.flatMap((a) =>
    a.parties.flatMap((source, i) =>
      a.parties.slice(i + 1).map((target) => ({
        id: a.parties.length === 2 ? a.id : `${a.id}:${source}-${target}`,
        source,
        target,
        status: a.status,
        signedOn: a.signedOn,
      })),
    ),
  );
  return { nodes, edges };
}
