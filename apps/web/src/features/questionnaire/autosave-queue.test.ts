import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../lib/api.js';
import { AutosaveQueue, type AutosaveSnapshot } from './autosave-queue.js';

/** A server double that records each patch and answers as told (refusals shaped like the real API's). */
function server() {
  const patches: Record<string, unknown>[] = [];
  const answers: ((patch: Record<string, unknown>) => void)[] = [];
  return {
    patches,
    /** The next save fails as decided by `answer` (throw to refuse); later ones succeed. */
    next(answer: (patch: Record<string, unknown>) => void) {
      answers.push(answer);
    },
    async save(patch: Record<string, unknown>) {
      patches.push(patch);
      answers.shift()?.(patch);
    },
  };
}

const refuse = (...ids: string[]) => {
  throw new ApiError({
    status: 400,
    code: 'VALIDATION_FAILED',
    message: 'Validation failed',
    details: {
      problems: ids.map((id) => ({ path: `answers.${id}`, code: 'out_of_range', message: 'too big' })),
    },
  });
};

let states: AutosaveSnapshot[];
const track = (s: AutosaveSnapshot) => states.push(s);

beforeEach(() => {
  vi.useFakeTimers();
  states = [];
});
afterEach(() => vi.useRealTimers());

describe('AutosaveQueue', () => {
  it('sends answers together after a pause in typing, and clears emptied ones with null', async () => {
    const api = server();
    const queue = new AutosaveQueue({ save: api.save, delayMs: 800, onChange: track });
    queue.set('notes', 'Fir');
    await vi.advanceTimersByTimeAsync(500);
    queue.set('notes', 'First draft');
    queue.set('employees', 12);
    queue.set('roles', []);
    expect(queue.current.state).toBe('pending');
    await vi.advanceTimersByTimeAsync(799);
    expect(api.patches).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(api.patches).toEqual([{ notes: 'First draft', employees: 12, roles: null }]);
    expect(queue.current).toMatchObject({ state: 'saved', problems: {} });
    expect(states.map((s) => s.state)).toContain('saving');
  });

  it('saves a click at once', async () => {
    const api = server();
    const queue = new AutosaveQueue({ save: api.save, delayMs: 800, onChange: track });
    queue.set('breaches', false, { immediate: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(api.patches).toEqual([{ breaches: false }]);
  });

  it('sets refused answers aside with their problem and saves the rest', async () => {
    const api = server();
    api.next(() => refuse('employees'));
    const queue = new AutosaveQueue({ save: api.save, delayMs: 0, onChange: track });
    queue.set('employees', -4);
    queue.set('notes', 'kept');
    await queue.flush();
    expect(api.patches).toEqual([{ employees: -4, notes: 'kept' }, { notes: 'kept' }]);
    expect(queue.current.state).toBe('error');
    expect(queue.current.problems).toEqual({ employees: { code: 'out_of_range', message: 'too big' } });

    // Correcting the answer clears its problem and saves it.
    queue.set('employees', 4);
    expect(queue.current.problems).toEqual({});
    await queue.flush();
    expect(api.patches.at(-1)).toEqual({ employees: 4 });
    expect(queue.current.state).toBe('saved');
  });

  it('keeps answers for the next attempt when the save fails for another reason, newer ones winning', async () => {
    const api = server();
    api.next(() => {
      throw new ApiError({ status: 0, code: 'NETWORK_ERROR', message: 'offline' });
    });
    const queue = new AutosaveQueue({ save: api.save, delayMs: 0, onChange: track });
    queue.set('notes', 'old');
    queue.set('employees', 3);
    await queue.flush();
    expect(queue.current.state).toBe('error');
    expect(queue.current.failure).toBeInstanceOf(ApiError);
    queue.set('notes', 'new');
    await queue.flush();
    expect(api.patches.at(-1)).toEqual({ notes: 'new', employees: 3 });
    expect(queue.current).toMatchObject({ state: 'saved', failure: undefined });
  });

  it('does not loop when the refusal names no answer it sent', async () => {
    const api = server();
    api.next(() => refuse('stored_elsewhere'));
    const queue = new AutosaveQueue({ save: api.save, delayMs: 0, onChange: track });
    queue.set('notes', 'x');
    await queue.flush();
    expect(api.patches).toHaveLength(1);
    expect(queue.current.state).toBe('error');
    expect(queue.current.problems).toHaveProperty('stored_elsewhere');
  });

  it('sends one patch at a time, in order, and drain reports whether everything was saved', async () => {
    const api = server();
    let release: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => {
      release = resolve;
    });
    const queue = new AutosaveQueue({
      save: async (patch) => {
        await api.save(patch);
        if (api.patches.length === 1) await slow;
      },
      delayMs: 0,
      onChange: track,
    });
    queue.set('a', 1);
    const first = queue.flush();
    await vi.advanceTimersByTimeAsync(0);
    queue.set('b', 2);
    const drained = queue.drain();
    expect(api.patches).toEqual([{ a: 1 }]);
    release();
    await first;
    expect(await drained).toBe(true);
    expect(api.patches).toEqual([{ a: 1 }, { b: 2 }]);

    api.next(() => refuse('c'));
    queue.set('c', 3);
    expect(await queue.drain()).toBe(false);
  });
});
