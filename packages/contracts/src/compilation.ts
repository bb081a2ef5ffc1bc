import { z } from 'zod';
import { IsoDateTime } from './common.js';
import { AssignedCountryCode } from './countries.js';
import { LocalisedText } from './questionnaire.js';
import { WcoRegion } from './wco-regions.js';

/**
 * The online AEO compilation (issue 5 §9; the WCO AEO Compendium made live): public directory of AEO and
 * compliance programmes and their mutual recognition arrangements (MRAs), and the curation of entries by
 * administrations and the secretariat.
 */

export const COMPILATION_OPERATOR_ROLES = [
  'importer',
  'exporter',
  'manufacturer',
  'customs_broker',
  'freight_forwarder',
  'carrier',
  'warehouse_operator',
  'terminal_operator',
  'postal_express',
] as const;
export const CompilationOperatorRole = z.enum(COMPILATION_OPERATOR_ROLES);

/** Benefits as codes, so that programmes can be compared and counted. */
export const COMPILATION_BENEFITS = [
  'fewer_controls',
  'priority_examination',
  'named_contact',
  'simplified_procedures',
  'reduced_guarantee',
  'reduced_data',
  'deferred_payment',
  'prior_notice_of_controls',
  'choice_of_control_place',
  'dedicated_lanes',
  'trade_resumption_priority',
  'direct_port_delivery',
  'faster_refunds',
  'mra_recognition',
] as const;
export const CompilationBenefit = z.enum(COMPILATION_BENEFITS);

export const ProgrammeType = z.enum(['aeo', 'compliance']);
export type ProgrammeType = z.infer<typeof ProgrammeType>;
export const PROGRAMME_STATUSES = ['operational', 'pilot', 'in_development'] as const;
export const ProgrammeStatus = z.enum(PROGRAMME_STATUSES);
export type ProgrammeStatus = z.infer<typeof ProgrammeStatus>;
export const MRA_STATUSES = ['signed', 'in_negotiation', 'suspended', 'terminated'] as const;
export const MraStatus = z.enum(MRA_STATUSES);
export type MraStatus = z.infer<typeof MraStatus>;
export const REVIEW_STATES = ['draft', 'submitted', 'published', 'rejected'] as const;
export const ReviewState = z.enum(REVIEW_STATES);
export type ReviewState = z.infer<typeof ReviewState>;

/** `EU` (the customs union, one programme for all Member States) or an assigned ISO country code. */
export const CompilationJurisdiction = z.union([AssignedCountryCode, z.literal('EU')]);

/** The 13 SAFE AEO requirement headings, "1" … "13". */
export const SAFE_AEO_HEADINGS = Array.from({ length: 13 }, (_, i) => String(i + 1));
export const SafeAeoHeading = z
  .string()
  .refine((v) => SAFE_AEO_HEADINGS.includes(v), 'must be a SAFE AEO heading from 1 to 13');

export const CompilationSource = z.strictObject({
  publisher: z.string().trim().min(2).max(200),
  title: z.string().trim().min(2).max(300),
  url: z.url({ protocol: /^https?$/ }),
});
export type CompilationSource = z.infer<typeof CompilationSource>;

export const CompilationReassessment = z.strictObject({
  kind: z.enum(['fixed_term', 'periodic_revalidation', 'open_ended_monitoring']),
  years: z.number().int().min(1).max(20).optional(),
  note: LocalisedText.optional(),
});

export const ProgrammeMraSummary = z.object({
  arrangementId: z.string(),
  partnerCountry: z.string(),
  partnerName: LocalisedText,
  status: MraStatus,
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: only as precise as the public record. */
  signedOn: z.string().nullable(),
});

/** One programme as the public directory shows it. */
export const CompilationProgramme = z.object({
  id: z.string(),
  country: z.string(),
  countryName: LocalisedText,
  region: WcoRegion.nullable(),
  name: z.string(),
  localName: z.string().nullable(),
  administration: z.string(),
  type: ProgrammeType,
  status: ProgrammeStatus,
  launchYear: z.number().int().nullable(),
  operatorRoles: z.array(z.string()),
  /** SAFE AEO heading ("1" … "13") → summary of the programme's criterion. */
  criteria: z.record(z.string(), LocalisedText),
  benefits: z.array(z.string()),
  reassessment: CompilationReassessment.nullable(),
  /** Number of certified operators: live for programmes run on this platform, else as curated (or null). */
  aeoCount: z.number().int().nullable(),
  /** True when the programme runs on this platform: AEO count and MRAs come from its live data. */
  isLive: z.boolean(),
  mras: z.array(ProgrammeMraSummary),
  website: z.string().nullable(),
  contact: z.string().nullable(),
  sources: z.array(CompilationSource),
  unverified: z.array(z.string()),
  updatedAt: IsoDateTime.nullable(),
});
export type CompilationProgramme = z.infer<typeof CompilationProgramme>;

const csv = (max: number) =>
  z
    .string()
    .max(max)
    .optional()
    .transform((v) =>
      v
        ? v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : undefined,
    );

/**
 * Directory filters. Paging is limit/offset: `total` counts every match, `items` holds at most `limit`
 * of them from `offset` on, in country-then-name order.
 */
