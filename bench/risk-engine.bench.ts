import { loadavg } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import type { Consignment, RuleSet, ScreeningFacts } from '@aeolus/contracts';
import {
  type CompiledRuleSet,
  compileRuleSet,
  demoRuleSet,
  demoWatchLists,
  evaluateReference,
  generateConsignments,
} from '@aeolus/risk-engine';
import { buildJsonRulesEngine } from './risk/json-rules-engine.js';
import { withVariations } from './risk/variations.js';
import { buildZen } from './risk/zen.js';

/**
 * npm run bench:risk — the risk engine against json-rules-engine and GoRules ZEN on the same rules (the NL
 * demo set) and the same seeded consignments, single-threaded, after checking that all three report the
 * same hits and that our evaluations, explanations included, equal the reference evaluator's (on the demo
 * set and on the scaled sets). Throughput is consignments per second of wall time and, in brackets, of this
 * process's CPU time (less sensitive to other load on a shared machine). Our figure includes building the
 * explanation (fired rules and evidence) of every hit. BENCH_N, BENCH_OTHERS_N, BENCH_CHECK_N and
 * BENCH_SCALED_CHECK_N change the counts.
 */
const SEED = 20250602;
const N = Number(process.env.BENCH_N ?? 100_000);
const OTHERS_N = Number(process.env.BENCH_OTHERS_N ?? 20_000);
const CHECK_N = Number(process.env.BENCH_CHECK_N ?? 5_000);
const SCALED_CHECK_N = Number(process.env.BENCH_SCALED_CHECK_N ?? 300);

type Sample = { consignment: Consignment; facts: ScreeningFacts };
type Row = { engine: string; rules: number; count: number; wall: number; cpu: number; note?: string };

function time(run: () => number): { wall: number; cpu: number; result: number } {
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  const result = run();
  const cpu = process.cpuUsage(cpu0);
  return { wall: performance.now() - start, cpu: (cpu.user + cpu.system) / 1000, result };
}

async function timeAsync(run: () => Promise<number>) {
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  const result = await run();
  const cpu = process.cpuUsage(cpu0);
  return { wall: performance.now() - start, cpu: (cpu.user + cpu.system) / 1000, result };
}

/**
 * Best of `rounds` full passes (the first pass also warms the JIT up). Every hit's explanation is built by
 * `evaluate` and read here (its evidence counted), so it is part of the time.
 */
function measureOurs(
  engine: CompiledRuleSet,
  data: Sample[],
  rounds = 4,
): { wall: number; cpu: number; note: string } {
  let best = { wall: Number.POSITIVE_INFINITY, cpu: Number.POSITIVE_INFINITY };
  let hits = 0;
  let evidence = 0;
  for (let r = 0; r < rounds; r++) {
    hits = 0;
    evidence = 0;
    const t = time(() => {
      for (let i = 0; i < data.length; i++) {
        const { fired } = engine.evaluate(data[i]!.consignment, data[i]!.facts);
        hits += fired.length;
        for (let j = 0; j < fired.length; j++) evidence += fired[j]!.evidence.length;
      }
      return evidence;
    });
    if (t.wall < best.wall) best = { wall: t.wall, cpu: t.cpu };
  }
  const per = (total: number) => (total / data.length).toFixed(1);
  return { ...best, note: `${per(hits)} hits, ${per(evidence)} evidence per consignment, explained` };
}

/** Deep equality of whole evaluations (score, lanes, referrals, fired rules with their evidence). */
function referenceCheck(label: string, ruleSet: RuleSet, engine: CompiledRuleSet, sample: Sample[]): boolean {
  let equal = 0;
  let evidence = 0;
  for (const { consignment, facts } of sample) {
    const result = engine.evaluate(consignment, facts);
    for (const hit of result.fired) evidence += hit.evidence.length;
    if (isDeepStrictEqual(result, evaluateReference(ruleSet, demoWatchLists, consignment, facts))) equal++;
  }
  const ok = equal === sample.length;
  console.log(
    `reference check (${label}): ${ok ? 'PASS' : 'FAIL'} — ${equal}/${sample.length} evaluations equal the reference evaluator's, explanations included (${evidence} pieces of evidence)`,
  );
  return ok;
}

