import type { RuleSet, WatchList } from '@aeolus/contracts';
import rules from './nl-rules.json' with { type: 'json' };
import lists from './nl-watch-lists.json' with { type: 'json' };

/**
 * The NL demonstration rule set (41 rules and a late-filing decision table over the typical indicators of
 * DOMAIN.md §7) and the watch lists it uses; party names, documents and containers in the lists are
 * fictional. The seed loads these; the tests prove they compile.
 */
export const demoRuleSet = rules as unknown as RuleSet;
export const demoWatchLists = lists as unknown as WatchList[];
