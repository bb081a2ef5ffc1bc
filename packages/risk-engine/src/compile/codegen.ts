import type { Consignment, ScreeningFacts } from '@aeolus/contracts';
import { Analysis, type Guard, guardOf } from './analysis.js';
import type { Reader } from './closures.js';
import type { Program, Unit } from './ir.js';
import { comparisons, descriptionIndex, hsIndex } from './item-index.js';
import { descriptionPass, fieldScans, hsPass } from './passes.js';
import { Writer } from './writer.js';

/**
 * The code-generating back end: the rule set becomes one JavaScript module built with `new Function`.
 *
 * - Screening (`run`) writes the numbers of the units that fired into `H` and returns their count. Rules are
 *   indexed by a guard (see `guardOf`): rules under an HS prefix list run only when an item carries it,
 *   rules under a mode of transport only for that mode, rules under a shared condition only when it holds.
 *   The rest run for every consignment. Hits are sorted back into rule-set order at the end.
 * - Per consignment, derived facts, parsed timestamps and shared conditions are computed at most once and
 *   only when asked for; the goods items are read once for all HS prefix lists and once for all
 *   description patterns.
 * - `readers` read every field the rules name, derived facts through the same memo, so that explaining the
 *   rules that fired, right after `run`, reuses what `run` computed.
 */
export type HitRunner = (c: Consignment, f: ScreeningFacts) => number;
export interface Runtime {
  run: HitRunner;
  /** Field readers by path: `(c, f, scoped)`, memoised facts valid right after `run`. */
  readers: Record<string, Reader>;
}

const WORDS = 'derived.minDescriptionWords';

/** Statements per generated function: small functions stay optimisable. */
const CHUNK = 40;

