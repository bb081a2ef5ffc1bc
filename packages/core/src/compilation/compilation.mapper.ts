import {
  COMPILATION_BENEFITS,
  COMPILATION_OPERATOR_ROLES,
  type CompilationProgramme,
  type LocalisedText,
  wcoRegionOf,
} from '@aeolus/contracts';
import type { PlatformProgrammeSummary } from '../aeo/index.js';
import type { compilationMras, compilationProgrammes } from './compilation.tables.js';

export type ProgrammeRow = typeof compilationProgrammes.$inferSelect;
export type MraRow = typeof compilationMras.$inferSelect;

const displayNames = {
  en: new Intl.DisplayNames(['en'], { type: 'region' }),
  fr: new Intl.DisplayNames(['fr'], { type: 'region' }),
};

/** A jurisdiction's name in both languages (ICU knows `EU` as the European Union). */
export function jurisdictionName(code: string): LocalisedText {
  const name = (locale: 'en' | 'fr') => {
    try {
      return displayNames[locale].of(code) ?? code;
    } catch {
      return code;
    }
  };
  return { en: name('en'), fr: name('fr') };
}

/** The WCO region of a jurisdiction; the EU's customs union sits in Europe. */
export function regionOf(code: string) {
  return code === 'EU' ? 'europe' : (wcoRegionOf(code) ?? null);
}

type Mras = CompilationProgramme['mras'];

export function toCompilationProgramme(row: ProgrammeRow, mras: Mras): CompilationProgramme {
  return {
    id: row.id,
    country: row.country,
    countryName: jurisdictionName(row.country),
    region: (row.region as CompilationProgramme['region']) ?? regionOf(row.country),
    name: row.name,
    localName: row.localName,
    administration: row.administration,
    type: row.type,
    status: row.status,
    launchYear: row.launchYear,
    operatorRoles: row.operatorRoles,
    criteria: row.criteria,
    benefits: row.benefits,
    reassessment: row.reassessment ?? null,
    aeoCount: row.aeoCount,
    isLive: false,
    mras,
    website: row.website,
    contact: row.contact,
    sources: row.sources,
    unverified: row.unverified,
    updatedAt: row.updatedAt.toISOString(),
  };
}

const KNOWN_ROLES: readonly string[] = COMPILATION_OPERATOR_ROLES;
// The platform's benefit codes that mean the same as a compilation benefit code.
const BENEFIT_CODES: Record<string, string> = {
  reduced_examination: 'fewer_controls',
  priority_examination: 'priority_examination',
  prior_notice: 'prior_notice_of_controls',
  recovery_priority: 'trade_resumption_priority',
  designated_contact: 'named_contact',
  reduced_guarantee: 'reduced_guarantee',
  simplified_procedures: 'simplified_procedures',
};

/** A programme run on this platform, as the compilation shows it: every figure read live. */
export function toLiveProgramme(
  summary: PlatformProgrammeSummary,
  options: { id: string; mras: Mras },
): CompilationProgramme {
  const criteria: Record<string, LocalisedText> = {};
  for (const [heading, titles] of Object.entries(summary.criteriaByHeading)) {
    criteria[heading] = {
      en: titles.map((t) => t.en).join('; '),
      fr: titles.map((t) => t.fr).join(' ; '),
    };
  }
  const benefits = [
    ...new Set(
      summary.benefitCodes
        .map((code) => BENEFIT_CODES[code] ?? code)
        .filter((code) => (COMPILATION_BENEFITS as readonly string[]).includes(code)),
    ),
  ];
  const validity = summary.validity;
  return {
    id: options.id,
    country: summary.country,
    countryName: jurisdictionName(summary.country),
    region: regionOf(summary.country),
    name: summary.name.en,
    localName: summary.name.fr === summary.name.en ? null : summary.name.fr,
    administration: summary.administration,
    type: 'aeo',
    status: 'operational',
    launchYear: summary.createdAt.getUTCFullYear(),
    operatorRoles: summary.eligibleRoles.filter((r) => KNOWN_ROLES.includes(r)),
    criteria,
    benefits,
    reassessment:
      validity.kind === 'fixed_term'
        ? { kind: 'fixed_term', years: validity.years }
        : { kind: 'periodic_revalidation', years: validity.reassessmentYears },
    aeoCount: summary.activeCertificates,
    isLive: true,
    mras: options.mras,
    website: null,
    contact: null,
    sources: [],
    unverified: [],
    updatedAt: summary.updatedAt.toISOString(),
  };
}
