import type {
  AeoCriterionInput,
  AeoProgramme,
  LocalisedText,
  SupplyChainRole,
  UpdateAeoProgramme,
} from '@aeolus/contracts';
import { ApiError } from '../../lib/api.js';

/**
 * Pure helpers behind the programme editors. The API replaces the programme as a whole, so every editor
 * changes one part of the current settings and sends all of them back.
 */

/** The 13 SAFE AEO requirement headings (SAFE Framework, AEO conditions and requirements). */
export const SAFE_HEADINGS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13] as const;
export type SafeHeading = (typeof SAFE_HEADINGS)[number];

/** EU statutory clocks (UCC Art. 22, DA Art. 28): accept 30, decide 120, extend by 60, effect after 5 days. */
export const EU_DEFAULT_CLOCKS = {
  acceptanceDays: 30,
  decisionDays: 120,
  maxExtensionDays: 60,
  effectDays: 5,
} as const satisfies AeoProgramme['clocks'];

export type CriterionDraft = Omit<AeoCriterionInput, 'categories' | 'onSiteByDefault'> & {
  categories: string[];
  onSiteByDefault: boolean;
  /** Stable key for React while a criterion is edited (its code may change). */
  key: string;
};

/** The programme as the PUT body: its current settings, criteria in catalogue order without ids. */
export function toUpdateBody(programme: AeoProgramme): UpdateAeoProgramme {
  return {
    name: programme.name,
    identifierPrefix: programme.identifierPrefix,
    categories: programme.categories,
    eligibleRoles: programme.eligibleRoles as SupplyChainRole[],
    validity: programme.validity,
    clocks: programme.clocks,
    benefits: programme.benefits,
    criteria: [...programme.criteria]
      .sort((a, b) => a.position - b.position)
      .map(({ id: _id, position: _position, ...criterion }) => criterion),
  };
}

let keys = 0;
export const newKey = () => `new-${++keys}`;

export function toCriterionDrafts(programme: AeoProgramme): CriterionDraft[] {
  return [...programme.criteria]
    .sort((a, b) => a.position - b.position)
    .map(({ id, position: _position, ...criterion }) => ({ ...criterion, key: id }));
}

export function fromCriterionDrafts(drafts: readonly CriterionDraft[]): AeoCriterionInput[] {
  return drafts.map(({ key: _key, ...criterion }) => criterion);
}

export interface HeadingGroup<T> {
  heading: SafeHeading;
  /** Each item with its index in the whole catalogue (what the server's error paths count). */
  items: { item: T; index: number }[];
}

/** The catalogue grouped under the 13 headings, in order; a heading without criteria has an empty group. */
export function groupByHeading<T extends { safeHeading: number }>(list: readonly T[]): HeadingGroup<T>[] {
  return SAFE_HEADINGS.map((heading) => ({
    heading,
    items: list.flatMap((item, index) => (item.safeHeading === heading ? [{ item, index }] : [])),
  }));
}

/**
 * Moves a criterion one place up or down among the criteria of its own heading (the catalogue order
 * is what validators see; headings are shown as groups). At the edge of its group it stays.
 */
export function moveWithinHeading<T extends { safeHeading: number }>(
  list: readonly T[],
  index: number,
  direction: -1 | 1,
): T[] {
  const item = list[index];
  if (!item) return [...list];
  let other = index + direction;
  while (other >= 0 && other < list.length && list[other]!.safeHeading !== item.safeHeading) {
    other += direction;
  }
  if (other < 0 || other >= list.length) return [...list];
  const next = [...list];
  next[index] = list[other]!;
  next[other] = item;
  return next;
}

/** A criterion moved to another heading goes to the end of that heading's group. */
export function changeHeading<T extends { safeHeading: number }>(
  list: readonly T[],
  index: number,
  heading: number,
): T[] {
  const item = list[index];
  if (!item || item.safeHeading === heading) return [...list];
  const rest = list.filter((_, i) => i !== index);
  const lastOfGroup = rest.reduce((last, c, i) => (c.safeHeading === heading ? i : last), -1);
  const at = lastOfGroup === -1 ? rest.length : lastOfGroup + 1;
  return [...rest.slice(0, at), { ...item, safeHeading: heading }, ...rest.slice(at)];
}

/** A new criterion at the end of a heading's group. */
export function addCriterion(list: readonly CriterionDraft[], heading: number): CriterionDraft[] {
  const blank: LocalisedText = { en: '', fr: '' };
  const created: CriterionDraft = {
    key: newKey(),
    code: '',
    title: blank,
    description: blank,
    safeHeading: heading,
    categories: [],
    onSiteByDefault: false,
  };
  const lastOfGroup = list.reduce((last, c, i) => (c.safeHeading === heading ? i : last), -1);
  const at = lastOfGroup === -1 ? list.length : lastOfGroup + 1;
  return [...list.slice(0, at), created, ...list.slice(at)];
}

/**
 * Server problems by their full path (`clocks.decisionDays`, `criteria.3.title.en`), first message per
 * path, so each editor can put a message beside the very input it concerns.
 */
export function problemsByPath(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const found: Record<string, string> = {};
  for (const problem of error.problems) {
    const path = problem.path || 'body';
    found[path] ??= problem.message;
  }
  return found;
}

/** Messages for a path and everything below it, e.g. `name` also shows `name.en`. */
export function errorAt(errors: Record<string, string>, path: string): string | undefined {
  if (errors[path]) return errors[path];
  const nested = Object.keys(errors).find((p) => p.startsWith(`${path}.`));
  return nested ? errors[nested] : undefined;
}

/** Parses a whole-number input; anything else is sent as typed, so the server names the field. */
export function wholeNumber(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}