export const CompilationQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  /** One or several codes, comma-separated (`US,JP`). */
  country: csv(400).pipe(z.array(CompilationJurisdiction).max(60).optional()),
  region: csv(200).pipe(z.array(WcoRegion).max(6).optional()),
  status: csv(100).pipe(z.array(ProgrammeStatus).optional()),
  type: csv(40).pipe(z.array(ProgrammeType).optional()),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type CompilationQuery = z.infer<typeof CompilationQuery>;
export type CompilationQueryInput = z.input<typeof CompilationQuery>;

export const CompilationProgrammeList = z.object({
  items: z.array(CompilationProgramme),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});
export type CompilationProgrammeList = z.infer<typeof CompilationProgrammeList>;

const counts = <K extends z.ZodType<string>>(key: K) => z.record(key, z.number().int());
const YearCount = z.object({ year: z.number().int(), count: z.number().int() });

export const CompilationStats = z.object({
  programmes: z.object({
    total: z.number().int(),
    byStatus: counts(ProgrammeStatus),
    byType: counts(ProgrammeType),
    byRegion: counts(WcoRegion),
    /** Launch year → programmes launched that year (programmes with no known year are left out). */
    byLaunchYear: z.array(YearCount),
    aeoCount: z.number().int(),
  }),
  mras: z.object({
    total: z.number().int(),
    byStatus: counts(MraStatus),
    /** MRAs with at least one party in the region (a cross-regional MRA counts in both). */
    byRegion: counts(WcoRegion),
    /** Signature year → MRAs signed that year. */
    bySignedYear: z.array(YearCount),
  }),
});
export type CompilationStats = z.infer<typeof CompilationStats>;

export const MraNetwork = z.object({
  nodes: z.array(
    z.object({
      id: z.string(),
      name: LocalisedText,
      region: WcoRegion.nullable(),
      programmeId: z.string().nullable(),
      aeoCount: z.number().int().nullable(),
      /**
       * The customs union whose arrangements cover this jurisdiction ("EU" for an EU Member State shown
       * as a node of its own, e.g. a programme run on this platform); null otherwise.
       */
      coveredBy: z.string().nullable(),
    }),
  ),
  edges: z.array(
    z.object({
      id: z.string(),
      source: z.string(),
      target: z.string(),
      status: MraStatus,
      signedOn: z.string().nullable(),
    }),
  ),
});
export type MraNetwork = z.infer<typeof MraNetwork>;

// Curation ------------------------------------------------------------------------------------------------

/** What a curator writes (an administration for its own country, the secretariat for any). */
export const CuratedProgrammeInput = z.strictObject({
  country: CompilationJurisdiction,
  name: z.string().trim().min(2).max(300),
  localName: z.string().trim().min(2).max(300).optional(),
  administration: z.string().trim().min(2).max(300),
  type: ProgrammeType,
  status: ProgrammeStatus,
  launchYear: z
    .number({ message: 'must be a year' })
    .int('must be a whole year')
    .min(1990, 'must be 1990 or later')
    .max(2100, 'must be 2100 or earlier')
    .optional(),
  operatorRoles: z.array(CompilationOperatorRole).max(COMPILATION_OPERATOR_ROLES.length).default([]),
  criteria: z.record(SafeAeoHeading, LocalisedText).default({}),
  benefits: z.array(CompilationBenefit).max(COMPILATION_BENEFITS.length).default([]),
  reassessment: CompilationReassessment.optional(),
  aeoCount: z.number().int().min(0).max(10_000_000).optional(),
  website: z.url({ protocol: /^https?$/ }).optional(),
  contact: z.string().trim().max(300).optional(),
  sources: z.array(CompilationSource).max(10).default([]),
});
export type CuratedProgrammeInput = z.input<typeof CuratedProgrammeInput>;
export type CuratedProgrammeData = z.infer<typeof CuratedProgrammeInput>;

export const CuratedProgramme = z.object({
  id: z.string(),
  reviewState: ReviewState,
  reviewComment: z.string().nullable(),
  curatedByOrganisationId: z.string().nullable(),
  curatedByName: z.string().nullable(),
  programme: CompilationProgramme,
  submittedAt: IsoDateTime.nullable(),
  publishedAt: IsoDateTime.nullable(),
});
export type CuratedProgramme = z.infer<typeof CuratedProgramme>;

export const CuratedProgrammeList = z.object({ items: z.array(CuratedProgramme) });
export const CuratedProgrammeFilter = z.strictObject({ reviewState: ReviewState.optional() });
/** The secretariat's review: publishing may carry a note; returning an entry must say why. */
export const ReviewDecision = z
  .strictObject({
    entryId: z.string().regex(/^[a-z0-9-]{3,80}$/, 'must be an entry id'),
    decision: z.enum(['publish', 'reject']),
    comment: z.string().trim().min(1).max(2000).optional(),
  })
  .superRefine((review, ctx) => {
    if (review.decision === 'reject' && (review.comment ?? '').length < 3)
      ctx.addIssue({ code: 'custom', path: ['comment'], message: 'must say why the entry is returned' });
  });
export type ReviewDecision = z.infer<typeof ReviewDecision>;
