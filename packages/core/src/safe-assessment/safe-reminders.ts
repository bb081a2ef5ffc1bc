import type { CoreContext } from '../context.js';
import { systemActor } from '../identity/actor.js';
import { sendSafeDeadlineReminders } from './safe-campaigns.service.js';

/**
 * Runs the SAFE assessment deadline reminders periodically (the server starts it beside the event
 * workers). Each run is idempotent — a reminder already sent is remembered on the invitation — so a
 * restart or two servers running it at once never send one twice.
 */
export function startSafeReminderLoop(
  ctx: CoreContext,
  options: { everyMs?: number; onError?: (error: unknown) => void } = {},
): { stop(): Promise<void> } {
  const actor = systemActor('safe-assessment reminders');
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = sendSafeDeadlineReminders(ctx, actor).catch((error) => options.onError?.(error));
  };
  const timer = setInterval(tick, options.everyMs ?? 15 * 60_000);
  timer.unref();
  tick();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
