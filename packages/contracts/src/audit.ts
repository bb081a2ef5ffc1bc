import { z } from 'zod';
import { IsoDateTime, Uuid } from './common.js';

export const AuditEntry = z.object({
  seq: z.number().int(),
  id: Uuid,
  occurredAt: IsoDateTime,
  organisationId: Uuid.nullable(),
  actorType: z.enum(['user', 'api_key', 'system', 'public']),
  actorId: z.string().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  summary: z.record(z.string(), z.unknown()),
  requestId: z.string().nullable(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = z.strictObject({
  actor: z.string().trim().max(254).optional(),
  action: z.string().trim().max(100).optional(),
  subject: z.string().trim().max(200).optional(),
  from: IsoDateTime.optional(),
  to: IsoDateTime.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  /** Return entries with `seq` below this (the `nextCursor` of the previous page). */
  before: z.coerce.number().int().min(1).optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditPage = z.object({ items: z.array(AuditEntry), nextCursor: z.number().int().nullable() });
export type AuditPage = z.infer<typeof AuditPage>;

export const AuditVerification = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBadSeq: z.number().int().nullable(),
  problem: z.enum(['altered', 'removed', 'reordered', 'truncated']).nullable(),
  message: z.string(),
});
export type AuditVerification = z.infer<typeof AuditVerification>;
