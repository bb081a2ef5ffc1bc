import type {
  Consignment,
  Evidence,
  FiredRule,
  MinLane,
  Referral,
  RuleEvaluation,
  RuleSet,
  ScreeningFacts,
  WatchList,
} from '@aeolus/contracts';
import { checkRuleSet } from './check.js';
import { compileExplain, compileTest, type Explain } from './closures.js';
import { type HitRunner, instantiate } from './codegen.js';
import { LANE_RANK, type Program, REFERRAL_ORDER, type Unit } from './ir.js';
import type { Problem } from './watch-lists.js';

export type Backend = 'codegen' | 'closures';

export interface CompileOptions {
  watchLists?: readonly WatchList[];
  /** `codegen` (default, fastest) falls back to `closures` where `new Function` is not allowed. */
  backend?: Backend;
  /**
   * Watch lists change independently of rule-set versions: pass their revision so that a cached program is
   * not reused with stale lists. Drafts are never cached.
   */
  watchListsRevision?: string;
}

export interface CompiledRuleSet {
  readonly ruleSetId: string;
  readonly version: number;
  readonly backend: Backend;
  readonly ruleCount: number;
  /** Screens one consignment; `facts` are the caller-supplied facts (first-time parties, AEO status). */
  evaluate(consignment: Consignment, facts?: ScreeningFacts): RuleEvaluation;
}

/** Thrown for a rule set that does not compile; `problems` name each field by its JSON path. */
export class RuleSetCompileError extends Error {
  readonly code = 'RULE_SET_INVALID';
  constructor(readonly problems: Problem[]) {
    super(
      `Rule set does not compile: ${problems
        .slice(0, 5)
        .map((p) => `${p.path || '(rule set)'}: ${p.message}`)
        .join('; ')}${problems.length > 5 ? `; and ${problems.length - 5} more` : ''}`,
    );
    this.name = 'RuleSetCompileError';
  }
}

const CACHE_LIMIT = 64;
const cache = new Map<string, CompiledRuleSet>();

/**
 * Compiles a rule set into an evaluator. Published and retired versions are immutable, so their programs
 * are cached per (rule set id, version, backend, watch-list revision); drafts are compiled afresh each time
 * because editing a draft keeps its version number.
 */
export function compileRuleSet(input: RuleSet | unknown, options: CompileOptions = {}): CompiledRuleSet {
  const candidate = input as Partial<RuleSet> | undefined;
  const backend = options.backend ?? 'codegen';
  const cacheable = candidate?.status === 'published' || candidate?.status === 'retired';
  const key = `${candidate?.id}@${candidate?.version}/${backend}/${options.watchListsRevision ?? ''}`;
  if (cacheable) {
    const hit = cache.get(key);
    if (hit) return hit;
  }
  const checked = checkRuleSet(input, options.watchLists ?? []);
  if (!checked.ok) throw new RuleSetCompileError(checked.problems);
  const compiled = build(checked.program, backend);
  if (cacheable) {
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, compiled);
  }
  return compiled;
}

export function clearCompileCache(): void {
  cache.clear();
}

function build(program: Program, requested: Backend): CompiledRuleSet {
  const hits = new Int32Array(Math.max(program.units.length, 1));
  let backend: Backend = requested;
  let run: HitRunner | undefined;
  if (requested === 'codegen') {
    try {
      run = instantiate(program, hits);
    } catch (error) {
      // A Content Security Policy without 'unsafe-eval' makes new Function throw EvalError.
      if (!(error instanceof EvalError)) throw error;
      backend = 'closures';
    }
  }
  run ??= closureRunner(program, hits);
  const explainers: Explain[] = program.units.map((unit) => compileExplain(unit.condition));
  const { ruleSetId, version, units } = program;
  const noFacts: ScreeningFacts = {};

  return {
    ruleSetId,
    version,
    backend,
    ruleCount: units.length,
    evaluate(consignment, facts = noFacts) {
      const count = run(consignment, facts);
      if (count === 0) {
        return { ruleSetId, ruleSetVersion: version, score: 0, minLane: null, referrals: [], fired: [] };
      }
      let score = 0;
      let lane = 0;
      let referralMask = 0;
      const fired: FiredRule[] = new Array(count);
      for (let i = 0; i < count; i++) {
        const unit = units[hits[i]!]!;
        const evidence: Evidence[] = [];
        explainers[unit.index]!(consignment, facts, consignment, 0, evidence);
        fired[i] = firedRule(unit, evidence);
        score += unit.weight;
        if (unit.minLane && LANE_RANK[unit.minLane] > lane) lane = LANE_RANK[unit.minLane];
        if (unit.referral) referralMask |= 1 << REFERRAL_ORDER.indexOf(unit.referral);
      }
      const referrals: Referral[] = [];
      for (let r = 0; r < REFERRAL_ORDER.length; r++)
        if (referralMask & (1 << r)) referrals.push(REFERRAL_ORDER[r]!);
      return { ruleSetId, ruleSetVersion: version, score, minLane: LANES_BY_RANK[lane]!, referrals, fired };
    },
  };
}

const LANES_BY_RANK: (MinLane | null)[] = [null, 'blue', 'yellow', 'red'];

function firedRule(unit: Unit, evidence: Evidence[]): FiredRule {
  const fired: FiredRule = {
    ruleId: unit.ruleId,
    name: unit.name,
    rationale: unit.rationale,
    weight: unit.weight,
    evidence,
  };
  if (unit.tableId !== undefined) fired.tableId = unit.tableId;
  if (unit.minLane) fired.minLane = unit.minLane;
  if (unit.referral) fired.referral = unit.referral;
  return fired;
}

function closureRunner(program: Program, hits: Int32Array): HitRunner {
  const steps = program.groups.map((group) => {
    if (group.kind === 'rule') {
      const test = compileTest(group.unit.condition);
      const index = group.unit.index;
      return (c: Consignment, f: ScreeningFacts, n: number) => {
        if (!test(c, f, c)) return n;
        hits[n] = index;
        return n + 1;
      };
    }
    const ordered =
      group.hitPolicy === 'priority'
        ? [...group.units].sort((a, b) => b.priority - a.priority || a.index - b.index)
        : group.units;
    const rows = ordered.map((unit) => ({ index: unit.index, test: compileTest(unit.condition) }));
    const collect = group.hitPolicy === 'collect-sum';
    return (c: Consignment, f: ScreeningFacts, n: number) => {
      for (const row of rows) {
        if (!row.test(c, f, c)) continue;
        hits[n++] = row.index;
        if (!collect) break;
      }
      return n;
    };
  });
  return (c, f) => {
    let n = 0;
    for (const step of steps) n = step(c, f, n);
    return n;
  };
}
