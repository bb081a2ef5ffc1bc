/**
 * Where a command reads its environment and writes its output. The real process in `main.ts`; captured
 * buffers in tests, so that a test drives exactly the code path `npx aeolus …` takes.
 */
export interface CliIo {
  /** The environment handed to `loadConfig`, the one place that interprets it. */
  env: Record<string, string | undefined>;
  /** Results: one call per line. */
  out(line: string): void;
  /** Diagnostics and errors: one call per line. */
  err(line: string): void;
  /** A terminal to draw progress bars on; undefined when output is piped or captured. */
  progress?: NodeJS.WriteStream;
  /** Resolves with the signal's name once the process is asked to stop (used by `serve`). */
  untilStopped(): Promise<string>;
}

export function processIo(): CliIo {
  return {
    env: process.env,
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    progress: process.stderr.isTTY ? process.stderr : undefined,
    untilStopped: () =>
      new Promise((resolve) => {
        const stop = (signal: NodeJS.Signals) => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          resolve(signal);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      }),
  };
}
