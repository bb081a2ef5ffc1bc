import { z } from 'zod';
import { IsoDateTime, Uuid } from './common.js';
import { SupplyChainRole } from './identity.js';
import { LocalisedText, QuestionnaireDefinition } from './questionnaire.js';

/**
 * The AEO programme lifecycle (SAFE Framework pillar 2): programme settings, applications with their
 * append-only action log, validation (plan, checklist, corrective actions) and monitoring. Request
 * bodies are strict: an unknown field is a 400 naming it, not something silently dropped.
 */

const Code = z.string().regex(/^[A-Za-z0-9_]{1,32}$/, 'must be 1-32 letters, digits or _');
const Reason = z.string().trim().min(1, 'a reason is required').max(4000);
export const IsoDate = z.iso.date({ message: 'must be a calendar date written YYYY-MM-DD' });

export const AeoCategory = z.strictObject({
  code: z.string().regex(/^[A-Z]{1,3}$/, 'must be 1-3 capital letters, e.g. S, C or F'),
  name: LocalisedText,
  description: LocalisedText,
});
export type AeoCategory = z.infer<typeof AeoCategory>;

export const AeoBenefit = z.strictObject({
  code: Code,
  name: LocalisedText,
  description: LocalisedText,
  /** Categories that get this benefit; empty = all. */
  categories: z.array(z.string()).default([]),
  parameters: z.record(z.string(), z.number()).optional(),
});
export type AeoBenefit = z.infer<typeof AeoBenefit>;

export const AeoValidity = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('open_ended'), reassessmentYears: z.int().min(1).max(20) }),
  z.strictObject({ kind: z.literal('fixed_term'), years: z.int().min(1).max(20) }),
]);
export type AeoValidity = z.infer<typeof AeoValidity>;

/** Statutory clocks in calendar days; EU defaults 30 / 120 / 60 / 5 (UCC Art. 22, DA Art. 28). */
export const AeoClocks = z.strictObject({
  acceptanceDays: z.int().min(1).max(365),
  decisionDays: z.int().min(1).max(730),
  maxExtensionDays: z.int().min(0).max(365),
  effectDays: z.int().min(0).max(90),
});
export type AeoClocks = z.infer<typeof AeoClocks>;

export const AeoCriterionInput = z.strictObject({
  code: Code,
  title: LocalisedText,
  description: LocalisedText,
  /** One of the 13 SAFE AEO requirement headings, so programmes compare heading by heading. */
  safeHeading: z
    .int()
    .min(1, 'must be a SAFE AEO heading from 1 to 13')
    .max(13, 'must be a SAFE AEO heading from 1 to 13'),
  categories: z.array(z.string()).default([]),
  onSiteByDefault: z.boolean().default(false),
});
export type AeoCriterionInput = z.infer<typeof AeoCriterionInput>;

export const AeoCriterion = AeoCriterionInput.extend({ id: Uuid, position: z.int() });
export type AeoCriterion = z.infer<typeof AeoCriterion>;

export const UpdateAeoProgramme = z.strictObject({
  name: LocalisedText,
  /**
   * Inside AEO identifiers after the country code (`AEO` in `NLAEOF000001`); absent = unchanged. Nine
   * characters with a 3-letter category keep country + prefix + category + 6 digits within AEO_ID_PATTERN.
   */
  identifierPrefix: z
    .string()
    .regex(/^[A-Z0-9]{1,9}$/, 'must be 1-9 capital letters or digits, e.g. AEO')
    .optional(),
  categories: z.array(AeoCategory).min(1).max(10),
  eligibleRoles: z.array(SupplyChainRole).min(1),
  validity: AeoValidity,
  clocks: AeoClocks,
  benefits: z.array(AeoBenefit).max(50),
  criteria: z.array(AeoCriterionInput).min(1).max(200),
});
export type UpdateAeoProgramme = z.infer<typeof UpdateAeoProgramme>;

export const AeoProgramme = z.object({
  id: Uuid,
  administrationId: Uuid,
  name: LocalisedText,
  identifierPrefix: z.string(),
  categories: z.array(AeoCategory),
  eligibleRoles: z.array(z.string()),
  validity: AeoValidity,
  clocks: AeoClocks,
  benefits: z.array(AeoBenefit),
  criteria: z.array(AeoCriterion),
  saqDefinitionId: Uuid.nullable(),
  updatedAt: IsoDateTime,
});
export type AeoProgramme = z.infer<typeof AeoProgramme>;

