import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { registerAeoCommands } from './commands/aeo.js';
import { registerApiKeyCommands } from './commands/api-keys.js';
import { registerAuditCommands } from './commands/audit.js';
import { registerDbCommands } from './commands/db.js';
import { registerScreeningCommands } from './commands/screening.js';
import { registerServeCommand } from './commands/serve.js';
import { registerSigningKeyCommands } from './commands/signing-keys.js';
import { registerUserCommands } from './commands/users.js';
import { describeError } from './errors.js';
import { type CliIo, processIo } from './io.js';
import type { Runtime } from './runtime.js';

/** Exit statuses, as documented in `aeolus --help`. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

const VERSION = '0.1.0';

export function buildProgram(rt: Runtime): Command {
  const program = new Command('aeolus')
    .description('Operate an Aeolus installation: database, accounts, API keys, audit log and server')
    .version(VERSION, '-V, --version', 'print the version')
    .option('--json', 'print machine-readable JSON on stdout')
    .option('--debug', 'print the stack trace when a command fails')
    .helpOption('-h, --help', 'show help for a command')
    .showSuggestionAfterError()
    .configureHelp({ showGlobalOptions: true })
    .exitOverride()
    .configureOutput({
      writeOut: (text) => rt.io.out(text.replace(/\n$/, '')),
      writeErr: (text) => rt.io.err(text.replace(/\n$/, '')),
      // Usage errors read like every other failure: "aeolus: <reason>".
      outputError: (text, write) => write(`aeolus: ${text.replace(/^error: /, '')}`),
    })
    .addHelpText(
      'after',
      `
Configuration comes from the same environment variables as the server (DATA_DIR, DATABASE_URL,
SESSION_SECRET, KEY_ENCRYPTION_KEY, …; see the README). Changes are audited as cli:<your user>.

Exit status: 0 success, 1 failure (including a broken audit chain), 2 invalid usage.

Examples:
  $ aeolus db migrate
  $ aeolus db seed --demo
  $ aeolus users create --org "Netherlands Customs (demo)" --email a@b.example --name "A B" --role admin
  $ aeolus api-keys create --org "Acme Logistics" --name ERP --scope organisation:read events:read
  $ aeolus audit verify
  $ aeolus aeo import legacy-aeos.csv --administration "Netherlands Customs (demo)"
  $ aeolus screening import manifest.csv --organisation "Acme Logistics"
  $ aeolus serve --port 3000`,
    );
  program.hook('preAction', (_program, action) => {
    const globals = action.optsWithGlobals<{ json?: boolean; debug?: boolean }>();
    rt.json = Boolean(globals.json);
    rt.debug = Boolean(globals.debug);
  });
  registerDbCommands(program, rt);
  registerUserCommands(program, rt);
  registerApiKeyCommands(program, rt);
  registerAuditCommands(program, rt);
  registerAeoCommands(program, rt);
  registerScreeningCommands(program, rt);
  registerSigningKeyCommands(program, rt);
  registerServeCommand(program, rt);
  return program;
}

/**
 * Runs one `aeolus` invocation and resolves with its exit status; never throws and never exits the
 * process, so that tests drive the very code path of the real binary.
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const rt: Runtime = { io, json: false, debug: argv.includes('--debug'), exitCode: EXIT.ok, fields: {} };
  const program = buildProgram(rt);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return rt.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version end in a CommanderError too; commander has already printed the message.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    io.err(`aeolus: ${describeError(error, rt.fields)}`);
    if (rt.debug && error instanceof Error && error.stack) io.err(error.stack);
    return EXIT.failed;
  }
}

/** `node apps/cli/dist/main.js …` (the root db:* scripts) runs the CLI; importing this module does not. */
function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  process.exitCode = await runCli(process.argv.slice(2));
}