export function generate(program: Program): { source: string; constants: unknown[] } {
  const analysis = new Analysis(program);
  const cmps = comparisons(program);
  const hs = hsIndex(cmps);
  const descriptions = descriptionIndex(cmps);
  // The description pass counts words too when the rules ask for them.
  const countWords = descriptions !== undefined && cmps.some((cmp) => cmp.field.path === WORDS);
  const w = new Writer({ analysis, hs, descriptions, countWords, fieldScans: fieldScans(cmps) });
  const hit = (unit: Unit) => `if (${w.test(unit.condition)}) H[n++] = ${unit.index};`;
  // Rules with the same condition (the same indicator under several rule ids, weights or rationales) are
  // one test that reports all of them.
  const statements = (units: readonly Unit[]): string[] => {
    const byCondition = new Map<string, Unit[]>();
    for (const unit of units) {
      const key = analysis.keyOf(unit.condition);
      if (!byCondition.has(key)) byCondition.set(key, []);
      byCondition.get(key)!.push(unit);
    }
    return [...byCondition.values()].map((same) =>
      same.length === 1
        ? hit(same[0]!)
        : `if (${w.test(same[0]!.condition)}) n = put(${w.constant(Int32Array.from(same, (u) => u.index))}, n);`,
    );
  };

  // Rules by guard; decision tables (whose rows depend on each other) and unguarded rules run always.
  const tables: string[] = [];
  const always: Unit[] = [];
  const byHs = new Map<number, Unit[]>();
  const byValue = new Map<
    string,
    { guard: Extract<Guard, { kind: 'value' }>; byValue: Map<string, Unit[]> }
  >();
  const byNode = new Map<string, { guard: Extract<Guard, { kind: 'node' }>; units: Unit[] }>();
  for (const group of program.groups) {
    if (group.kind === 'table') {
      tables.push(...table(group, hit));
      continue;
    }
    const { unit } = group;
    const guard = guardOf(unit, analysis, hs);
    if (guard === undefined) always.push(unit);
    else if (guard.kind === 'hs') {
      const bit = guard.bit.word * 32 + (31 - Math.clz32(guard.bit.mask));
      if (!byHs.has(bit)) byHs.set(bit, []);
      byHs.get(bit)!.push(unit);
    } else if (guard.kind === 'value') {
      if (!byValue.has(guard.field.path)) byValue.set(guard.field.path, { guard, byValue: new Map() });
      const values = byValue.get(guard.field.path)!.byValue;
      for (const value of guard.values) {
        if (!values.has(value)) values.set(value, []);
        values.get(value)!.push(unit);
      }
    } else {
      if (!byNode.has(guard.key)) byNode.set(guard.key, { guard, units: [] });
      byNode.get(guard.key)!.units.push(unit);
    }
  }

  const lines: string[] = [];
  const fn = (statements: string[]): string => {
    const name = w.id('g');
    if (statements.length <= CHUNK) {
      lines.push(`function ${name}(c, f, n) { ${statements.join('\n')} return n; }`);
      return name;
    }
    const parts: string[] = [];
    for (let i = 0; i < statements.length; i += CHUNK) parts.push(fn(statements.slice(i, i + CHUNK)));
    lines.push(
      `function ${name}(c, f, n) { ${parts.map((part) => `n = ${part}(c, f, n);`).join(' ')} return n; }`,
    );
    return name;
  };
  const steps: string[] = [];
  const unguarded = [...statements(always), ...tables];
  for (let i = 0; i < unguarded.length; i += CHUNK) steps.push(fn(unguarded.slice(i, i + CHUNK)));
  if (byHs.size > 0) {
    const words = hs!.words;
    const buckets = Array.from({ length: words * 32 }, (_, bit) =>
      byHs.has(bit) ? fn(statements(byHs.get(bit)!)) : 'none',
    );
    const name = w.id('gh');
    const scan = Array.from({ length: words }, (_, word) => {
      const used = [...byHs.keys()]
        .filter((bit) => bit >> 5 === word)
        .reduce((m, bit) => m | (1 << (bit & 31)), 0);
      return used === 0
        ? ''
        : `m = AM[${word}] & ${used}; while (m !== 0) { const low = m & -m; m ^= low; ` +
            `n = HB[${word * 32} + 31 - Math.clz32(low)](c, f, n); }`;
    });
    lines.push(`const HB = [${buckets.join(', ')}];`);
    lines.push(`function ${name}(c, f, n) { if (HE !== E) hp(c); let m = 0; ${scan.join(' ')} return n; }`);
    steps.push(name);
  }
  for (const { guard, byValue: values } of byValue.values()) {
    const map = w.id('D');
    const entries = [...values].map(([value, units]) => `[${w.constant(value)}, ${fn(statements(units))}]`);
    lines.push(`const ${map} = new Map([${entries.join(', ')}]);`);
    const name = w.id('gv');
    lines.push(
      `function ${name}(c, f, n) { const b = ${map}.get(${w.read(guard.field)}); return b === undefined ? n : b(c, f, n); }`,
    );
    steps.push(name);
  }
  const guarded = [...byNode.values()].map(
    ({ guard, units }) => `if (${w.test(guard.node)}) n = ${fn(statements(units))}(c, f, n);`,
  );
  for (let i = 0; i < guarded.length; i += CHUNK) steps.push(fn(guarded.slice(i, i + CHUNK)));

  const readers = new Map<string, string>();
  for (const { field } of cmps) {
    if (readers.has(field.path)) continue;
    const name = w.id('r');
    lines.push(`function ${name}(c, f, s) { return ${w.read(field)}; }`);
    readers.set(field.path, `${JSON.stringify(field.path)}: ${name}`);
  }

  const passes = [
    ...(hs ? [hsPass(w, hs.words)] : []),
    ...(descriptions ? [descriptionPass(w, descriptions, countWords)] : []),
  ];
  const stamps = ['HE', 'DE', ...w.stamps];
  const source = [
    '"use strict";',
    ...w.declarations,
    `const M = new Int32Array(${Math.max(w.sharedCount, 1)}); let E = 0, HE = 0, DE = 0;`,
    `let IM = new Int32Array(${8 * (hs?.words ?? 1)}); const AM = new Int32Array(${hs?.words ?? 1});`,
    `let DM = new Int32Array(${8 * (descriptions?.words ?? 1)}); const DA = new Int32Array(${descriptions?.words ?? 1});`,
    'function none(c, f, n) { return n; }',
    'function put(L, n) { for (let k = 0; k < L.length; k++) H[n++] = L[k]; return n; }',
    // Buckets do not run in rule order: the hits are put back in order, by an insertion sort when they are
    // few, else through a bitmap of all units.
    `const HM = new Int32Array(${Math.ceil(Math.max(program.units.length, 1) / 32)});`,
    'function order(n) { if (n <= 32) { for (let a = 1; a < n; a++) { const x = H[a]; let b = a - 1; ' +
      'while (b >= 0 && H[b] > x) { H[b + 1] = H[b]; b--; } H[b + 1] = x; } return; } ' +
      'for (let a = 0; a < n; a++) HM[H[a] >> 5] |= 1 << (H[a] & 31); let k = 0; ' +
      'for (let w = 0; w < HM.length; w++) { let m = HM[w]; if (m === 0) continue; HM[w] = 0; ' +
      'while (m !== 0) { const low = m & -m; m ^= low; H[k++] = (w << 5) + 31 - Math.clz32(low); } } }',
    ...passes,
    ...w.helpers,
    ...lines,
    `function run(c, f) { if (++E === 1073741824) { E = 1; M.fill(0); ${stamps.map((stamp) => `${stamp} = 0;`).join(' ')} } ` +
      `let n = 0; ${steps.map((step) => `n = ${step}(c, f, n);`).join(' ')} if (n > 1) order(n); return n; }`,
    `return { run, readers: { ${[...readers.values()].join(', ')} } };`,
  ];
  return { source: source.join('\n'), constants: w.constants };
}

/** Builds the runtime; throws when the environment forbids `new Function` (the caller falls back to closures). */
export function instantiate(program: Program, hits: Int32Array): Runtime {
  const { source, constants } = generate(program);
  const factory = new Function('K', 'H', source) as (K: unknown[], H: Int32Array) => Runtime;
  return factory(constants, hits);
}

/** One statement per table: its hit policy decides (priority = first over rows by descending priority). */
function table(
  group: Extract<Program['groups'][number], { kind: 'table' }>,
  hit: (unit: Unit) => string,
): string[] {
  if (group.hitPolicy === 'collect-sum') return group.units.map(hit);
  const ordered =
    group.hitPolicy === 'priority'
      ? [...group.units].sort((a, b) => b.priority - a.priority || a.index - b.index)
      : group.units;
  return [ordered.map(hit).join(' else ')];
}