export const AEO_APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'returned',
  'under_review',
  'visit_planned',
  'visit_recorded',
  'granted',
  'refused',
  'suspended',
  'revoked',
  'withdrawn',
  'under_appeal',
] as const;
export const AeoApplicationStatus = z.enum(AEO_APPLICATION_STATUSES);
export type AeoApplicationStatus = z.infer<typeof AeoApplicationStatus>;

/**
 * When the administration's validation work that is not a workflow step is accepted (WCO Validator
 * Guide: preparation, on-site examination, reporting). Corrective measures may also be asked of a holder
 * under monitoring or suspension (EU DA Art. 16). The service enforces these; the web app reads them to
 * offer only what the server will take.
 */
export const AEO_VALIDATION_WORK_STATES = {
  plan_validation: ['under_review', 'visit_planned'],
  record_checklist: ['under_review', 'visit_planned', 'visit_recorded'],
  request_corrective_action: ['under_review', 'visit_planned', 'visit_recorded', 'granted', 'suspended'],
} as const satisfies Record<string, readonly AeoApplicationStatus[]>;
export type AeoValidationWork = keyof typeof AEO_VALIDATION_WORK_STATES;

export const CreateAeoApplication = z.strictObject({ programmeId: Uuid, category: z.string().min(1) });
export type CreateAeoApplication = z.infer<typeof CreateAeoApplication>;

/** Autosave: a patch of answers keyed by question id; `null` clears an answer. */
export const SaveAeoAnswers = z.strictObject({ answers: z.record(z.string(), z.unknown()) });
export type SaveAeoAnswers = z.infer<typeof SaveAeoAnswers>;

export const AeoOperatorAction = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('submit') }),
  z.strictObject({ type: z.literal('answer_information'), answer: Reason }),
  z.strictObject({ type: z.literal('withdraw'), reason: Reason.optional() }),
  z.strictObject({ type: z.literal('appeal'), grounds: Reason }),
]);
export type AeoOperatorAction = z.infer<typeof AeoOperatorAction>;

export const AeoAdministrationAction = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('accept') }),
  z.strictObject({ type: z.literal('return_incomplete'), reason: Reason }),
  z.strictObject({ type: z.literal('request_information'), question: Reason }),
  z.strictObject({ type: z.literal('extend_deadline'), days: z.int().min(1).max(365), reason: Reason }),
  z.strictObject({ type: z.literal('plan_visit'), visitDate: IsoDate }),
  z.strictObject({
    type: z.literal('record_visit'),
    reportSummary: Reason,
    recommendation: z.enum(['grant', 'refuse', 'grant_with_conditions']),
  }),
  z.strictObject({ type: z.literal('grant'), category: z.string().min(1) }),
  z.strictObject({ type: z.literal('refuse'), reasons: z.array(Reason).min(1, 'give at least one reason') }),
  z.strictObject({ type: z.literal('suspend'), grounds: Reason }),
  z.strictObject({ type: z.literal('reinstate'), reason: Reason }),
  z.strictObject({ type: z.literal('revoke'), grounds: Reason }),
  z.strictObject({
    type: z.literal('decide_appeal'),
    outcome: z.enum(['upheld', 'overturned']),
    reason: Reason,
  }),
  z.strictObject({ type: z.literal('assign_validator'), validatorUserId: Uuid }),
]);
export type AeoAdministrationAction = z.infer<typeof AeoAdministrationAction>;

export const AeoValidationPlan = z.strictObject({
  items: z
    .array(z.strictObject({ criterionId: Uuid, onSite: z.boolean(), reason: Reason.optional() }))
    .min(1),
});
export type AeoValidationPlan = z.infer<typeof AeoValidationPlan>;

export const CHECKLIST_RESULTS = ['met', 'partly_met', 'not_met', 'not_applicable'] as const;
export const RecordAeoChecklist = z.strictObject({
  results: z
    .array(
      z.strictObject({
        criterionId: Uuid,
        result: z.enum(CHECKLIST_RESULTS),
        notes: z.string().max(4000).optional(),
        documentIds: z.array(Uuid).max(20).default([]),
      }),
    )
    .min(1),
});
export type RecordAeoChecklist = z.infer<typeof RecordAeoChecklist>;

export const CreateAeoCorrectiveAction = z.strictObject({
  criterionId: Uuid.optional(),
  description: Reason,
  dueOn: IsoDate,
});
export type CreateAeoCorrectiveAction = z.infer<typeof CreateAeoCorrectiveAction>;

