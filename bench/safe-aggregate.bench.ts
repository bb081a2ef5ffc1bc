import { loadavg } from 'node:os';
import fc from 'fast-check';
import { getSafeMonitoringQuestionnaire } from '../packages/core/src/questionnaire/index.js';
import {
  aggregateSafeScores,
  type MemberScoreCard,
  scoreSafeAssessment,
} from '../packages/core/src/safe-assessment/index.js';
import { answersFor, compact } from '../packages/core/src/safe-assessment/safe-assessment.arbitraries.js';

/**
 * npm run bench:safe — scores N seeded random responses to the shipped SAFE monitoring questionnaire, then
 * aggregates them for the secretariat (global + six WCO regions, one of them below the minimum group size).
 * Reports the best and median of several rounds in wall time and, in its own column, this process's CPU
 * time (less sensitive to other load on a shared machine). BENCH_N and BENCH_ROUNDS change the counts.
 * Exits non-zero if aggregating takes a second or more.
 */
const N = Number(process.env.BENCH_N ?? 200);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const SEED = 20250602;
// Rough shares of WCO Members per region; `mena` is kept small so that withholding is exercised.
const REGIONS: Array<[string, number]> = [
  ['europe', 0.27],
  ['asia_pacific', 0.2],
  ['americas_caribbean', 0.18],
  ['east_southern_africa', 0.13],
  ['west_central_africa', 0.2],
  ['mena', 0.02],
];

function regionFor(i: number): string {
  const x = (i + 0.5) / N;
  let acc = 0;
  for (const [region, share] of REGIONS) {
    acc += share;
    if (x < acc) return region;
  }
  return REGIONS[REGIONS.length - 1]![0];
}

function time<T>(run: () => T): { ms: number; cpu: number; result: T } {
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  const result = run();
  const cpu = process.cpuUsage(cpu0);
  return { ms: performance.now() - start, cpu: (cpu.user + cpu.system) / 1000, result };
}

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { best: sorted[0] ?? 0, median: sorted[Math.floor(sorted.length / 2)] ?? 0 };
};

const definition = getSafeMonitoringQuestionnaire();
const responses = fc.sample(answersFor(definition), { numRuns: N, seed: SEED }).map(compact);

const scoring: number[] = [];
const aggregation: number[] = [];
const scoringCpu: number[] = [];
const aggregationCpu: number[] = [];
let members: MemberScoreCard[] = [];
let summary = '';
for (let round = 0; round < ROUNDS; round++) {
  const scored = time(() =>
    responses.map((answers, i) => ({
      memberId: `member-${i}`,
      region: regionFor(i),
      card: scoreSafeAssessment(answers, { definition }).card,
    })),
  );
  members = scored.result;
  scoring.push(scored.ms);
  scoringCpu.push(scored.cpu);
  const aggregated = time(() => aggregateSafeScores(members));
  aggregation.push(aggregated.ms);
  aggregationCpu.push(aggregated.cpu);
  const { result } = aggregated;
  summary = `${result.regions.length} regions published, withheld: ${result.withheldRegions.join(', ') || 'none'}; global overall median ${result.global?.overall?.median ?? 'n/a'} %`;
}

const s = stats(scoring);
const a = stats(aggregation);
const sc = stats(scoringCpu);
const ac = stats(aggregationCpu);
const rows = [
  ['score responses (engine + SAFE card)', s, sc],
  ['aggregate global + regions', a, ac],
] as const;
const pad = (v: string, n: number) => v.padEnd(n);
const lpad = (v: string, n: number) => v.padStart(n);
console.log(
  `SAFE aggregation benchmark — ${N} members, ${ROUNDS} rounds, load average ${loadavg()[0]?.toFixed(2)}`,
);
console.log(
  `${pad('step', 40)}${lpad('members', 9)}${lpad('best ms', 10)}${lpad('median ms', 11)}${lpad('cpu ms', 9)}${lpad('µs/member', 11)}`,
);
for (const [step, wall, cpu] of rows) {
  console.log(
    `${pad(step, 40)}${lpad(String(N), 9)}${lpad(wall.best.toFixed(1), 10)}${lpad(wall.median.toFixed(1), 11)}${lpad(cpu.best.toFixed(1), 9)}${lpad(((cpu.best * 1000) / N).toFixed(0), 11)}`,
  );
}
console.log(summary);
if (a.median >= 1000) {
  console.error('FAIL: aggregating must take well under a second');
  process.exitCode = 1;
}
