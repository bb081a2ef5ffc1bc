import {
  type DecisionTableCell,
  isAssignedCountryCode,
  isIso4217Currency,
  isUnLocode,
  type RuleComparison,
  type RuleCondition,
  RuleSet,
  type WatchList,
} from '@aeolus/contracts';
import { FIELDS, type FieldSpec } from '../facts/fields.js';
import { compilePattern, keywordsPattern } from '../text/automaton.js';
import type { Group, Node, Program, Unit } from './ir.js';
import { listMembership } from './membership.js';
import { type Problem, resolveWatchLists } from './watch-lists.js';

export type CheckResult =
  | { ok: true; ruleSet: RuleSet; program: Program }
  | { ok: false; problems: Problem[] };

/**
 * Validates a rule set completely — structure (zod), then meaning: unknown fields, operators that do not fit
 * the field's type, values outside a code list, unsafe patterns, undeclared or missing watch lists, duplicate
 * ids — collecting every problem with its JSON path, and builds the internal program when there is none.
 */
export function checkRuleSet(input: unknown, watchLists: readonly WatchList[]): CheckResult {
  const parsed = RuleSet.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    };
  }
  const ruleSet = parsed.data;
  const problems: Problem[] = [];
  const declared = new Map<string, number>();
  ruleSet.watchLists.forEach((name, i) => {
    if (declared.has(name))
      problems.push({ path: `watchLists.${i}`, message: `watch list "${name}" is declared twice` });
    declared.set(name, i);
  });
  const lists = resolveWatchLists([...declared.keys()], watchLists, problems);
  const checker = new Checker(problems, declared, lists);

  const units: Unit[] = [];
  const groups: Group[] = [];
  const ids = new Set<string>();
  const claimId = (id: string, path: string) => {
    if (ids.has(id)) problems.push({ path, message: `id "${id}" is used more than once in the rule set` });
    ids.add(id);
  };
  ruleSet.rules.forEach((rule, r) => {
    claimId(rule.id, `rules.${r}.id`);
    const condition = checker.node(rule.conditions, `rules.${r}.conditions`, 'consignment');
    if (rule.enabled === false || !condition) return;
    const unit: Unit = {
      index: units.length,
      ...outcome(rule),
      ruleId: rule.id,
      name: rule.name,
      rationale: rule.rationale,
      priority: 0,
      condition,
    };
    units.push(unit);
    groups.push({ kind: 'rule', unit });
  });
  ruleSet.decisionTables.forEach((table, t) => {
    const base = `decisionTables.${t}`;
    claimId(table.id, `${base}.id`);
    const inputs = table.inputs.map((input, j) =>
      checker.field(input.field, `${base}.inputs.${j}.field`, 'consignment'),
    );
    const rowIds = new Set<string>();
    const tableUnits: Unit[] = [];
    table.rows.forEach((row, r) => {
      const rowPath = `${base}.rows.${r}`;
      if (rowIds.has(row.id))
        problems.push({ path: `${rowPath}.id`, message: `row id "${row.id}" is used twice in the table` });
      rowIds.add(row.id);
      if (row.cells.length !== table.inputs.length) {
        problems.push({
          path: `${rowPath}.cells`,
          message: `has ${row.cells.length} cells but the table has ${table.inputs.length} input columns`,
        });
        return;
      }
      const children: Node[] = [];
      row.cells.forEach((cell, j) => {
        const spec = inputs[j];
        if (cell === null || !spec) return;
        const node = checker.comparison(cell, spec, `${rowPath}.cells.${j}`);
        if (node) children.push(node);
      });
      tableUnits.push({
        index: -1,
        ...outcome(row),
        ruleId: `${table.id}/${row.id}`,
        tableId: table.id,
        name: row.note ? `${table.name}: ${row.note}` : table.name,
        rationale: table.rationale,
        priority: row.priority ?? 0,
        condition: { k: 'all', at: `${rowPath}.cells`, children },
      });
    });
    for (const unit of tableUnits) unit.index = units.push(unit) - 1;
    groups.push({ kind: 'table', tableId: table.id, hitPolicy: table.hitPolicy, units: tableUnits });
  });

  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, ruleSet, program: { ruleSetId: ruleSet.id, version: ruleSet.version, groups, units } };
}

function outcome(source: { weight: number; minLane?: Unit['minLane']; referral?: Unit['referral'] }) {
  return {
    weight: source.weight,
    ...(source.minLane ? { minLane: source.minLane } : {}),
    ...(source.referral ? { referral: source.referral } : {}),
  };
}

type Scope = 'consignment' | 'item' | 'container';

