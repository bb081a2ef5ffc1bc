import { API_KEY_SCOPES, type ApiKeyScope, CreateApiKey, Uuid } from '@aeolus/contracts';
import { AppError, createApiKey, revokeApiKey } from '@aeolus/core';
import { type Command, InvalidArgumentError } from 'commander';
import { zodProblems } from '../errors.js';
import { resolveOrganisation } from '../organisations.js';
import { type Runtime, withSession } from '../runtime.js';

/** `--scope a b`, `--scope a,b` and repeated `--scope` all add up; unknown names fail at once. */
function collectScopes(value: string, previous: ApiKeyScope[] = []): ApiKeyScope[] {
  const next = [...previous];
  for (const scope of value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    if (!(API_KEY_SCOPES as readonly string[]).includes(scope)) {
      throw new InvalidArgumentError(`unknown scope "${scope}" (known: ${API_KEY_SCOPES.join(', ')})`);
    }
    next.push(scope as ApiKeyScope);
  }
  return next;
}

function parseKeyId(value: string): string {
  if (!Uuid.safeParse(value).success) {
    throw new InvalidArgumentError(
      'must be the id of an API key (a UUID, as printed by `aeolus api-keys create`)',
    );
  }
  return value.toLowerCase();
}

export function registerApiKeyCommands(program: Command, rt: Runtime): void {
  const apiKeys = program.command('api-keys').description('Create and revoke API keys for machine clients');

  apiKeys
    .command('create')
    .description('Create an API key for an organisation and print its secret (shown once)')
    .requiredOption('--org <id|name>', 'the organisation the key acts for: its id or exact name')
    .requiredOption('--name <name>', 'what the key is for, e.g. "ERP connector"')
    .requiredOption('--scope <scopes...>', `what the key may do: ${API_KEY_SCOPES.join(', ')}`, collectScopes)
    .option('--expires <date-time>', 'an ISO 8601 expiry, e.g. 2026-12-31T23:59:59Z (default: never)')
    .addHelpText(
      'after',
      `
The key may carry only scopes that some role of the organisation's kind grants. It is not tied to a
person: its actions are audited as "API key <name> (system)". The secret is printed once and stored
only as a hash — keep it in a secret store. Clients send it as "Authorization: Bearer <secret>".

Examples:
  $ aeolus api-keys create --org "Acme Logistics" --name "ERP connector" --scope organisation:read events:read
  $ aeolus api-keys create --org 0b6f…-… --name reporting --scope audit:read --expires 2026-12-31T23:59:59Z --json`,
    )
    .action(async (options: { org: string; name: string; scope: ApiKeyScope[]; expires?: string }) => {
      rt.fields = { name: '--name', scopes: '--scope', expiresAt: '--expires', organisationId: '--org' };
      const parsed = CreateApiKey.safeParse({
        name: options.name,
        scopes: options.scope,
        expiresAt: options.expires,
      });
      if (!parsed.success) throw AppError.validation(zodProblems(parsed.error));
      await withSession(rt, {}, async ({ ctx, actor, database }) => {
        const organisation = await resolveOrganisation(database, options.org);
        const created = await createApiKey(ctx, actor, { ...parsed.data, organisationId: organisation.id });
        if (rt.json) {
          rt.io.out(JSON.stringify({ ...created, organisation }));
          return;
        }
        const { apiKey } = created;
        rt.io.out(
          `Created API key ${apiKey.id} "${apiKey.name}" for ${organisation.name} with scopes ${apiKey.scopes.join(', ')}` +
            (apiKey.expiresAt ? `, expiring ${apiKey.expiresAt}.` : '.'),
        );
        rt.io.out('Secret (shown only now; store it in a secret manager):');
        rt.io.out(created.secret);
      });
    });

  apiKeys
    .command('revoke')
    .description('Revoke an API key at once; clients using it get 401 from then on')
    .argument(
      '<id>',
      'the API key id (printed by `aeolus api-keys create`, listed in the web UI)',
      parseKeyId,
    )
    .requiredOption('--org <id|name>', 'the organisation that owns the key: its id or exact name')
    .addHelpText(
      'after',
      `
Examples:
  $ aeolus api-keys revoke 3f1c2a7e-5d1b-4c8e-9a51-0d4a5b6c7d8e --org "Acme Logistics"`,
    )
    .action(async (id: string, options: { org: string }) => {
      rt.fields = { id: '<id>', organisationId: '--org' };
      await withSession(rt, {}, async ({ ctx, actor, database }) => {
        const organisation = await resolveOrganisation(database, options.org);
        const revoked = await revokeApiKey(ctx, actor, { id, organisationId: organisation.id });
        if (rt.json) {
          rt.io.out(JSON.stringify(revoked));
          return;
        }
        rt.io.out(
          `Revoked API key ${revoked.id} "${revoked.name}" (aeo_${revoked.prefix}_…) of ${organisation.name} at ${revoked.revokedAt}.`,
        );
      });
    });
}
