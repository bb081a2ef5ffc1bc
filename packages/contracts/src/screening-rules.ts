import { z } from 'zod';
import { IsoDateTime, Uuid } from './common.js';
import { RuleSet, RuleSetId, RuleSetStatus, WatchList, WatchListName } from './risk/rule-set.js';

/**
 * The risk analyst's side of screening: rule-set versions of an administration (draft → published →
 * retired) and its watch lists, referenced by name from rule sets.
 */

/**
 * A rule set as sent to create or replace a draft: the rule-set file, whose `version` and `status` may be
 * left out (an exported file may be sent back as it is): the server numbers versions and keeps new ones as
 * drafts.
 */
export const RuleSetDraft = RuleSet.extend({
  version: z.int().min(1).optional(),
  status: RuleSetStatus.optional(),
});
export type RuleSetDraft = z.infer<typeof RuleSetDraft>;

export const RuleSetVersionSummary = z.object({
  id: Uuid,
  ruleSetId: RuleSetId,
  version: z.int(),
  status: RuleSetStatus,
  name: z.string(),
  ruleCount: z.int(),
  decisionTableCount: z.int(),
  watchLists: z.array(z.string()),
  createdAt: IsoDateTime,
  createdBy: z.string(),
  updatedAt: IsoDateTime,
  publishedAt: IsoDateTime.nullable(),
  publishedBy: z.string().nullable(),
  retiredAt: IsoDateTime.nullable(),
});
export type RuleSetVersionSummary = z.infer<typeof RuleSetVersionSummary>;

export const RuleSetVersion = RuleSetVersionSummary.extend({ definition: RuleSet });
export type RuleSetVersion = z.infer<typeof RuleSetVersion>;

export const WatchListSummary = z.object({
  name: WatchListName,
  description: z.string().nullable(),
  entryCount: z.int(),
  includes: z.array(WatchListName),
  /** Increases with every change of this list. */
  revision: z.int(),
  updatedAt: IsoDateTime,
});
export type WatchListSummary = z.infer<typeof WatchListSummary>;

export const WatchListDetail = WatchListSummary.extend({ entries: z.array(z.string()) });
export type WatchListDetail = z.infer<typeof WatchListDetail>;

export const CreateWatchList = WatchList;
export type CreateWatchList = z.infer<typeof CreateWatchList>;

export const UpdateWatchList = WatchList.omit({ name: true });
export type UpdateWatchList = z.infer<typeof UpdateWatchList>;
