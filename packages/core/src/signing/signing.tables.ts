import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * An administration's credential-signing keys (Ed25519). The private key is stored encrypted with the
 * key-encryption key. Rotation: a new key becomes active and the old one is *retired* — it signs no more
 * but stays in the published JWKS, so certificates it signed still verify. A *revoked* key (compromise)
 * leaves the JWKS and its credentials stop verifying.
 */
export const signingKeys = pgTable(
  'signing_keys',
  {
    /** The JWK `kid`. */
    id: text('id').primaryKey(),
    administrationId: uuid('administration_id').notNull(),
    algorithm: text('algorithm', { enum: ['EdDSA'] })
      .notNull()
      .default('EdDSA'),
    publicJwk: jsonb('public_jwk').$type<Record<string, string>>().notNull(),
    privateKeyEncrypted: text('private_key_encrypted').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('signing_keys_admin_idx').on(t.administrationId)],
);
