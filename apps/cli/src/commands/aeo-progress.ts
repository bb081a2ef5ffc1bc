import cliProgress from 'cli-progress';
import type { Runtime } from '../runtime.js';

export interface ImportProgress {
  /** Rows done so far (imported, skipped or failed). */
  update(done: number): void;
  stop(): void;
}

/** Below this many rows an import is over before progress would tell anything. */
const PLAIN_THRESHOLD = 500;

/**
 * A bar on a terminal (`cli-progress`, on stderr so stdout stays the result); when stderr is piped or
 * logged, a plain line at every tenth of the way, which reads well in a CI log.
 */
export function startImportProgress(rt: Runtime, total: number, unit = 'rows'): ImportProgress {
  const started = performance.now();
  const rate = (done: number) => Math.round(done / Math.max((performance.now() - started) / 1000, 0.001));
  if (rt.io.progress && !rt.json && total > 0) {
    const bar = new cliProgress.SingleBar(
      {
        stream: rt.io.progress,
        format: `Importing {bar} {percentage}% | {value}/{total} ${unit} | {speed} ${unit}/s | ETA {eta_formatted}`,
        hideCursor: true,
        etaBuffer: 20,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0, { speed: 0 });
    return {
      update: (done) => bar.update(done, { speed: rate(done) }),
      stop: () => bar.stop(),
    };
  }
  let step = 0;
  return {
    update(done) {
      if (total < PLAIN_THRESHOLD) return;
      const reached = Math.floor((done / total) * 10);
      if (reached <= step) return;
      step = reached;
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      rt.io.err(
        `aeolus: progress: ${done.toLocaleString('en')} of ${total.toLocaleString('en')} ${unit} (${Math.round((done / total) * 100)}%), ${seconds} s, ${rate(done).toLocaleString('en')} ${unit}/s`,
      );
    },
    stop() {},
  };
}
