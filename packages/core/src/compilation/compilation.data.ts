import type { LocalisedText } from '@aeolus/contracts';
import {
  type AeoProgramme,
  AeoProgrammeFile,
  type Jurisdiction,
  MraFile,
  type MraStatus,
  type MutualRecognitionArrangement,
  type PublicSource,
  type WcoRegion,
} from './compilation.schemas.js';
import mrasJson from './data/mras.json' with { type: 'json' };
import programmesJson from './data/programmes.json' with { type: 'json' };

/** One party's view of an arrangement: who the partner is, and its status and date. */
export interface ProgrammeMra {
  arrangementId: string;
  partner: Jurisdiction;
  partnerName: LocalisedText;
  status: MraStatus;
  signed?: string;
  /** True when the date or status was not checked against an official text. */
  isUncertain: boolean;
  sources: PublicSource[];
}

export type CompiledProgramme = AeoProgramme & { mras: ProgrammeMra[] };

export interface CuratedCompilation {
  version: string;
  asOf: string;
  programmes: CompiledProgramme[];
  arrangements: MutualRecognitionArrangement[];
}

export interface CompilationProblem {
  path: string;
  message: string;
}

/**
 * Cross-reference rules a schema cannot express: one programme per jurisdiction, unique ids, every MRA
 * party has a programme here, no pair of parties covered twice, and a signature date no earlier than
 * both programmes' launch years would allow.
 */
export function checkCompilation(
  programmes: readonly AeoProgramme[],
  arrangements: readonly MutualRecognitionArrangement[],
): CompilationProblem[] {
  const problems: CompilationProblem[] = [];
  const byJurisdiction = new Map<string, AeoProgramme>();
  const ids = new Set<string>();
  programmes.forEach((programme, i) => {
    if (byJurisdiction.has(programme.jurisdiction))
      problems.push({
        path: `programmes.${i}.jurisdiction`,
        message: `second programme for ${programme.jurisdiction}`,
      });
    byJurisdiction.set(programme.jurisdiction, programme);
    if (ids.has(programme.id))
      problems.push({ path: `programmes.${i}.id`, message: `duplicate id '${programme.id}'` });
    ids.add(programme.id);
  });
  const memberStates = new Set(programmes.flatMap((p) => p.memberStates ?? []));
  programmes.forEach((programme, i) => {
    if (memberStates.has(programme.jurisdiction))
      problems.push({
        path: `programmes.${i}.jurisdiction`,
        message: `${programme.jurisdiction} is covered by the EU programme`,
      });
  });

  const mraIds = new Set<string>();
  const pairs = new Map<string, string>();
  arrangements.forEach((mra, i) => {
    if (mraIds.has(mra.id))
      problems.push({ path: `arrangements.${i}.id`, message: `duplicate id '${mra.id}'` });
    mraIds.add(mra.id);
    mra.parties.forEach((party, j) => {
      if (!byJurisdiction.has(party))
        problems.push({
          path: `arrangements.${i}.parties.${j}`,
          message: `no programme listed for ${party}`,
        });
    });
    if (mra.kind !== 'bilateral') return;
    const key = [...mra.parties].sort().join('|');
    const earlier = pairs.get(key);
    if (earlier)
      problems.push({ path: `arrangements.${i}.parties`, message: `same parties as '${earlier}'` });
    pairs.set(key, mra.id);
    const signedYear = mra.signed ? Number(mra.signed.slice(0, 4)) : undefined;
    for (const party of mra.parties) {
      const launch = byJurisdiction.get(party)?.launchYear;
      if (signedYear !== undefined && launch !== undefined && signedYear < launch)
        problems.push({
          path: `arrangements.${i}.signed`,
          message: `signed before ${party}'s programme was launched (${launch})`,
        });
    }
  });
  return problems;
}

/** Each programme's MRAs, derived from the arrangements (symmetric by construction), by signature date. */
export function mrasOf(
  jurisdiction: Jurisdiction,
  arrangements: readonly MutualRecognitionArrangement[],
  names: ReadonlyMap<string, LocalisedText>,
): ProgrammeMra[] {
  return arrangements
    .filter((mra) => mra.parties.includes(jurisdiction))
    .flatMap((mra) =>
      mra.parties
        .filter((party) => party !== jurisdiction)
        .map((partner) => ({
          arrangementId: mra.id,
          partner,
          partnerName: names.get(partner) ?? { en: partner, fr: partner },
          status: mra.status,
          ...(mra.signed ? { signed: mra.signed } : {}),
          isUncertain: (mra.unverified ?? []).length > 0,
          sources: mra.sources,
        })),
    )
    .sort(
      (a, b) => (a.signed ?? '9999').localeCompare(b.signed ?? '9999') || a.partner.localeCompare(b.partner),
    );
}

let cached: CuratedCompilation | undefined;

/** The shipped curated compilation, validated once; broken data fails loudly with every problem. */
export function loadCuratedCompilation(): CuratedCompilation {
  if (cached) return cached;
  const programmes = AeoProgrammeFile.safeParse(programmesJson);
  const mras = MraFile.safeParse(mrasJson);
  const problems = [
    ...(programmes.success
      ? []
      : programmes.error.issues.map((i) => `programmes.json ${i.path.join('.')}: ${i.message}`)),
    ...(mras.success ? [] : mras.error.issues.map((i) => `mras.json ${i.path.join('.')}: ${i.message}`)),
  ];
  if (programmes.success && mras.success) {
    for (const p of checkCompilation(programmes.data.programmes, mras.data.arrangements))
      problems.push(`${p.path}: ${p.message}`);
  }
  if (problems.length > 0 || !programmes.success || !mras.success)
    throw new Error(`Curated AEO compilation data is invalid: ${problems.join('; ')}`);

  const arrangements = mras.data.arrangements;
  const names = new Map(programmes.data.programmes.map((p) => [p.jurisdiction, p.jurisdictionName]));
  cached = {
    version: programmes.data.version,
    asOf: programmes.data.asOf,
    programmes: programmes.data.programmes.map((p) => ({
      ...p,
      mras: mrasOf(p.jurisdiction, arrangements, names),
    })),
    arrangements,
  };
  return cached;
}

export interface CompilationStatistics {
  programmes: number;
  byStatus: Record<AeoProgramme['status'], number>;
  byRegion: Record<WcoRegion, number>;
  signedMras: number;
  mrasInNegotiation: number;
}

/** Headline figures of the kind the WCO Compendium reports (programmes, MRAs signed and in negotiation). */
export function compilationStatistics(compilation: CuratedCompilation): CompilationStatistics {
  const byStatus = { operational: 0, pilot: 0, in_development: 0 };
  const byRegion: Record<WcoRegion, number> = {
    americas_caribbean: 0,
    asia_pacific: 0,
    europe: 0,
    east_southern_africa: 0,
    west_central_africa: 0,
    mena: 0,
  };
  for (const p of compilation.programmes) {
    byStatus[p.status] += 1;
    byRegion[p.wcoRegion] += 1;
  }
  return {
    programmes: compilation.programmes.length,
    byStatus,
    byRegion,
    signedMras: compilation.arrangements.filter((m) => m.status === 'signed').length,
    mrasInNegotiation: compilation.arrangements.filter((m) => m.status === 'in_negotiation').length,
  };
}
