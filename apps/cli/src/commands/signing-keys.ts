import { AppError, inTransaction, listSigningKeys, revokeSigningKey, rotateSigningKey } from '@aeolus/core';
import type { Command } from 'commander';
import { type OrganisationRef, resolveOrganisation } from '../organisations.js';
import { type Runtime, withSession } from '../runtime.js';

function requireAdministration(organisation: OrganisationRef): void {
  if (organisation.kind !== 'customs_administration') {
    throw AppError.validation([
      { path: '--administration', message: `${organisation.name} is not a customs administration` },
    ]);
  }
}

/**
 * The Ed25519 keys an administration signs AEO credentials with (issue 3 §6): rotation retires the active
 * key (still published in the JWKS, so certificates it signed keep verifying) and makes a new one;
 * revocation after a compromise removes a key from the JWKS, and what it signed stops verifying at once.
 */
export function registerSigningKeyCommands(program: Command, rt: Runtime): void {
  const keys = program
    .command('signing-keys')
    .description("Rotate, revoke and list an administration's certificate signing keys");

  keys
    .command('list')
    .description('List the keys with their state (active, retired, revoked)')
    .requiredOption('--administration <id|name>', 'the customs administration: its id or exact name')
    .action(async (options: { administration: string }) => {
      rt.fields = { administrationId: '--administration' };
      await withSession(rt, {}, async ({ database }) => {
        const administration = await resolveOrganisation(database, options.administration);
        requireAdministration(administration);
        const rows = await listSigningKeys(database.db, administration.id);
        if (rt.json) {
          rt.io.out(JSON.stringify({ administration, keys: rows }));
          return;
        }
        if (rows.length === 0) {
          rt.io.out(`${administration.name} has no signing key yet (one is made at the first grant).`);
          return;
        }
        for (const key of rows) {
          const since = key.revokedAt ?? key.retiredAt ?? key.createdAt;
          rt.io.out(`${key.kid}  ${key.state.padEnd(7)}  since ${since.toISOString()}`);
        }
      });
    });

  keys
    .command('rotate')
    .description('Make a new active key; the previous one signs nothing more but stays published')
    .requiredOption('--administration <id|name>', 'the customs administration: its id or exact name')
    .addHelpText(
      'after',
      `
Certificates signed with the previous key keep verifying (offline too, with /.well-known/jwks.json).

Examples:
  $ aeolus signing-keys rotate --administration "Netherlands Customs (demo)"`,
    )
    .action(async (options: { administration: string }) => {
      rt.fields = { administrationId: '--administration' };
      await withSession(rt, {}, async ({ ctx, actor, database }) => {
        const administration = await resolveOrganisation(database, options.administration);
        requireAdministration(administration);
        const rotated = await inTransaction(ctx.db, (tx) =>
          rotateSigningKey(ctx, tx, actor, administration.id),
        );
        if (rt.json) {
          rt.io.out(JSON.stringify(rotated));
          return;
        }
        rt.io.out(
          `New active signing key ${rotated.kid} for ${administration.name}` +
            (rotated.retiredKid ? `; ${rotated.retiredKid} is retired and stays published.` : '.'),
        );
      });
    });

  keys
    .command('revoke')
    .description('Revoke a compromised key: it leaves the JWKS and what it signed stops verifying')
    // An option, not an argument: a key id is base64url and may begin with "-".
    .requiredOption('--kid <kid>', 'the key id, as printed by `aeolus signing-keys list`')
    .requiredOption('--reason <text>', 'why (kept in the audit log)')
    .action(async (options: { kid: string; reason: string }) => {
      const { kid } = options;
      rt.fields = { kid: '--kid', reason: '--reason' };
      await withSession(rt, {}, async ({ ctx, actor }) => {
        await inTransaction(ctx.db, (tx) => revokeSigningKey(tx, actor, { kid, reason: options.reason }));
        rt.io.out(rt.json ? JSON.stringify({ kid, revoked: true }) : `Revoked signing key ${kid}.`);
      });
    });
}
