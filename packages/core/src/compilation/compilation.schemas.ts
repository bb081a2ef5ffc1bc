import {
  AssignedCountryCode,
  COMPILATION_BENEFITS,
  COMPILATION_OPERATOR_ROLES,
  LocalisedText,
  MRA_STATUSES,
  MraStatus,
  WCO_REGION_IDS,
  WcoRegion,
} from '@aeolus/contracts';
import { z } from 'zod';

/**
 * The curated part of the online AEO compilation (SAFE Working Group tool): AEO programmes and mutual
 * recognition arrangements (MRAs) of WCO Members, from public sources. Every entry names its sources;
 * a fact that was not confirmed is left out, and a field whose value was not checked against the
 * programme's own text is listed in `unverified`.
 *
 * Jurisdiction codes are ISO 3166-1 alpha-2, except `EU`: the European Union runs ONE programme for its
 * customs union and signs MRAs on behalf of all Member States, so it appears once, under the code ISO
 * reserves for it, with its Member States listed; Member States get no entry of their own.
 */

/** The six WCO regions (as in the WCO AEO Compendium); the mapping lives in contracts. */
export const WCO_REGIONS = WCO_REGION_IDS;
export { MRA_STATUSES, MraStatus, WcoRegion };

export const WCO_REGION_LABELS: Record<WcoRegion, LocalisedText> = {
  americas_caribbean: {
    en: 'South America, North America, Central America and the Caribbean',
    fr: 'Amérique du Sud, Amérique du Nord, Amérique centrale et Caraïbes',
  },
  asia_pacific: {
    en: 'Far East, South and South East Asia, Australasia and the Pacific Islands',
    fr: 'Extrême-Orient, Asie du Sud et du Sud-Est, Australasie et îles du Pacifique',
  },
  europe: { en: 'Europe', fr: 'Europe' },
  east_southern_africa: { en: 'East and Southern Africa', fr: 'Afrique orientale et australe' },
  west_central_africa: { en: 'West and Central Africa', fr: 'Afrique occidentale et centrale' },
  mena: { en: 'North of Africa, Near and Middle East', fr: 'Afrique du Nord, Proche et Moyen-Orient' },
};

export const OPERATOR_ROLES = COMPILATION_OPERATOR_ROLES;
export const OperatorRole = z.enum(OPERATOR_ROLES);
export type OperatorRole = z.infer<typeof OperatorRole>;

/** Benefits as codes, so that programmes can be compared and counted. */
export const AEO_BENEFITS = COMPILATION_BENEFITS;
export const AeoBenefit = z.enum(AEO_BENEFITS);
export type AeoBenefit = z.infer<typeof AeoBenefit>;

/** The 13 SAFE AEO requirement headings, "1" … "13" (see DOMAIN.md §2). */
export const AEO_HEADINGS = Array.from({ length: 13 }, (_, i) => String(i + 1));
export const AeoHeading = z
  .string()
  .refine((v) => AEO_HEADINGS.includes(v), 'must be a heading from 1 to 13');

export const Jurisdiction = z.union([AssignedCountryCode, z.literal('EU')]);
export type Jurisdiction = z.infer<typeof Jurisdiction>;

export const PublicSource = z.strictObject({
  publisher: z.string().trim().min(2).max(200),
  title: z.string().trim().min(2).max(300),
  url: z.url({ protocol: /^https?$/ }),
});
export type PublicSource = z.infer<typeof PublicSource>;

