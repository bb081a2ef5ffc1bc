import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * The only place that reads `process.env`. Parsed once at boot; a missing or malformed variable stops
 * start-up with a message naming it. Development defaults make `npm start` work with nothing set.
 */
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const httpUrl = z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' });

const base64Key = z
  .string()
  .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded');

export const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    PUBLIC_URL: httpUrl.optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DATA_DIR: z.string().min(1).default('./.data'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    // `false` behind a connection pooler in transaction mode that cannot keep prepared statements.
    DATABASE_PREPARED_STATEMENTS: bool.default(true),
    SEED_DEMO: bool.optional(),
    NATS_URL: z
      .string()
      .regex(/^(nats|tls|wss?):\/\//, 'must be a nats:// URL')
      .optional(),
    NATS_STREAM: z
      .string()
      .regex(/^[A-Za-z0-9_-]+$/)
      .default('AEOLUS_EVENTS'),
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    KEY_ENCRYPTION_KEY: base64Key.optional(),
    SESSION_TTL_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 90)
      .default(12),
    TRUST_PROXY: bool.default(false),
    BODY_LIMIT_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(100 * 1024 * 1024)
      .default(1024 * 1024),
    LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
    API_KEY_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(6000),
    PASSWORD_HASH_COST: z.coerce.number().int().min(10).max(20).default(17),
    WEB_DIST_DIR: z.string().optional(),
    OIDC_ISSUER: httpUrl.optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_REDIRECT_URI: httpUrl.optional(),
    OIDC_ALLOW_INSECURE: bool.default(false),
    EVENT_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(250),
    WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
    WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
    DOCUMENTS_DIR: z.string().min(1).optional(),
    // Uploads are inspected in memory (type by content, PDF parsing, signature checks), so the ceiling
    // is bounded: 512 MiB.
    DOCUMENTS_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(512 * 1024 * 1024)
      .default(25 * 1024 * 1024),
    DOCUMENTS_VERIFY_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(60),
    DOCUMENTS_S3_BUCKET: z.string().min(3).max(63).optional(),
    DOCUMENTS_S3_REGION: z.string().min(1).default('us-east-1'),
    DOCUMENTS_S3_ENDPOINT: httpUrl.optional(),
    DOCUMENTS_S3_FORCE_PATH_STYLE: bool.default(false),
    DOCUMENTS_S3_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9._\-/]*\/$/, 'must be letters, digits, ".-_/" and end in "/"')
      .optional(),
    DOCUMENTS_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    DOCUMENTS_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  })
  .superRefine((env, ctx) => {
    if (env.DATABASE_URL) {
      // PostgreSQL mode runs several stateless servers; their secrets must be shared, so we refuse to
      // invent them per process (a generated secret would log users out on every other node).
      if (!env.SESSION_SECRET) {
        ctx.addIssue({
          code: 'custom',
          path: ['SESSION_SECRET'],
          message: 'is required when DATABASE_URL is set',
        });
      }
      if (!env.KEY_ENCRYPTION_KEY) {
        ctx.addIssue({
          code: 'custom',
          path: ['KEY_ENCRYPTION_KEY'],
          message: 'is required when DATABASE_URL is set (32 random bytes, base64)',
        });
      }
    }
    const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_REDIRECT_URI];
    if (Boolean(env.DOCUMENTS_S3_ACCESS_KEY_ID) !== Boolean(env.DOCUMENTS_S3_SECRET_ACCESS_KEY)) {
      ctx.addIssue({
        code: 'custom',
        path: ['DOCUMENTS_S3_ACCESS_KEY_ID'],
        message: 'DOCUMENTS_S3_ACCESS_KEY_ID and DOCUMENTS_S3_SECRET_ACCESS_KEY must be set together',
      });
    }
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      ctx.addIssue({
        code: 'custom',
        path: ['OIDC_ISSUER'],
        message: 'OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_REDIRECT_URI must be set together',
      });
    }
  });

export type Env = z.infer<typeof EnvSchema>;

export interface AppConfig {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  publicUrl?: string;
  logLevel: Env['LOG_LEVEL'];
  dataDir: string;
  database:
    | { kind: 'pglite'; dataDir: string }
    | { kind: 'postgres'; url: string; poolSize: number; preparedStatements: boolean };
  seedDemo: boolean;
  nats?: { url: string; stream: string };
  secrets: { session: string; keyEncryptionKey: Buffer };
  sessionTtlHours: number;
  trustProxy: boolean;
  bodyLimitBytes: number;
  loginRateLimitPerMinute: number;
  apiKeyRateLimitPerMinute: number;
  passwordHashCost: number;
  webDistDir?: string;
  oidc?: {
    issuer: string;
    clientId: string;
    clientSecret?: string;
    redirectUri: string;
    allowInsecure: boolean;
  };
  events: { pollMs: number; webhookTimeoutMs: number; webhookMaxAttempts: number };
  documents: DocumentsConfig;
}

