import { useCallback, useEffect, useRef, useState } from 'react';

export interface LiveCheck<T> {
  /** The latest answer (kept while a re-check runs or after a failed one). */
  data?: T;
  /** Why the latest check failed, if it did. */
  error?: unknown;
  /** When the latest answer arrived. */
  checkedAt?: Date;
  checking: boolean;
  /** Checks now (and restarts the interval). */
  checkAgain(): void;
}

/**
 * Runs `load` at once, then again every `intervalMs` while the page is visible, so a suspension
 * committed while the page is open shows at the next check. A hidden tab does not poll; it checks as
 * soon as it is shown again. One request at a time: the next is scheduled when the last one ends.
 * `key` names what is checked (`null`: nothing); a new key starts over.
 */
export function useLiveCheck<T>(
  load: (signal: AbortSignal) => Promise<T>,
  key: string | null,
  intervalMs: number,
): LiveCheck<T> {
  const [state, setState] = useState<Omit<LiveCheck<T>, 'checkAgain'>>({ checking: key !== null });
  const loadRef = useRef(load);
  loadRef.current = load;
  const runRef = useRef<() => void>(() => undefined);

  useEffect(() => {
    setState({ checking: key !== null });
    if (key === null) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let controller: AbortController | undefined;
    let stopped = false;

    const schedule = () => {
      clearTimeout(timer);
      if (!stopped && document.visibilityState === 'visible') timer = setTimeout(run, intervalMs);
    };
    function run() {
      clearTimeout(timer);
      controller?.abort();
      const current = new AbortController();
      controller = current;
      setState((s) => ({ ...s, checking: true }));
      loadRef.current(current.signal).then(
        (data) => {
          if (current.signal.aborted) return;
          setState({ data, checkedAt: new Date(), checking: false });
          schedule();
        },
        (error: unknown) => {
          if (current.signal.aborted) return;
          setState((s) => ({ ...s, error, checking: false }));
          schedule();
        },
      );
    }
    const onVisibility = () => {
      if (document.visibilityState === 'visible') run();
      else clearTimeout(timer);
    };
    runRef.current = run;
    document.addEventListener('visibilitychange', onVisibility);
    run();
    return () => {
      stopped = true;
      clearTimeout(timer);
      controller?.abort();
      document.removeEventListener('visibilitychange', onVisibility);
      runRef.current = () => undefined;
    };
  }, [key, intervalMs]);

  const checkAgain = useCallback(() => runRef.current(), []);
  return { ...state, checkAgain };
}