/** `2012`, `2012-05` or `2012-05-04`: only as precise as the public record is. */
export const PartialDate = z
  .string()
  .regex(/^(19|20)\d{2}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD')
  .refine((value) => {
    const [year, month, day] = value.split('-').map(Number);
    if (day === undefined || month === undefined || year === undefined) return true;
    return new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
  }, 'is not a calendar date');

export const Reassessment = z.strictObject({
  /** fixed_term: status expires; periodic_revalidation: reviewed every `years`; open_ended_monitoring:
   * no expiry, monitored and reassessed on triggers. */
  kind: z.enum(['fixed_term', 'periodic_revalidation', 'open_ended_monitoring']),
  years: z.number().int().min(1).max(20).optional(),
  note: LocalisedText.optional(),
});
export type Reassessment = z.infer<typeof Reassessment>;

const PROGRAMME_FIELDS = [
  'administration',
  'name',
  'launchYear',
  'tiers',
  'operatorRoles',
  'criteria',
  'benefits',
  'reassessment',
] as const;

export const AeoProgramme = z
  .strictObject({
    id: z
      .string()
      .regex(/^[a-z]{2}-[a-z0-9-]{2,40}$/, 'must be the jurisdiction in lower case, "-" and a slug'),
    jurisdiction: Jurisdiction,
    jurisdictionName: LocalisedText,
    wcoRegion: WcoRegion,
    /** Only for `EU`: the Member States the programme covers. */
    memberStates: z.array(AssignedCountryCode).min(1).max(40).optional(),
    administration: z.string().trim().min(2).max(300),
    name: z.string().trim().min(2).max(300),
    localName: z.string().trim().min(2).max(300).optional(),
    /** `aeo`: supply-chain security (SAFE Pillar 2); `compliance`: a customs compliance programme only. */
    type: z.enum(['aeo', 'compliance']),
    status: z.enum(['operational', 'pilot', 'in_development']),
    launchYear: z.number().int().min(1990).max(2100).optional(),
    tiers: z.array(z.string().trim().min(1).max(120)).min(1).max(10).optional(),
    operatorRoles: z.array(OperatorRole).min(1),
    criteria: z.record(AeoHeading, LocalisedText),
    benefits: z.array(AeoBenefit).min(1),
    reassessment: Reassessment.optional(),
    /** The administration's public website (no personal contact data). */
    website: z.url({ protocol: /^https?$/ }),
    sources: z.array(PublicSource).min(1).max(10),
    unverified: z.array(z.enum(PROGRAMME_FIELDS)).max(PROGRAMME_FIELDS.length).optional(),
    notes: LocalisedText.optional(),
  })
  .superRefine((programme, ctx) => {
    if (programme.memberStates && programme.jurisdiction !== 'EU')
      ctx.addIssue({ code: 'custom', path: ['memberStates'], message: 'only the EU lists member states' });
    if (!programme.id.startsWith(`${programme.jurisdiction.toLowerCase()}-`))
      ctx.addIssue({ code: 'custom', path: ['id'], message: 'must start with the jurisdiction code' });
    for (const list of ['operatorRoles', 'benefits', 'unverified'] as const) {
      const values = programme[list] ?? [];
      if (new Set(values).size !== values.length)
        ctx.addIssue({ code: 'custom', path: [list], message: 'lists a value twice' });
    }
  });
export type AeoProgramme = z.infer<typeof AeoProgramme>;

export const AeoProgrammeFile = z.strictObject({
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  asOf: z.iso.date(),
  scope: LocalisedText,
  programmes: z.array(AeoProgramme).min(1),
});
export type AeoProgrammeFile = z.infer<typeof AeoProgrammeFile>;

/**
 * One arrangement, stored once with all its parties: each party's list of MRAs is derived from it, so
 * the two sides of a bilateral MRA can never disagree on its status or date.
 */
export const MutualRecognitionArrangement = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]{3,64}$/),
    parties: z.array(Jurisdiction).min(2).max(40),
    kind: z.enum(['bilateral', 'plurilateral']),
    status: MraStatus,
    /** Date of signature, only as precise as the public record. */
    signed: PartialDate.optional(),
    sources: z.array(PublicSource).min(1).max(10),
    unverified: z.array(z.enum(['signed', 'status'])).optional(),
    notes: LocalisedText.optional(),
  })
  .superRefine((mra, ctx) => {
    if (new Set(mra.parties).size !== mra.parties.length)
      ctx.addIssue({ code: 'custom', path: ['parties'], message: 'lists a party twice' });
    if ((mra.kind === 'bilateral') !== (mra.parties.length === 2))
      ctx.addIssue({ code: 'custom', path: ['kind'], message: 'a bilateral MRA has exactly two parties' });
    if (mra.signed && mra.status === 'in_negotiation')
      ctx.addIssue({
        code: 'custom',
        path: ['signed'],
        message: 'an MRA under negotiation has no signature date',
      });
  });
export type MutualRecognitionArrangement = z.infer<typeof MutualRecognitionArrangement>;

export const MraFile = z.strictObject({
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  asOf: z.iso.date(),
  arrangements: z.array(MutualRecognitionArrangement),
});
export type MraFile = z.infer<typeof MraFile>;