/** Where evidence files are kept (issue 3, item 5) and how large one may be. */
export interface DocumentsConfig {
  store:
    | { kind: 'local'; dir: string }
    | {
        kind: 's3';
        bucket: string;
        region: string;
        endpoint?: string;
        forcePathStyle: boolean;
        prefix?: string;
        /** Absent: the AWS SDK's default credential chain (instance role, shared profile, …). */
        credentials?: { accessKeyId: string; secretAccessKey: string };
      };
  maxBytes: number;
  verifyRateLimitPerMinute: number;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Parses an environment (default: `process.env`) into the typed configuration, or throws ConfigError. */
export function loadConfig(source: Record<string, string | undefined> = process.env): AppConfig {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(environment)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  const dataDir = path.resolve(env.DATA_DIR);
  const embedded = !env.DATABASE_URL;
  const secrets = embedded
    ? loadOrCreateEmbeddedSecrets(dataDir, env)
    : { session: env.SESSION_SECRET!, keyEncryptionKey: Buffer.from(env.KEY_ENCRYPTION_KEY!, 'base64') };
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    publicUrl: env.PUBLIC_URL,
    logLevel: env.LOG_LEVEL,
    dataDir,
    database: env.DATABASE_URL
      ? {
          kind: 'postgres',
          url: env.DATABASE_URL,
          poolSize: env.DATABASE_POOL_SIZE,
          preparedStatements: env.DATABASE_PREPARED_STATEMENTS,
        }
      : { kind: 'pglite', dataDir: path.join(dataDir, 'pglite') },
    seedDemo: env.SEED_DEMO ?? embedded,
    nats: env.NATS_URL ? { url: env.NATS_URL, stream: env.NATS_STREAM } : undefined,
    secrets,
    sessionTtlHours: env.SESSION_TTL_HOURS,
    trustProxy: env.TRUST_PROXY,
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    loginRateLimitPerMinute: env.LOGIN_RATE_LIMIT_PER_MINUTE,
    apiKeyRateLimitPerMinute: env.API_KEY_RATE_LIMIT_PER_MINUTE,
    passwordHashCost: env.PASSWORD_HASH_COST,
    webDistDir: env.WEB_DIST_DIR,
    oidc:
      env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_REDIRECT_URI
        ? {
            issuer: env.OIDC_ISSUER,
            clientId: env.OIDC_CLIENT_ID,
            clientSecret: env.OIDC_CLIENT_SECRET,
            redirectUri: env.OIDC_REDIRECT_URI,
            allowInsecure: env.OIDC_ALLOW_INSECURE,
          }
        : undefined,
    events: {
      pollMs: env.EVENT_POLL_MS,
      webhookTimeoutMs: env.WEBHOOK_TIMEOUT_MS,
      webhookMaxAttempts: env.WEBHOOK_MAX_ATTEMPTS,
    },
    documents: {
      // S3 is chosen by naming a bucket; otherwise a local directory beside the database.
      store: env.DOCUMENTS_S3_BUCKET
        ? {
            kind: 's3',
            bucket: env.DOCUMENTS_S3_BUCKET,
            region: env.DOCUMENTS_S3_REGION,
            endpoint: env.DOCUMENTS_S3_ENDPOINT,
            forcePathStyle: env.DOCUMENTS_S3_FORCE_PATH_STYLE,
            prefix: env.DOCUMENTS_S3_PREFIX,
            credentials:
              env.DOCUMENTS_S3_ACCESS_KEY_ID && env.DOCUMENTS_S3_SECRET_ACCESS_KEY
                ? {
                    accessKeyId: env.DOCUMENTS_S3_ACCESS_KEY_ID,
                    secretAccessKey: env.DOCUMENTS_S3_SECRET_ACCESS_KEY,
                  }
                : undefined,
          }
        : { kind: 'local', dir: path.resolve(env.DOCUMENTS_DIR ?? path.join(dataDir, 'documents')) },
      maxBytes: env.DOCUMENTS_MAX_BYTES,
      verifyRateLimitPerMinute: env.DOCUMENTS_VERIFY_RATE_LIMIT_PER_MINUTE,
    },
  };
}

/**
 * In embedded mode the secrets are generated on first start and kept beside the database, so that
 * sessions and encrypted keys survive restarts without the user configuring anything.
 */
function loadOrCreateEmbeddedSecrets(dataDir: string, env: Env): AppConfig['secrets'] {
  if (env.SESSION_SECRET && env.KEY_ENCRYPTION_KEY) {
    return { session: env.SESSION_SECRET, keyEncryptionKey: Buffer.from(env.KEY_ENCRYPTION_KEY, 'base64') };
  }
  const file = path.join(dataDir, 'secrets.json');
  let stored: { session?: string; keyEncryptionKey?: string } = {};
  if (existsSync(file)) {
    stored = readSecretsFile(file);
  } else {
    mkdirSync(dataDir, { recursive: true });
    stored = {
      session: randomBytes(32).toString('base64url'),
      keyEncryptionKey: randomBytes(32).toString('base64'),
    };
    writeFileSync(file, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
  }
  return {
    session: env.SESSION_SECRET ?? stored.session!,
    keyEncryptionKey: Buffer.from(env.KEY_ENCRYPTION_KEY ?? stored.keyEncryptionKey!, 'base64'),
  };
}

/** The secrets file must hold both secrets in the generated shape; anything else stops start-up by name. */
function readSecretsFile(file: string): { session: string; keyEncryptionKey: string } {
  const shape = z.object({ session: z.string().min(32), keyEncryptionKey: base64Key });
  let parsed: ReturnType<typeof shape.safeParse>;
  try {
    parsed = shape.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    throw new ConfigError(`Invalid configuration:\n  ${file}: cannot be read (${(error as Error).message})`);
  }
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
    // Never replaced silently: a new key-encryption key would make the stored webhook secrets unreadable.
    throw new ConfigError(
      `Invalid configuration:\n  ${file}: ${fields} missing or malformed; restore the file from a backup`,
    );
  }
  return parsed.data;
}
