import type {
  Consignment,
  FiredRule,
  MinLane,
  Referral,
  RuleEvaluation,
  RuleSet,
  ScreeningFacts,
  WatchList,
} from '@aeolus/contracts';
import { checkRuleSet } from './check.js';
import { compileTest, plainReader, type ReaderOf } from './closures.js';
import { type HitRunner, instantiate, type Runtime } from './codegen.js';
import { compileExplainer } from './explain.js';
import { LANE_RANK, type Program, REFERRAL_ORDER } from './ir.js';
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
  let runtime: Runtime | undefined;
  if (requested === 'codegen') {
    try {
      runtime = instantiate(program, hits);
    } catch (error) {
      // A Content Security Policy without 'unsafe-eval' makes new Function throw EvalError.
      if (!(error instanceof EvalError)) throw error;
      backend = 'closures';
    }
  }
  runtime ??= closureRuntime(program, hits);
  const { run, readers } = runtime;
  const { ruleSetId, version, units } = program;
  // Explanations are closures (shared, hence hot, code whatever the number of rules) reading fields through
  // the back end's readers, which hand over the facts the run just computed.
  const readerOf: ReaderOf = (spec) => readers[spec.path] ?? plainReader(spec);
  const explainers = units.map((unit) => compileExplainer(unit, readerOf));
  const weights = Float64Array.from(units, (unit) => unit.weight);
  const lanes = Uint8Array.from(units, (unit) => (unit.minLane ? LANE_RANK[unit.minLane] : 0));
  const referralBits = Uint8Array.from(units, (unit) =>
    unit.referral ? 1 << REFERRAL_ORDER.indexOf(unit.referral) : 0,
  );
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
      // Explanations are built for the units that fired only, right after the run whose facts they reuse.
      for (let i = 0; i < count; i++) {
        const u = hits[i]!;
        fired[i] = explainers[u]!(consignment, facts);
        score += weights[u]!;
        if (lanes[u]! > lane) lane = lanes[u]!;
        referralMask |= referralBits[u]!;
      }
      const referrals: Referral[] = [];
      for (let r = 0; r < REFERRAL_ORDER.length; r++)
        if (referralMask & (1 << r)) referrals.push(REFERRAL_ORDER[r]!);
      return { ruleSetId, ruleSetVersion: version, score, minLane: LANES_BY_RANK[lane]!, referrals, fired };
    },
  };
}

const LANES_BY_RANK: (MinLane | null)[] = [null, 'blue', 'yellow', 'red'];

function closureRuntime(program: Program, hits: Int32Array): Runtime {
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
  const run: HitRunner = (c, f) => {
    let n = 0;
    for (const step of steps) n = step(c, f, n);
    return n;
  };
  return { run, readers: {} };
}
