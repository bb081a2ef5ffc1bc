import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const freshDir = () => mkdtempSync(path.join(tmpdir(), 'aeolus-config-'));
const KEY = Buffer.alloc(32, 1).toString('base64');
const SECRET = 's'.repeat(40);
const PG = { DATABASE_URL: 'postgres://db.example/aeolus', SESSION_SECRET: SECRET, KEY_ENCRYPTION_KEY: KEY };

/** The ConfigError message for an environment, or a failure when it loads. */
function refusal(env: Record<string, string>): string {
  try {
    loadConfig({ DATA_DIR: freshDir(), ...env });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error(`expected ${JSON.stringify(env)} to be refused`);
}

describe('loadConfig', () => {
  it('starts with nothing set: embedded PGlite under DATA_DIR, port 3000, demo data seeded', () => {
    const dir = freshDir();
    const config = loadConfig({ DATA_DIR: dir });
    expect(config).toMatchObject({
      port: 3000,
      database: { kind: 'pglite', dataDir: path.join(dir, 'pglite') },
      seedDemo: true,
      trustProxy: false,
      bodyLimitBytes: 1024 * 1024,
    });
    expect(config.oidc).toBeUndefined();
    expect(config.nats).toBeUndefined();
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['LOG_LEVEL', 'verbose'],
    ['DATABASE_URL', 'mysql://db.example/aeolus'],
    ['NATS_URL', 'http://nats.example'],
    ['KEY_ENCRYPTION_KEY', 'dG9vIHNob3J0'],
    ['SESSION_SECRET', 'short'],
    ['TRUST_PROXY', 'maybe'],
    ['BODY_LIMIT_BYTES', '10'],
    ['LOGIN_RATE_LIMIT_PER_MINUTE', '0'],
    ['SESSION_TTL_HOURS', '1.5'],
    ['OIDC_ISSUER', 'not a url'],
    ['PUBLIC_URL', 'localhost:3000'],
  ])('refuses a malformed %s (%s), naming it', (name, value) => {
    expect(refusal({ [name]: value })).toMatch(new RegExp(`^  ${name}: `, 'm'));
  });

  it('reports every problem at once', () => {
    const message = refusal({ PORT: 'x', LOG_LEVEL: 'loud', TRUST_PROXY: 'perhaps' });
    for (const name of ['PORT', 'LOG_LEVEL', 'TRUST_PROXY']) expect(message).toContain(`  ${name}: `);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATA_DIR: freshDir(), PORT: '', DATABASE_URL: '' }).port).toBe(3000);
  });

  it('requires SESSION_SECRET and KEY_ENCRYPTION_KEY in PostgreSQL mode', () => {
    const message = refusal({ DATABASE_URL: PG.DATABASE_URL });
    expect(message).toContain('  SESSION_SECRET: is required when DATABASE_URL is set');
    expect(message).toContain('  KEY_ENCRYPTION_KEY: is required when DATABASE_URL is set');
    expect(refusal({ DATABASE_URL: PG.DATABASE_URL, SESSION_SECRET: SECRET })).toContain(
      'KEY_ENCRYPTION_KEY',
    );
  });

  it('uses PostgreSQL with the given secrets and seeds nothing unless asked', () => {
    const config = loadConfig({ DATA_DIR: freshDir(), ...PG });
    expect(config.database).toEqual({
      kind: 'postgres',
      url: PG.DATABASE_URL,
      poolSize: 10,
      preparedStatements: true,
    });
    expect(
      loadConfig({ DATA_DIR: freshDir(), ...PG, DATABASE_PREPARED_STATEMENTS: 'false' }).database,
    ).toMatchObject({
      preparedStatements: false,
    });
    expect(config.secrets.session).toBe(SECRET);
    expect(config.secrets.keyEncryptionKey.equals(Buffer.from(KEY, 'base64'))).toBe(true);
    expect(config.seedDemo).toBe(false);
    expect(loadConfig({ DATA_DIR: freshDir(), ...PG, SEED_DEMO: 'true' }).seedDemo).toBe(true);
  });

  it('needs the OpenID Connect variables together', () => {
    expect(refusal({ OIDC_ISSUER: 'https://idp.example' })).toContain(
      'OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_REDIRECT_URI must be set together',
    );
    const config = loadConfig({
      DATA_DIR: freshDir(),
      OIDC_ISSUER: 'https://idp.example',
      OIDC_CLIENT_ID: 'aeolus',
      OIDC_REDIRECT_URI: 'https://aeolus.example/api/auth/oidc/callback',
    });
    expect(config.oidc).toEqual({
      issuer: 'https://idp.example',
      clientId: 'aeolus',
      clientSecret: undefined,
      redirectUri: 'https://aeolus.example/api/auth/oidc/callback',
      allowInsecure: false,
    });
  });
});

