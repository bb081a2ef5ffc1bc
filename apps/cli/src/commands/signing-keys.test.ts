import { verifyAeoCredential } from '@aeolus/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliTestEnv, createCliTestEnv } from '../testing/cli-harness.js';

const NL = 'Netherlands Customs (demo)';

describe('aeolus signing-keys', () => {
  let cli: CliTestEnv;
  beforeAll(async () => {
    cli = await createCliTestEnv({ seeded: true });
  });
  afterAll(async () => {
    await cli?.close();
  });

  const windmillCredential = async () =>
    (
      await cli.withDatabase((db) =>
        db.query<{ credential: string }>(
          `select credential from aeo_certificates where aeo_id = 'NLAEOF000001'`,
        ),
      )
    )[0]!.credential;
  const verify = (credential: string) =>
    cli.withDatabase((database) => verifyAeoCredential(database, credential));

  it('rotates: the old key is retired but still verifies what it signed; revoking it stops that', async () => {
    const before = await cli.run('signing-keys', 'list', '--administration', NL, '--json');
    expect(before.code, before.stderr).toBe(0);
    const active = JSON.parse(before.stdout).keys.filter((k: { state: string }) => k.state === 'active');
    expect(active).toHaveLength(1);
    const oldKid = active[0].kid as string;
    const credential = await windmillCredential();
    expect(await verify(credential)).toMatchObject({ valid: true, status: 'active' });

    const rotated = await cli.run('signing-keys', 'rotate', '--administration', NL);
    expect(rotated.code, rotated.stderr).toBe(0);
    expect(rotated.stdout).toMatch(
      new RegExp(`^New active signing key [\\w-]+ for ${NL.replace(/[()]/g, '\\$&')}; ${oldKid} is retired`),
    );
    const listed = await cli.run('signing-keys', 'list', '--administration', NL);
    expect(listed.stdout).toContain(`${oldKid}  retired`);
    expect(listed.stdout.match(/ active /g)).toHaveLength(1);
    // Issued under the retired key: still genuine.
    expect(await verify(credential)).toMatchObject({ valid: true, status: 'active' });

    const revoked = await cli.run(
      'signing-keys',
      'revoke',
      '--kid',
      oldKid,
      '--reason',
      'Key file found on a lost laptop',
    );
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(await verify(credential)).toMatchObject({ valid: false });
    const again = await cli.run('signing-keys', 'revoke', '--kid', oldKid, '--reason', 'again');
    expect(again).toMatchObject({ code: 1, stderr: 'aeolus: This signing key is already revoked' });
  });

  it('refuses an organisation that is not an administration, and an empty reason', async () => {
    const operator = await cli.run('signing-keys', 'rotate', '--administration', 'Acme Logistics');
    expect(operator.code).toBe(1);
    expect(operator.stderr).toContain('--administration');
    expect(operator.stderr).toContain('is not a customs administration');
    const listed = JSON.parse(
      (await cli.run('signing-keys', 'list', '--administration', NL, '--json')).stdout,
    );
    const kid = listed.keys.find((k: { state: string }) => k.state === 'active').kid;
    const blank = await cli.run('signing-keys', 'revoke', '--kid', kid, '--reason', '  ');
    expect(blank.code).toBe(1);
    expect(blank.stderr).toContain('--reason');
  });
});
