// Shared by the HTTP benchmarks: each runs its server in a child process (so that the load generator's CPU
// is not the server's), started with `--serve <engine>` and answering on the IPC channel.
import { fork } from 'node:child_process';

/** Forks `script --serve engine`; resolves with the child's first message (its address and secrets). */
export function startServer(script, engine) {
  const child = fork(script, ['--serve', engine], {
    execArgv: [
      '--conditions=source',
      '--import',
      'tsx',
      // BENCH_CPU_PROF=dir writes a CPU profile of each server.
      ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
    ],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (info) => resolve({ ...info, child }));
    child.once('exit', (code) =>
      reject(new Error(`the ${engine} server exited (${code}) before it was ready`)),
    );
  });
}

/** In the child: when the parent goes away, run `cleanup` (close the app, drop the database) and exit. */
export function stopOnDisconnect(cleanup) {
  process.once('disconnect', async () => {
    await cleanup();
    process.exit(0);
  });
}
