import { startServer } from '@aeolus/server';
import { type Command, InvalidArgumentError } from 'commander';
import { loadCliConfig, type Runtime } from '../runtime.js';

function parsePort(value: string): string {
  if (!/^\d+$/.test(value) || Number(value) > 65_535) {
    throw new InvalidArgumentError('must be a port number between 0 and 65535');
  }
  return value;
}

export function registerServeCommand(program: Command, rt: Runtime): void {
  program
    .command('serve')
    .description('Run the HTTP API, the web UI and the event workers (what `npm start` runs)')
    .option('--port <port>', 'the port to listen on (default: PORT, else 3000)', parsePort)
    .option('--host <address>', 'the address to bind (default: HOST, else 0.0.0.0)')
    .addHelpText(
      'after',
      `
Opens the database like \`npm start\`: the embedded PGlite database under DATA_DIR (created, migrated
and seeded with the demo data on first run), or PostgreSQL when DATABASE_URL is set (migrated, not
seeded unless SEED_DEMO=true). Stops gracefully on Ctrl-C or SIGTERM.

Examples:
  $ aeolus serve
  $ aeolus serve --port 8080 --host 127.0.0.1
  $ DATABASE_URL=postgres://aeolus@db/aeolus SESSION_SECRET=… KEY_ENCRYPTION_KEY=… aeolus serve`,
    )
    .action(async (options: { port?: string; host?: string }) => {
      rt.fields = {};
      const config = loadCliConfig(rt, {
        ...(options.port === undefined ? {} : { PORT: options.port }),
        ...(options.host === undefined ? {} : { HOST: options.host }),
      });
      // Listen for signals before starting, so that Ctrl-C during start-up still shuts down cleanly.
      const stopped = rt.io.untilStopped();
      const server = await startServer(config);
      const signal = await stopped;
      rt.io.err(`aeolus: ${signal} received, stopping`);
      await server.stop();
    });
}
