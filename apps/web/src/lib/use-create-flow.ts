import { useState } from 'react';

/**
 * Create-then-reveal: a form opens, and what it created (with its one-time secret) is shown until the
 * person confirms they stored it. Only one of the two shows at a time; the "create" button hides meanwhile.
 */
export function useCreateFlow<T>(): {
  creating: boolean;
  created: T | undefined;
  /** Neither the form nor a created item is showing: offer to create. */
  idle: boolean;
  start(): void;
  cancel(): void;
  finish(created: T): void;
  dismiss(): void;
} {
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<T | undefined>();
  return {
    creating,
    created,
    idle: !creating && !created,
    start: () => setCreating(true),
    cancel: () => setCreating(false),
    finish(result) {
      setCreating(false);
      setCreated(result);
    },
    dismiss: () => setCreated(undefined),
  };
}