const QUANTIFIER_SCOPE = {
  anyItem: ['item', false],
  allItems: ['item', true],
  anyContainer: ['container', false],
  allContainers: ['container', true],
} as const;

class Checker {
  /**
   * Operands are interned: rules repeating the same HS list, keyword list or value set share one prefix
   * table, automaton or set, which keeps large rule sets small in memory (and in the CPU caches).
   */
  private readonly interned = new Map<string, unknown>();
  private intern<T>(kind: string, key: unknown, make: () => T): T {
    const id = `${kind}:${JSON.stringify(key)}`;
    let found = this.interned.get(id) as T | undefined;
    if (found === undefined) {
      found = make();
      this.interned.set(id, found);
    }
    return found;
  }

  constructor(
    private readonly problems: Problem[],
    private readonly declared: ReadonlyMap<string, number>,
    private readonly lists: ReadonlyMap<string, ReadonlySet<string>>,
  ) {}

  private fail(path: string, message: string): undefined {
    this.problems.push({ path, message });
    return undefined;
  }

  node(condition: RuleCondition, at: string, scope: Scope): Node | undefined {
    switch (condition.op) {
      case 'all':
      case 'any': {
        const children = condition.conditions.map((child, i) =>
          this.node(child, `${at}.conditions.${i}`, scope),
        );
        return children.every((c) => c) ? { k: condition.op, at, children: children as Node[] } : undefined;
      }
      case 'not': {
        const child = this.node(condition.condition, `${at}.condition`, scope);
        return child && { k: 'not', at, child };
      }
      case 'anyItem':
      case 'allItems':
      case 'anyContainer':
      case 'allContainers': {
        if (scope !== 'consignment') {
          return this.fail(`${at}.op`, `${condition.op} cannot be nested inside another quantifier`);
        }
        const [inner, every] = QUANTIFIER_SCOPE[condition.op];
        const child = this.node(condition.condition, `${at}.condition`, inner);
        return child && { k: 'quant', at, every, scope: inner, child };
      }
      default: {
        const comparison = condition as RuleComparison;
        const spec = this.field(comparison.field, `${at}.field`, scope);
        return spec && this.comparison(comparison, spec, at);
      }
    }
  }

  field(path: string, at: string, scope: Scope): FieldSpec | undefined {
    const spec = FIELDS.get(path);
    if (!spec) return this.fail(at, `unknown field "${path}"`);
    if (spec.scope !== 'consignment' && spec.scope !== scope) {
      const where = spec.scope === 'item' ? 'anyItem or allItems' : 'anyContainer or allContainers';
      return this.fail(at, `field "${path}" can only be used inside ${where}`);
    }
    return spec;
  }

  comparison(cmp: DecisionTableCell, field: FieldSpec, at: string): Node | undefined {
    const base = field.type === 'string[]' ? 'string' : field.type;
    const wrongType = (need: string) =>
      this.fail(`${at}.op`, `operator ${cmp.op} needs a ${need} field; "${field.path}" is ${field.type}`);
    const before = this.problems.length;
    switch (cmp.op) {
      case 'eq':
      case 'ne':
        this.operand(cmp.value, field, base, `${at}.value`);
        break;
      case 'in':
      case 'notIn': {
        if (base === 'boolean') return wrongType('text or number');
        cmp.values.forEach((v, i) => {
          this.operand(v, field, base, `${at}.values.${i}`);
        });
        const set = this.intern('set', [...cmp.values].sort(), () => new Set(cmp.values));
        return this.done(before, { k: 'cmp', at, op: cmp.op, field, set });
      }
      case 'startsWith': {
        if (base !== 'string') return wrongType('text');
        if (field.format === 'hs') {
          cmp.values.forEach((p, i) => {
            if (!/^\d{2,10}$/.test(p))
              this.fail(`${at}.values.${i}`, `"${p}" is not an HS chapter, heading or subheading prefix`);
          });
        }
        const prefix = this.intern('prefix', [...cmp.values].sort(), () => prefixMatcher(cmp.values));
        return this.done(before, { k: 'cmp', at, op: cmp.op, field, prefix, prefixes: cmp.values });
      }
      case 'gt':
      case 'gte':
      case 'lt':
      case 'lte':
        if (base !== 'number') return wrongType('numeric');
        break;
      case 'between':
        if (base !== 'number') return wrongType('numeric');
        if (cmp.min > cmp.max) this.fail(`${at}.max`, `is below min (${cmp.min})`);
        return this.done(before, { k: 'cmp', at, op: cmp.op, field, value: cmp.min, max: cmp.max });
      case 'matches': {
        if (base !== 'string') return wrongType('text');
        if ((cmp.keywords === undefined) === (cmp.pattern === undefined)) {
          return this.fail(at, 'matches needs exactly one of "keywords" and "pattern"');
        }
        const source = cmp.pattern ?? keywordsPattern(cmp.keywords!);
        try {
          const matcher = this.intern('pattern', source, () => compilePattern(source));
          return this.done(before, { k: 'cmp', at, op: cmp.op, field, matcher, source });
        } catch (error) {
          return this.fail(
            `${at}.${cmp.pattern === undefined ? 'keywords' : 'pattern'}`,
            (error as Error).message,
          );
        }
      }
      case 'inWatchList': {
        if (base !== 'string') return wrongType('text');
        if (!this.declared.has(cmp.list)) {
          return this.fail(
            `${at}.list`,
            `watch list "${cmp.list}" is not declared in the rule set's watchLists`,
          );
        }
        const set = this.lists.get(cmp.list);
        if (!set) return undefined;
        const member = this.intern('list', cmp.list, () => listMembership(set));
        return this.done(before, { k: 'cmp', at, op: cmp.op, field, set, list: cmp.list, member });
      }
      case 'exists':
        return { k: 'cmp', at, op: cmp.op, field };
      default:
        return this.fail(`${at}.op`, `unknown operator "${(cmp as { op: string }).op}"`);
    }
    return this.done(before, { k: 'cmp', at, op: cmp.op, field, value: cmp.value });
  }

