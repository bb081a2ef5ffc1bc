import { compileRuleSet, demoRuleSet, demoWatchLists, generateConsignments } from '@aeolus/risk-engine';
import { withVariations } from './variations.js';

/**
 * Profiling aid (not part of `npm run bench:risk`): screens the benchmark's consignments in a loop so that
 * `node --cpu-prof --conditions=source --import tsx bench/risk/profile.ts` shows where the time goes.
 * SIZE=400|4000 uses the scaled rule sets, N the number of consignments, R the rounds.
 */
const size = Number(process.env.SIZE ?? 0);
const ruleSet = size ? withVariations(demoRuleSet, size) : demoRuleSet;
const data = generateConsignments(Number(process.env.N ?? 100_000), 20250602);
const engine = compileRuleSet(ruleSet, { watchLists: demoWatchLists });

function timedLoop(): { hits: number; evidence: number } {
  let hits = 0;
  let evidence = 0;
  for (let i = 0; i < data.length; i++) {
    const { fired } = engine.evaluate(data[i]!.consignment, data[i]!.facts);
    hits += fired.length;
    for (let j = 0; j < fired.length; j++) evidence += fired[j]!.evidence.length;
  }
  return { hits, evidence };
}

for (let round = 0; round < Number(process.env.R ?? 4); round++) {
  const cpu = process.cpuUsage();
  const { hits, evidence } = timedLoop();
  const used = process.cpuUsage(cpu);
  const rate = (data.length / (used.user + used.system)) * 1e6;
  console.log(
    `round ${round}: ${Math.round(rate).toLocaleString('en')}/CPU s, ${hits} hits, ${evidence} evidence`,
  );
}
