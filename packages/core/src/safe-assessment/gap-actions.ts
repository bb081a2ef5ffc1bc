import { LocalisedText } from '@aeolus/contracts';
import { z } from 'zod';
import library from './gap-actions.json' with { type: 'json' };

/**
 * The library of recommended improvement actions for SAFE gaps. Each action names the tags it addresses
 * in the monitoring questionnaire's own vocabulary (`standard:1.4`, `theme:risk_management`,
 * `focus:e_commerce`, `action:continuity_planning`), so a gap found by the engine on a question carrying
 * those tags can be matched without a second mapping. The first tag is the action's primary target.
 */
export const SAFE_DIMENSIONS = ['pillar', 'standard', 'theme', 'focus', 'action'] as const;
export type SafeDimension = (typeof SAFE_DIMENSIONS)[number];

export const GAP_ACTION_EFFORTS = ['low', 'medium', 'high'] as const;
export const GapActionEffort = z.enum(GAP_ACTION_EFFORTS);
export type GapActionEffort = z.infer<typeof GapActionEffort>;

/** `dimension:value`, e.g. `standard:1.10`; the same value syntax as questionnaire tags. */
export const GapActionTag = z
  .string()
  .regex(
    /^(pillar|standard|theme|focus|action):[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/,
    'must be <dimension>:<value> with dimension pillar, standard, theme, focus or action',
  );
export type GapActionTag = z.infer<typeof GapActionTag>;

export const GapAction = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]{2,63}$/, 'must be lower-case letters, digits and "-"'),
  addresses: z.array(GapActionTag).min(1).max(6),
  /** Indicative effort for an administration: low (weeks, within existing means), medium (months,
   * a project), high (a year or more, investment or legal change). */
  effort: GapActionEffort,
  title: LocalisedText,
  description: LocalisedText,
});
export type GapAction = z.infer<typeof GapAction>;

export const GapActionLibrary = z
  .strictObject({
    version: z.string().regex(/^\d+\.\d+\.\d+$/),
    actions: z.array(GapAction).min(1).max(1000),
  })
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.actions.forEach((action, i) => {
      if (seen.has(action.id))
        ctx.addIssue({ code: 'custom', path: ['actions', i, 'id'], message: `duplicate id '${action.id}'` });
      seen.add(action.id);
      if (new Set(action.addresses).size !== action.addresses.length)
        ctx.addIssue({ code: 'custom', path: ['actions', i, 'addresses'], message: 'lists a tag twice' });
    });
  });
export type GapActionLibrary = z.infer<typeof GapActionLibrary>;

let shipped: GapActionLibrary | undefined;

/** The shipped library, parsed once; a broken file fails loudly with every problem. */
export function loadGapActions(): GapActionLibrary {
  if (shipped) return shipped;
  const parsed = GapActionLibrary.safeParse(library);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Shipped SAFE gap-action library is invalid: ${details}`);
  }
  shipped = parsed.data;
  return shipped;
}

export function tagKey(dimension: string, value: string): string {
  return `${dimension}:${value}`;
}

/**
 * How specific a match is: an action aimed at the exact standard beats one aimed at a resilience action,
 * a focus area or a broad theme. Pillar tags are too broad to recommend from.
 */
const SPECIFICITY: Record<SafeDimension, number | null> = {
  standard: 0,
  action: 1,
  focus: 2,
  theme: 3,
  pillar: null,
};
const EFFORT_ORDER: Record<GapActionEffort, number> = { low: 0, medium: 1, high: 2 };

export interface RecommendedAction {
  id: string;
  title: LocalisedText;
  description: LocalisedText;
  effort: GapActionEffort;
  /** The gap's tags this action addresses, most specific first. */
  matchedTags: string[];
}

/**
 * Actions addressing any of these tags, best first: the most specific matched tag, then more tags
 * matched, then lower effort (quick wins first), then library order. Deterministic.
 */
/** Action positions by the tags they address, built once per library (a report matches dozens of gaps). */
const byTagCache = new WeakMap<GapActionLibrary, Map<string, number[]>>();
function actionsByTag(library: GapActionLibrary): Map<string, number[]> {
  let index = byTagCache.get(library);
  if (!index) {
    index = new Map();
    library.actions.forEach((action, order) => {
      for (const tag of action.addresses) index?.set(tag, [...(index.get(tag) ?? []), order]);
    });
    byTagCache.set(library, index);
  }
  return index;
}

export function recommendActions(
  library: GapActionLibrary,
  tags: Record<string, readonly string[]>,
  limit: number,
): RecommendedAction[] {
  const wanted = new Map<string, number>();
  for (const [dimension, values] of Object.entries(tags)) {
    const specificity = SPECIFICITY[dimension as SafeDimension];
    if (specificity === null || specificity === undefined) continue;
    for (const value of values) wanted.set(tagKey(dimension, value), specificity);
  }
  const index = actionsByTag(library);
  const candidates = new Set<number>();
  for (const tag of wanted.keys()) for (const order of index.get(tag) ?? []) candidates.add(order);
  const ranked = [...candidates]
    .map((order) => {
      const action = library.actions[order] as GapAction;
      const matched = action.addresses
        .filter((tag) => wanted.has(tag))
        .sort((a, b) => (wanted.get(a) ?? 9) - (wanted.get(b) ?? 9));
      const best = wanted.get(matched[0] ?? '') ?? 9;
      return { action, order, matched, best };
    })
    .sort(
      (a, b) =>
        a.best - b.best ||
        b.matched.length - a.matched.length ||
        EFFORT_ORDER[a.action.effort] - EFFORT_ORDER[b.action.effort] ||
        a.order - b.order,
    );
  return ranked.slice(0, limit).map(({ action, matched }) => ({
    id: action.id,
    title: action.title,
    description: action.description,
    effort: action.effort,
    matchedTags: matched,
  }));
}