  private done(before: number, node: Node): Node | undefined {
    return this.problems.length === before ? node : undefined;
  }

  /** Checks one operand against the field's type and code list (a typo in a code would never match). */
  private operand(value: unknown, field: FieldSpec, type: string, at: string): void {
    if (typeof value !== type) {
      this.fail(at, `"${field.path}" is ${field.type}; ${JSON.stringify(value)} is a ${typeof value}`);
      return;
    }
    if (typeof value !== 'string') return;
    if (field.values && !field.values.includes(value)) {
      this.fail(at, `"${value}" is not a value of ${field.path} (${field.values.join(', ')})`);
    } else if (field.format === 'country' && !isAssignedCountryCode(value)) {
      this.fail(at, `"${value}" is not an assigned ISO 3166-1 alpha-2 country code`);
    } else if (field.format === 'locode' && !isUnLocode(value)) {
      this.fail(at, `"${value}" is not a UN/LOCODE`);
    } else if (field.format === 'currency' && !isIso4217Currency(value)) {
      this.fail(at, `"${value}" is not an ISO 4217 currency code`);
    } else if (field.format === 'hs' && !/^\d{6}(\d{2}){0,2}$/.test(value)) {
      this.fail(at, `"${value}" is not an HS code of 6, 8 or 10 digits`);
    }
  }
}

/**
 * Prefix test. HS chapters and headings (digit prefixes of up to 4 digits) become one bitmap per prefix
 * length indexed by the number the first digits spell, so no string is cut or allocated per test; other
 * prefixes go through sets per prefix length.
 */
export function prefixMatcher(prefixes: readonly string[]): (text: string) => boolean {
  if (prefixes.every((p) => /^\d{1,4}$/.test(p))) {
    const lengths = [...new Set(prefixes.map((p) => p.length))].sort((a, b) => a - b);
    const maps = lengths.map((length) => {
      const map = new Uint8Array(10 ** length);
      for (const p of prefixes) if (p.length === length) map[Number(p)] = 1;
      return map;
    });
    const longest = lengths[lengths.length - 1]!;
    return (text) => {
      let value = 0;
      let next = 0;
      for (let i = 0; i < longest && i < text.length; i++) {
        const digit = text.charCodeAt(i) - 48;
        if (digit < 0 || digit > 9) return false;
        value = value * 10 + digit;
        if (i + 1 === lengths[next]) {
          if (maps[next]![value] === 1) return true;
          next++;
        }
      }
      return false;
    };
  }
  const byLength = new Map<number, Set<string>>();
  for (const p of prefixes) {
    if (!byLength.has(p.length)) byLength.set(p.length, new Set());
    byLength.get(p.length)!.add(p);
  }
  const lengths = [...byLength.keys()].sort((a, b) => a - b);
  const tables = lengths.map((length) => byLength.get(length)!);
  return (text) => {
    for (let i = 0; i < lengths.length; i++) {
      const length = lengths[i]!;
      if (text.length >= length && tables[i]!.has(text.slice(0, length))) return true;
    }
    return false;
  };
}
