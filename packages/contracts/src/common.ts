import { z } from 'zod';

export const Uuid = z.uuid();
export type Uuid = z.infer<typeof Uuid>;

/** ISO 3166-1 alpha-2, upper case. The list of assigned codes lives in `countries.ts`. */
export const CountryCode = z
  .string()
  .length(2)
  .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as NL or KE');

export const Email = z.email({ message: 'must be a valid email address' }).max(254).toLowerCase();

export const IsoDateTime = z.iso.datetime({ offset: true });

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
    requestId: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
});
export type PageQuery = z.infer<typeof PageQuery>;

export const Ok = z.object({ ok: z.literal(true) });
