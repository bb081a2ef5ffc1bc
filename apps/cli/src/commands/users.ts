import { randomBytes } from 'node:crypto';
import { CreateUser, ROLES, ROLES_BY_ORGANISATION_KIND } from '@aeolus/contracts';
import { AppError, addMember } from '@aeolus/core';
import { type Command, Option } from 'commander';
import { zodProblems } from '../errors.js';
import { resolveOrganisation } from '../organisations.js';
import { type Runtime, withSession } from '../runtime.js';

interface CreateOptions {
  org: string;
  email: string;
  name: string;
  role: (typeof ROLES)[number];
  password?: string;
  locale: 'en' | 'fr';
}

const rolesHelp = Object.entries(ROLES_BY_ORGANISATION_KIND)
  .map(([kind, roles]) => `  ${kind}: ${roles.join(', ')}`)
  .join('\n');

export function registerUserCommands(program: Command, rt: Runtime): void {
  const users = program.command('users').description('Manage people and their roles');

  users
    .command('create')
    .description('Create an account with a role in an organisation, or give an existing account that role')
    .requiredOption('--org <id|name>', 'the organisation: its id or its exact name')
    .requiredOption('--email <email>', 'the sign-in email address')
    .requiredOption('--name <display name>', 'the name shown in the application and the audit log')
    .addOption(
      new Option('--role <role>', 'the role in that organisation').choices(ROLES).makeOptionMandatory(),
    )
    .option('--password <password>', 'the initial password (10+ characters); omit it to generate one')
    .addOption(
      new Option('--locale <locale>', 'the language of the interface').choices(['en', 'fr']).default('en'),
    )
    .addHelpText(
      'after',
      `
Roles each kind of organisation can grant:
${rolesHelp}

Without --password a strong password is generated and printed once: hand it over safely and ask the
person to change it. (A password typed on the command line stays in shell history and process lists.) An existing account (same email) keeps its password and gains the role.
The change is recorded in the audit log as made by cli:<your operating-system user>.

Examples:
  $ aeolus users create --org "Netherlands Customs (demo)" --email j.jansen@douane.example \\
      --name "Jan Jansen" --role aeo_validator
  $ aeolus users create --org 0b6f…-… --email ops@acme.example --name "Acme Ops" \\
      --role operator_user --locale fr --json`,
    )
    .action(async (options: CreateOptions) => {
      rt.fields = {
        email: '--email',
        displayName: '--name',
        password: '--password',
        role: '--role',
        locale: '--locale',
      };
      const parsed = CreateUser.safeParse({
        email: options.email,
        displayName: options.name,
        password: options.password,
        role: options.role,
        locale: options.locale,
      });
      if (!parsed.success) throw AppError.validation(zodProblems(parsed.error));
      await withSession(rt, {}, async ({ ctx, actor, database }) => {
        const organisation = await resolveOrganisation(database, options.org);
        const [existing] = await database.query<{ id: string }>('select id from users where email = $1', [
          parsed.data.email,
        ]);
        const generated = !existing && !parsed.data.password ? generatePassword() : undefined;
        const user = await addMember(ctx, actor, {
          ...parsed.data,
          password: existing ? undefined : (parsed.data.password ?? generated),
          organisationId: organisation.id,
        });
        if (existing && parsed.data.password) {
          rt.io.err('aeolus: note: the account already exists; its password was left unchanged');
        }
        if (rt.json) {
          rt.io.out(
            JSON.stringify({
              created: !existing,
              user,
              organisation,
              role: parsed.data.role,
              ...(generated ? { password: generated } : {}),
            }),
          );
          return;
        }
        rt.io.out(
          existing
            ? `Gave ${user.email} the role ${parsed.data.role} in ${organisation.name} (existing account ${user.id}).`
            : `Created ${user.email} (${user.displayName}, id ${user.id}) with the role ${parsed.data.role} in ${organisation.name}.`,
        );
        if (generated) {
          rt.io.out(`Password (shown only now; ask ${user.displayName} to change it): ${generated}`);
        }
      });
    });
}

/** 24 characters of base64url: 144 bits, far beyond any guessing, and free of shell-hostile characters. */
function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}
