/**
 * Whether an event type matches a subscription pattern: `*` (every event), an exact type
 * (`user.created`) or a prefix ending in `.*` (`user.*` matches `user.created` and `user.role.changed`,
 * not `user` itself nor `users.created`). Webhook subscriptions and in-process subscribers share it.
 */
export function eventTypeMatches(pattern: string, type: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('.*')) return type.startsWith(pattern.slice(0, -1));
  return pattern === type;
}

export function matchesAny(patterns: readonly string[], type: string): boolean {
  return patterns.some((p) => eventTypeMatches(p, type));
}