describe('embedded secrets', () => {
  it('are generated once under DATA_DIR (owner-only file) and reused on the next start', () => {
    const dir = freshDir();
    const first = loadConfig({ DATA_DIR: dir });
    const file = path.join(dir, 'secrets.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(first.secrets.session.length).toBeGreaterThanOrEqual(32);
    expect(first.secrets.keyEncryptionKey).toHaveLength(32);
    const second = loadConfig({ DATA_DIR: dir });
    expect(second.secrets.session).toBe(first.secrets.session);
    expect(second.secrets.keyEncryptionKey.equals(first.secrets.keyEncryptionKey)).toBe(true);
    expect(loadConfig({ DATA_DIR: freshDir() }).secrets.session).not.toBe(first.secrets.session);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      session: first.secrets.session,
      keyEncryptionKey: first.secrets.keyEncryptionKey.toString('base64'),
    });
  });

  it('give way to secrets set in the environment', () => {
    const dir = freshDir();
    loadConfig({ DATA_DIR: dir });
    expect(loadConfig({ DATA_DIR: dir, SESSION_SECRET: SECRET }).secrets.session).toBe(SECRET);
  });

  it('stop start-up, naming the file, when the secrets file is damaged', () => {
    for (const content of ['{not json', JSON.stringify({ session: 'short', keyEncryptionKey: 'x' })]) {
      const dir = freshDir();
      writeFileSync(path.join(dir, 'secrets.json'), content);
      expect(() => loadConfig({ DATA_DIR: dir })).toThrow(ConfigError);
      expect(() => loadConfig({ DATA_DIR: dir })).toThrow(path.join(dir, 'secrets.json'));
    }
  });
});

describe('document storage', () => {
  it('defaults to a directory under DATA_DIR and 25 MiB', () => {
    const dir = freshDir();
    expect(loadConfig({ DATA_DIR: dir }).documents).toEqual({
      store: { kind: 'local', dir: path.join(dir, 'documents') },
      maxBytes: 25 * 1024 * 1024,
      verifyRateLimitPerMinute: 60,
    });
  });

  it('uses an S3-compatible bucket when one is named', () => {
    const config = loadConfig({
      DATA_DIR: freshDir(),
      DOCUMENTS_S3_BUCKET: 'aeolus-evidence',
      DOCUMENTS_S3_ENDPOINT: 'http://minio.internal:9000',
      DOCUMENTS_S3_FORCE_PATH_STYLE: 'true',
      DOCUMENTS_S3_PREFIX: 'nl/',
      DOCUMENTS_S3_ACCESS_KEY_ID: 'id',
      DOCUMENTS_S3_SECRET_ACCESS_KEY: 'secret',
    });
    expect(config.documents.store).toEqual({
      kind: 's3',
      bucket: 'aeolus-evidence',
      region: 'us-east-1',
      endpoint: 'http://minio.internal:9000',
      forcePathStyle: true,
      prefix: 'nl/',
      credentials: { accessKeyId: 'id', secretAccessKey: 'secret' },
    });
  });

  it('refuses a bad limit, a bad prefix and half a credential, by name', () => {
    const message = refusal({
      DOCUMENTS_MAX_BYTES: '12',
      DOCUMENTS_S3_BUCKET: 'b-1',
      DOCUMENTS_S3_PREFIX: '../x',
      DOCUMENTS_S3_ACCESS_KEY_ID: 'id',
    });
    expect(message).toContain('DOCUMENTS_MAX_BYTES');
    expect(message).toContain('DOCUMENTS_S3_PREFIX');
    expect(message).toContain('DOCUMENTS_S3_ACCESS_KEY_ID');
  });
});
