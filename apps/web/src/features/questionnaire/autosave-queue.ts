import { isEmptyAnswer } from '@aeolus/contracts';
import { ApiError } from '../../lib/api.js';
import { type AnswerProblemView, type Answers, answerProblems } from './questionnaire-form.js';

/**
 * Autosave of SAQ answers, without React: answers changed since the last save wait in a patch, which is
 * sent after a pause in typing (or at once for a click). One request at a time, so answers arrive in the
 * order they were given. The server checks the whole patch and refuses all of it when one answer is
 * wrong: the refused answers are then set aside with their problem (shown beside the question) and the
 * rest is sent again, so one bad number never holds back the other answers.
 */

export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

export interface AutosaveSnapshot {
  state: SaveState;
  /** Problems the server found, by question id; cleared when that answer changes. */
  problems: Record<string, AnswerProblemView>;
  /** Why the last save failed, when it was not a problem with particular answers (network, state). */
  failure: unknown;
  savedAt: Date | undefined;
}

export interface AutosaveOptions {
  save(patch: Answers): Promise<void>;
  /** Pause after the last keystroke before saving. */
  delayMs: number;
  onChange(snapshot: AutosaveSnapshot): void;
}

export class AutosaveQueue {
  private pending: Answers = {};
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;
  private snapshot: AutosaveSnapshot = {
    state: 'idle',
    problems: {},
    failure: undefined,
    savedAt: undefined,
  };

  constructor(private readonly options: AutosaveOptions) {}

  get current(): AutosaveSnapshot {
    return this.snapshot;
  }

  /** Records an answer; an empty one (blank text, no selection) clears it on the server. */
  set(questionId: string, value: unknown, options: { immediate?: boolean } = {}): void {
    this.pending[questionId] = isEmptyAnswer(value) ? null : value;
    const { [questionId]: _fixed, ...problems } = this.snapshot.problems;
    this.update({ state: 'pending', problems });
    this.schedule(options.immediate ? 0 : this.options.delayMs);
  }

  /** Sends what is waiting now, after any save already under way. */
  flush(): Promise<void> {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const previous = this.running ?? Promise.resolve();
    const next = previous.then(() => this.send());
    this.running = next;
    return next;
  }

  /** Saves everything still waiting; true when nothing is left unsaved and no answer was refused. */
  async drain(): Promise<boolean> {
    await this.flush();
    return Object.keys(this.pending).length === 0 && this.snapshot.state === 'saved';
  }

  /** Stops the timer (the page is leaving); what is pending is sent by a last `flush` if wanted. */
  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(delay: number): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, delay);
  }

  private async send(): Promise<void> {
    let patch = this.take();
    while (Object.keys(patch).length > 0) {
      this.update({ state: 'saving' });
      try {
        await this.options.save(patch);
      } catch (error) {
        const refused = error instanceof ApiError && error.code === 'VALIDATION_FAILED';
        const { byQuestion } = refused ? answerProblems(error.details) : { byQuestion: {} };
        const inPatch = Object.keys(byQuestion).filter((id) => Object.hasOwn(patch, id));
        if (inPatch.length === 0) {
          // Nothing to set aside (network, a case no longer in draft, a problem with a stored answer):
          // keep the answers for the next attempt, newer ones winning.
          this.pending = { ...patch, ...this.pending };
          this.update({
            state: 'error',
            failure: error,
            problems: { ...this.snapshot.problems, ...byQuestion },
          });
          return;
        }
        this.update({ problems: { ...this.snapshot.problems, ...byQuestion } });
        const rest = Object.fromEntries(Object.entries(patch).filter(([id]) => !inPatch.includes(id)));
        patch = { ...rest, ...this.take() };
        continue;
      }
      this.update({ savedAt: new Date(), failure: undefined });
      patch = this.take();
    }
    const hasProblems = Object.keys(this.snapshot.problems).length > 0;
    this.update({ state: hasProblems ? 'error' : 'saved' });
  }

  private take(): Answers {
    const patch = this.pending;
    this.pending = {};
    return patch;
  }

  private update(change: Partial<AutosaveSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    this.options.onChange(this.snapshot);
  }
}
