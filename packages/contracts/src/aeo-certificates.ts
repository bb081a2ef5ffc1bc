import { z } from 'zod';
import { IsoDateTime } from './common.js';

/**
 * An AEO identifier: ISO 3166-1 alpha-2 country, the programme's prefix and category code (upper-case
 * letters and digits), then a 6-digit national number — e.g. `NLAEOF000001`.
 */
export const AEO_ID_PATTERN = /^[A-Z]{2}[A-Z0-9]{1,12}[0-9]{6}$/;
export const AeoId = z
  .string()
  .max(20, 'must be at most 20 characters')
  .regex(AEO_ID_PATTERN, 'must be an AEO identifier such as NLAEOF000001');
export type AeoId = z.infer<typeof AeoId>;

export const AeoCertificateStatus = z.enum(['active', 'suspended', 'revoked']);
export type AeoCertificateStatus = z.infer<typeof AeoCertificateStatus>;

/** What anyone may learn about a certificate without an account (issue 3 §6). */
export const PublicAeoCertificate = z.object({
  aeoId: AeoId,
  holder: z.string(),
  country: z.string().length(2),
  programme: z.string(),
  category: z.string(),
  status: AeoCertificateStatus,
  validFrom: IsoDateTime,
  validUntil: IsoDateTime.optional(),
});
export type PublicAeoCertificate = z.infer<typeof PublicAeoCertificate>;

/** A compact JWS: three base64url segments (the signature may be empty, as in a forged `alg: none`). */
export const CompactJws = z
  .string({ message: 'must be a string holding a compact JWS' })
  .max(16_384, 'must be at most 16 kB')
  .regex(
    /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/,
    'must be a compact JWS (header.payload.signature)',
  );

export const VerifyAeoCredential = z.strictObject({ credential: CompactJws });
export type VerifyAeoCredential = z.infer<typeof VerifyAeoCredential>;

/**
 * The verdict. `valid` is true only for a genuine, unexpired credential whose certificate is active now.
 * `aeoId`, `issuer` and `status` are only filled in once the signature is proven genuine: claims of a
 * forged credential are never echoed back as if they were facts.
 */
export const AeoCredentialVerification = z.object({
  valid: z.boolean(),
  status: AeoCertificateStatus.nullable(),
  aeoId: z.string().nullable(),
  issuer: z.object({ id: z.string(), name: z.string() }).nullable(),
  reason: z.string().optional(),
});
export type AeoCredentialVerification = z.infer<typeof AeoCredentialVerification>;

export const Jwks = z.object({
  keys: z.array(
    z.object({
      kty: z.string(),
      crv: z.string(),
      x: z.string(),
      kid: z.string(),
      alg: z.string(),
      use: z.literal('sig'),
    }),
  ),
});
export type Jwks = z.infer<typeof Jwks>;
