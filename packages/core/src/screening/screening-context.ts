import { randomBytes } from 'node:crypto';
import type { RuleSet, ScreeningPolicySettings, WatchList } from '@aeolus/contracts';
import { type CompiledRuleSet, compileRuleSet, RuleSetCompileError } from '@aeolus/risk-engine';
import type { Db, Tx } from '../db/client.js';
import { AppError } from '../errors.js';
import * as repo from './rule-sets.repository.js';

/**
 * What a filing needs to screen for one administration: the published rule-set version compiled with the
 * current watch lists, and the selectivity policy. Servers are stateless: every filing reads the head
 * (published version id, policy and watch-list revisions) in one indexed query and reuses the compiled
 * program only while the head is unchanged, so a publication or a list change on any server takes effect
 * on the next filing everywhere.
 */
export interface ScreeningContext {
  administrationId: string;
  version: { id: string; ruleSetId: string; version: number };
  policyRevision: number;
  watchListsRevision: number;
  settings: ScreeningPolicySettings;
  randomSeed: string;
  engine: CompiledRuleSet;
}

/** The policy an administration starts with (the seed and the first publication create it). */
export const DEFAULT_POLICY: ScreeningPolicySettings = {
  thresholds: { blue: 40, yellow: 55, red: 80 },
  randomSelectionPercent: { green: 1, blue: 2, yellow: 5 },
  aeoBenefitCode: 'reduced_examination',
  officeCapacities: [],
  timeZone: 'UTC',
};

export function newRandomSeed(): string {
  return randomBytes(32).toString('base64url');
}

const CACHE_LIMIT = 32;
const compiled = new Map<string, { key: string; engine: CompiledRuleSet }>();

/**
 * Forgets the compiled contexts. The cache assumes one database per process, which a server has; the test
 * runner reuses a process for many databases copied from one template, whose ids coincide.
 */
export function clearScreeningContexts(): void {
  compiled.clear();
}

export function toWatchList(row: repo.WatchListRow): WatchList {
  return {
    name: row.name,
    ...(row.description ? { description: row.description } : {}),
    entries: row.entries,
    ...(row.includes.length > 0 ? { includes: row.includes } : {}),
  };
}

/** A stored version as the engine's rule-set file, with the version and status of its row. */
export function definitionOf(row: repo.RuleSetVersionRow): RuleSet {
  return { ...row.definition, id: row.ruleSetId, version: row.version, status: row.status };
}

export async function loadScreeningContext(db: Db | Tx, administrationId: string): Promise<ScreeningContext> {
  for (let attempt = 0; ; attempt++) {
    const head = await repo.findScreeningHead(db, administrationId);
    if (!head?.versionId) {
      throw new AppError(
        'INVALID_STATE',
        'The customs administration has no published rule set to screen with yet; try again later',
      );
    }
    const { policy } = head;
    const key = `${head.versionId}:${policy.watchListsRevision}`;
    const context = (engine: CompiledRuleSet): ScreeningContext => ({
      administrationId,
      version: { id: head.versionId!, ruleSetId: head.ruleSetId!, version: head.version! },
      policyRevision: policy.revision,
      watchListsRevision: policy.watchListsRevision,
      settings: policy.settings,
      randomSeed: policy.randomSeed,
      engine,
    });
    const hit = compiled.get(administrationId);
    if (hit?.key === key) return context(hit.engine);

    const [version, lists] = await Promise.all([
      repo.findVersion(db, administrationId, head.versionId),
      repo.listWatchLists(db, administrationId),
    ]);
    // A list changed or a version was published between the two reads: read the head again.
    const again = await repo.findScreeningHead(db, administrationId);
    const moved =
      !version ||
      again?.versionId !== head.versionId ||
      again.policy.watchListsRevision !== policy.watchListsRevision;
    if (moved && attempt < 3) continue;
    if (!version) throw new AppError('SERVICE_UNAVAILABLE', 'The rule set is being changed; try again');
    let engine: CompiledRuleSet;
    try {
      // The engine caches published programs by (rule-set id, version, revision); the version's uuid in the
      // revision keeps two administrations' "nl-demo v1" apart.
      engine = compileRuleSet(definitionOf(version), {
        watchLists: lists.map(toWatchList),
        watchListsRevision: key,
      });
    } catch (error) {
      if (!(error instanceof RuleSetCompileError)) throw error;
      // Publication and list changes are checked against each other, so this is a defect, not bad input.
      throw new AppError('INTERNAL', `The published rule set does not compile: ${error.message}`);
    }
    if (compiled.size >= CACHE_LIMIT && !compiled.has(administrationId)) {
      compiled.delete(compiled.keys().next().value!);
    }
    compiled.set(administrationId, { key, engine });
    return context(engine);
  }
}
