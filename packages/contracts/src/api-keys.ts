import { z } from 'zod';
import { IsoDateTime, Uuid } from './common.js';

/**
 * Scopes an API key may carry. A key can only do what its scopes allow and what the role of the user
 * who created it allows. Later capabilities add their scopes here (`filing`, `aeo:read`, …).
 */
export const API_KEY_SCOPES = [
  'organisation:read',
  'users:read',
  'audit:read',
  'events:read',
  'webhooks:manage',
  'documents:upload',
  'documents:read',
  'aeo:read',
  'filing',
] as const;
export const ApiKeyScope = z.enum(API_KEY_SCOPES);
export type ApiKeyScope = z.infer<typeof ApiKeyScope>;

export const CreateApiKey = z.strictObject({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(ApiKeyScope).min(1).max(API_KEY_SCOPES.length),
  expiresAt: IsoDateTime.optional(),
});
export type CreateApiKey = z.infer<typeof CreateApiKey>;

export const ApiKey = z.object({
  id: Uuid,
  organisationId: Uuid,
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(ApiKeyScope),
  createdAt: IsoDateTime,
  createdBy: z.string().nullable(),
  lastUsedAt: IsoDateTime.nullable(),
  expiresAt: IsoDateTime.nullable(),
  revokedAt: IsoDateTime.nullable(),
});
export type ApiKey = z.infer<typeof ApiKey>;

/** Returned once, at creation: the only time the secret is shown. */
export const CreatedApiKey = z.object({ apiKey: ApiKey, secret: z.string() });
export type CreatedApiKey = z.infer<typeof CreatedApiKey>;