async function main() {
  console.log(
    `risk engine benchmark — node ${process.version}, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const data = generateConsignments(N, SEED);
  console.log(`${N.toLocaleString('en')} consignments generated with seed ${SEED}`);

  const ours = compileRuleSet(demoRuleSet, { watchLists: demoWatchLists });
  const closures = compileRuleSet(demoRuleSet, { watchLists: demoWatchLists, backend: 'closures' });
  const jre = buildJsonRulesEngine(demoRuleSet, demoWatchLists);
  const zen = buildZen(demoRuleSet, demoWatchLists);

  // 1. Same hits from all three engines.
  let identical = 0;
  let hits = 0;
  const mismatches: string[] = [];
  for (const { consignment, facts } of data.slice(0, CHECK_N)) {
    const a = ours
      .evaluate(consignment, facts)
      .fired.map((f) => f.ruleId)
      .sort();
    const b = (await jre.hits(consignment, facts)).sort();
    const c = (await zen.hits(consignment, facts)).sort();
    hits += a.length;
    if (a.join() === b.join() && a.join() === c.join()) identical++;
    else if (mismatches.length < 5)
      mismatches.push(
        `${consignment.reference ?? consignment.transportDocument.number}: ours [${a}] jre [${b}] zen [${c}]`,
      );
  }
  const hitsOk = identical === Math.min(CHECK_N, N);
  console.log(
    `identical-hits check: ${hitsOk ? 'PASS' : 'FAIL'} — ${identical}/${Math.min(CHECK_N, N)} consignments give the same fired rules in all three engines (${hits} hits)`,
  );
  for (const m of mismatches) console.log(`  mismatch ${m}`);

  // 1b. Our evaluations, explanations included, equal the reference evaluator's (both back ends, and the
  // scaled rule sets whose rules are indexed and share conditions).
  const scaled = [400, 4_000].map((size) => withVariations(demoRuleSet, size));
  const explained = [
    referenceCheck('demo set, codegen', demoRuleSet, ours, data.slice(0, CHECK_N)),
    referenceCheck('demo set, closures', demoRuleSet, closures, data.slice(0, CHECK_N)),
    ...scaled.map((set) =>
      referenceCheck(
        `${set.rules.length} rules, codegen`,
        set,
        compileRuleSet(set, { watchLists: demoWatchLists }),
        data.slice(0, SCALED_CHECK_N),
      ),
    ),
  ];
  const ok = hitsOk && explained.every(Boolean);

  // 2. Throughput.
  const rows: Row[] = [];
  const oursTime = measureOurs(ours, data);
  rows.push({ engine: 'aeolus risk-engine (codegen)', rules: ours.ruleCount, count: N, ...oursTime });
  const closureTime = measureOurs(closures, data, 2);
  rows.push({ engine: 'aeolus risk-engine (closures)', rules: closures.ruleCount, count: N, ...closureTime });

  const others = data.slice(0, OTHERS_N);
  for (const [name, engine] of [
    ['json-rules-engine 7', jre],
    ['@gorules/zen-engine', zen],
  ] as const) {
    for (const { consignment, facts } of others.slice(0, 500)) await engine.hits(consignment, facts); // warm-up
    const t = await timeAsync(async () => {
      let count = 0;
      for (const { consignment, facts } of others) count += (await engine.hits(consignment, facts)).length;
      return count;
    });
    rows.push({
      engine: name,
      rules: engine.ruleCount,
      count: others.length,
      wall: t.wall,
      cpu: t.cpu,
      note: 'hits only, no explanation',
    });
  }
  for (const set of scaled) {
    const big = compileRuleSet(set, { watchLists: demoWatchLists });
    rows.push({
      engine: 'aeolus risk-engine (codegen)',
      rules: big.ruleCount,
      count: N,
      ...measureOurs(big, data, 2),
    });
  }

  const rate = (row: Row, key: 'wall' | 'cpu') => (row.count / row[key]) * 1000;
  const base = rate(rows[0]!, 'wall');
  const header = [
    'engine',
    'rules',
    'consignments',
    'consignments/s',
    '(per CPU s)',
    'ratio vs ours',
    'note',
  ];
  const lines = rows.map((row) => [
    row.engine,
    String(row.rules),
    row.count.toLocaleString('en'),
    Math.round(rate(row, 'wall')).toLocaleString('en'),
    `(${Math.round(rate(row, 'cpu')).toLocaleString('en')})`,
    row === rows[0]
      ? '1×'
      : row.engine.startsWith('aeolus')
        ? `${(rate(row, 'wall') / base).toPrecision(2)}× (of the 44-unit rate)`
        : `${(rate(row, 'wall') / base).toPrecision(2)}× (ours is ${(base / rate(row, 'wall')).toFixed(0)}× faster)`,
    row.note ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(`\n${fmt(header)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const l of lines) console.log(fmt(l));
  console.log(
    '\nrules = compiled units (rules + decision-table rows); ours includes building the explanation for every hit.',
  );
  console.log(
    `load average after: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  if (!ok) process.exitCode = 1;
}

await main();