export const MONITORING_REPORT_KINDS = [
  'ownership',
  'premises',
  'legal_form',
  'management',
  'security_incident',
  'other',
] as const;
export const CreateAeoMonitoringReport = z.strictObject({
  kind: z.enum(MONITORING_REPORT_KINDS),
  description: Reason,
});
export type CreateAeoMonitoringReport = z.infer<typeof CreateAeoMonitoringReport>;
export const CloseAeoMonitoringReview = z.strictObject({ outcome: Reason });
export type CloseAeoMonitoringReview = z.infer<typeof CloseAeoMonitoringReview>;

export const AeoNextDeadline = z.object({
  kind: z.enum(['acceptance', 'decision']),
  due: IsoDateTime,
  daysLeft: z.int(),
  overdue: z.boolean(),
  stopped: z.boolean(),
});

export const AeoApplicationSummary = z.object({
  id: Uuid,
  reference: z.string(),
  programmeId: Uuid,
  operatorId: Uuid,
  operatorName: z.string(),
  category: z.string(),
  status: AeoApplicationStatus,
  awaitingInformation: z.boolean(),
  assignedValidatorId: Uuid.nullable(),
  nextDeadline: AeoNextDeadline.nullable(),
  openReviews: z.int(),
  updatedAt: IsoDateTime,
});
export type AeoApplicationSummary = z.infer<typeof AeoApplicationSummary>;

export const AeoActionEntry = z.object({
  id: Uuid,
  type: z.string(),
  side: z.enum(['operator', 'administration']),
  actorLabel: z.string(),
  at: IsoDateTime,
  payload: z.record(z.string(), z.unknown()),
});

const Clock = z.object({
  startedAt: IsoDateTime,
  due: IsoDateTime,
  daysLeft: z.int(),
  overdue: z.boolean(),
  stoppedDays: z.number(),
  extensionDays: z.int(),
  stopped: z.boolean(),
  endedAt: IsoDateTime.optional(),
});

export const AeoChecklistItem = z.object({
  criterionId: Uuid,
  onSite: z.boolean(),
  planReason: z.string().nullable(),
  result: z.enum(CHECKLIST_RESULTS).nullable(),
  notes: z.string().nullable(),
  documentIds: z.array(Uuid),
  recordedAt: IsoDateTime.nullable(),
});

export const AeoCorrectiveAction = z.object({
  id: Uuid,
  criterionId: Uuid.nullable(),
  description: z.string(),
  dueOn: z.string(),
  status: z.enum(['open', 'done', 'cancelled']),
  createdAt: IsoDateTime,
});

export const AeoMonitoringReport = z.object({
  id: Uuid,
  kind: z.enum(MONITORING_REPORT_KINDS),
  description: z.string(),
  reportedAt: IsoDateTime,
  reviewStatus: z.enum(['open', 'closed']),
  outcome: z.string().nullable(),
});

export const AeoApplicationDetail = AeoApplicationSummary.extend({
  saqDefinitionId: Uuid.nullable(),
  saqVariant: z.enum(['standard', 'sme']),
  answers: z.record(z.string(), z.unknown()),
  actions: z.array(AeoActionEntry),
  deadlines: z.object({
    acceptance: Clock.optional(),
    decision: Clock.optional(),
    effectiveFrom: IsoDateTime.optional(),
    extensionDaysLeft: z.int(),
  }),
  /** What the caller's side may do now (the workflow's allowed actions, filtered by side). */
  allowedActions: z.array(z.string()),
  checklist: z.array(AeoChecklistItem),
  correctiveActions: z.array(AeoCorrectiveAction),
  monitoringReports: z.array(AeoMonitoringReport),
  certificate: z
    .object({
      id: Uuid,
      aeoId: z.string(),
      status: z.string(),
      category: z.string(),
      validFrom: IsoDateTime,
      validUntil: IsoDateTime.nullable(),
      reassessmentDue: z.string().nullable(),
      /** The signed W3C Verifiable Credential (compact JWS); `/verify/<aeoId>?c=<credential>` checks it. */
      credential: z.string(),
    })
    .nullable(),
});
export type AeoApplicationDetail = z.infer<typeof AeoApplicationDetail>;

/**
 * The self-assessment questionnaire an application answers: the definition version it pinned when the
 * draft was made (never a newer one) and the variant chosen from the operator's SME flag. The web form
 * renders it and applies the same visibility rules the server validates with.
 */
export const AeoApplicationQuestionnaire = z.object({
  applicationId: Uuid,
  definitionId: Uuid,
  variant: z.enum(['standard', 'sme']),
  definition: QuestionnaireDefinition,
});
export type AeoApplicationQuestionnaire = z.infer<typeof AeoApplicationQuestionnaire>;
