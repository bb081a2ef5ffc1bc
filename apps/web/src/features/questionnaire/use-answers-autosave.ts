import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AutosaveQueue, type AutosaveSnapshot } from './autosave-queue.js';
import type { Answers } from './questionnaire-form.js';

/** Pause after the last keystroke before answers are saved. */
const AUTOSAVE_DELAY_MS = 800;

/**
 * The answers as the person sees them (the source of truth while the page is open: a save's response never
 * overwrites what is being typed) and their autosave. Leaving the page sends what is still waiting, and the
 * browser warns before closing a tab with unsaved answers.
 */
export function useAnswersAutosave({
  key,
  initial,
  editable,
  save,
}: {
  /** The response being answered: a new key starts a new queue. */
  key: string;
  initial: Answers;
  editable: boolean;
  /** Sends a patch keyed by question id (`null` clears an answer). */
  save(patch: Answers): Promise<unknown>;
}) {
  const saveRef = useRef(save);
  saveRef.current = save;
  const [answers, setAnswers] = useState<Answers>(initial);
  const [snapshot, setSnapshot] = useState<AutosaveSnapshot>({
    state: 'idle',
    problems: {},
    failure: undefined,
    savedAt: undefined,
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: one queue per response (`key`), whatever `save` is
  const queue = useMemo(
    () =>
      new AutosaveQueue({
        save: async (patch) => {
          await saveRef.current(patch);
        },
        delayMs: AUTOSAVE_DELAY_MS,
        onChange: setSnapshot,
      }),
    [key],
  );

  useEffect(
    () => () => {
      queue.dispose();
      void queue.flush();
    },
    [queue],
  );

  const unsaved = snapshot.state === 'pending' || snapshot.state === 'saving';
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  const setAnswer = useCallback(
    (questionId: string, value: unknown, options: { immediate?: boolean } = {}) => {
      if (!editable) return;
      setAnswers((current) => ({ ...current, [questionId]: value }));
      queue.set(questionId, value, options);
    },
    [queue, editable],
  );

  /** Clears answers (hidden ones before a submission) and saves at once. */
  const clearAnswers = useCallback(
    (ids: readonly string[]) => {
      if (ids.length === 0) return;
      setAnswers((current) =>
        Object.fromEntries(Object.entries(current).filter(([id]) => !ids.includes(id))),
      );
      for (const id of ids) queue.set(id, null, { immediate: true });
    },
    [queue],
  );

  const drain = useCallback(() => queue.drain(), [queue]);
  const retry = useCallback(() => void queue.flush(), [queue]);
  return { answers, setAnswer, clearAnswers, snapshot, drain, retry };
}
