import type { ComparisonOperator, DecisionTableCell, RuleComparison, RuleCondition } from '@aeolus/contracts';

/**
 * The structured condition builder's model and its mapping to and from the rule-set format (issue 4 item 3).
 * The builder covers the common shapes analysts write: one comparison, or `all`/`any` of clauses, where a
 * clause is a comparison, optionally over "any item"/"every item"/"any container"/"every container", and
 * optionally negated. Anything else (nested junctions, a quantifier over several conditions) stays in the
 * JSON view: `toBuilder` answers undefined rather than lose part of it.
 */

export const CLAUSE_SCOPES = ['consignment', 'anyItem', 'allItems', 'anyContainer', 'allContainers'] as const;
export type ClauseScope = (typeof CLAUSE_SCOPES)[number];

/** Operands as the person types them: lists comma-separated, numbers as text. */
export interface ClauseOperand {
  op: ComparisonOperator;
  /** eq/ne/gt/gte/lt/lte: one value; in/notIn/startsWith/matches (keywords): comma-separated values. */
  text: string;
  /** between. */
  min: string;
  max: string;
  /** matches: a pattern instead of keywords. */
  pattern: string;
  /** inWatchList. */
  list: string;
}

export interface Clause extends ClauseOperand {
  scope: ClauseScope;
  negate: boolean;
  field: string;
}

export interface BuilderModel {
  combinator: 'all' | 'any';
  clauses: Clause[];
}

export const emptyOperand = (op: ComparisonOperator = 'eq'): ClauseOperand => ({
  op,
  text: '',
  min: '',
  max: '',
  pattern: '',
  list: '',
});

export const emptyClause = (): Clause => ({
  scope: 'consignment',
  negate: false,
  field: '',
  ...emptyOperand(),
});

const isComparison = (c: RuleCondition): c is RuleComparison => 'field' in c;

/** A scalar as it reads back: `true`/`false` and numbers keep their JSON type, the rest is a string. */
function parseScalar(text: string): string | number | boolean {
  const trimmed = text.trim();
  if (trimmed === 'true') return true;
  if (trimmed === 'false') return false;
  if (trimmed !== '' && /^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  return trimmed;
}

/** A number the contract will check; an empty or non-numeric entry becomes NaN, which it refuses by field. */
const parseNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim()));

export const splitList = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** An operand as the person typed it → a decision-table cell (a comparison without its field). */
export function operandToCell(operand: ClauseOperand): DecisionTableCell {
  switch (operand.op) {
    case 'eq':
    case 'ne':
      return { op: operand.op, value: parseScalar(operand.text) };
    case 'in':
    case 'notIn':
      return { op: operand.op, values: splitList(operand.text) };
    case 'startsWith':
      return { op: 'startsWith', values: splitList(operand.text) };
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return { op: operand.op, value: parseNumber(operand.text) };
    case 'between':
      return { op: 'between', min: parseNumber(operand.min), max: parseNumber(operand.max) };
    case 'matches':
      return operand.pattern.trim() !== ''
        ? { op: 'matches', pattern: operand.pattern }
        : { op: 'matches', keywords: splitList(operand.text) };
    case 'inWatchList':
      return { op: 'inWatchList', list: operand.list.trim() };
    case 'exists':
      return { op: 'exists' };
    default:
      return operand.op satisfies never;
  }
}

/** A decision-table cell (or a comparison) → the operand as the builder shows it. */
export function cellToOperand(cell: DecisionTableCell): ClauseOperand {
  const operand = emptyOperand(cell.op);
  switch (cell.op) {
    case 'eq':
    case 'ne':
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return { ...operand, text: String(cell.value) };
    case 'in':
    case 'notIn':
    case 'startsWith':
      return { ...operand, text: cell.values.join(', ') };
    case 'between':
      return { ...operand, min: String(cell.min), max: String(cell.max) };
    case 'matches':
      return { ...operand, text: (cell.keywords ?? []).join(', '), pattern: cell.pattern ?? '' };
    case 'inWatchList':
      return { ...operand, list: cell.list };
    case 'exists':
      return operand;
    default:
      return cell satisfies never;
  }
}

/** Whether a comma-separated text would lose something (a keyword or value holding a comma). */
function listSurvives(cell: DecisionTableCell): boolean {
  const lists =
    cell.op === 'in' || cell.op === 'notIn' || cell.op === 'startsWith'
      ? cell.values.map(String)
      : cell.op === 'matches'
        ? (cell.keywords ?? [])
        : [];
  if (lists.some((v) => v.includes(',') || v.trim() !== v || v === '')) return false;
  // A string scalar that reads back as another type ("true", "42") needs the JSON view.
  if ((cell.op === 'eq' || cell.op === 'ne') && typeof cell.value === 'string') {
    return parseScalar(cell.value) === cell.value;
  }
  // The builder writes list values as text (codes such as "0106" must not become numbers).
  if (cell.op === 'in' || cell.op === 'notIn') return cell.values.every((v) => typeof v === 'string');
  return true;
}

function clauseOf(condition: RuleCondition): Clause | undefined {
  let negate = false;
  let scope: ClauseScope = 'consignment';
  let current = condition;
  if (current.op === 'not') {
    negate = true;
    current = current.condition;
  }
  if (
    current.op === 'anyItem' ||
    current.op === 'allItems' ||
    current.op === 'anyContainer' ||
    current.op === 'allContainers'
  ) {
    scope = current.op;
    current = current.condition;
  }
  if (!isComparison(current)) return undefined;
  const { field, ...cell } = current;
  if (!listSurvives(cell as DecisionTableCell)) return undefined;
  return { scope, negate, field, ...cellToOperand(cell as DecisionTableCell) };
}

/** The builder's model of a condition, or undefined when only the JSON view can show it faithfully. */
export function toBuilder(condition: RuleCondition): BuilderModel | undefined {
  if (condition.op === 'all' || condition.op === 'any') {
    const clauses = condition.conditions.map(clauseOf);
    if (clauses.some((c) => c === undefined)) return undefined;
    return { combinator: condition.op, clauses: clauses as Clause[] };
  }
  const clause = clauseOf(condition);
  return clause ? { combinator: 'all', clauses: [clause] } : undefined;
}

export function clauseToCondition(clause: Clause): RuleCondition {
  let condition: RuleCondition = { field: clause.field.trim(), ...operandToCell(clause) } as RuleComparison;
  if (clause.scope !== 'consignment') condition = { op: clause.scope, condition };
  if (clause.negate) condition = { op: 'not', condition };
  return condition;
}

/** The rule-set condition the builder describes: a lone clause stands on its own. */
export function fromBuilder(model: BuilderModel): RuleCondition {
  const conditions = model.clauses.map(clauseToCondition);
  if (conditions.length === 1) return conditions[0] as RuleCondition;
  return { op: model.combinator, conditions };
}

/** Which operand inputs an operator needs, so the builder shows only those. */
export function operandInputs(
  op: ComparisonOperator,
): 'value' | 'values' | 'range' | 'text' | 'list' | 'none' {
  switch (op) {
    case 'eq':
    case 'ne':
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return 'value';
    case 'in':
    case 'notIn':
    case 'startsWith':
      return 'values';
    case 'between':
      return 'range';
    case 'matches':
      return 'text';
    case 'inWatchList':
      return 'list';
    case 'exists':
      return 'none';
    default:
      return op satisfies never;
  }
}

/** Fields analysts use most, offered as suggestions; any field of the engine's catalogue may be typed. */
export const COMMON_FIELDS = [
  'modeOfTransport',
  'dataset',
  'originCountry',
  'routingCountries',
  'consignor.name',
  'consignor.address.country',
  'consignee.name',
  'consignee.address.country',
  'consignee.address.line',
  'notifyParty.name',
  'declarant.name',
  'transportDocument.number',
  'borderTransportMeans.identifier',
  'item.hsCode',
  'item.description',
  'item.value.amount',
  'item.valuePerKg',
  'item.grossMassKg',
  'container.containerId',
  'derived.descriptions',
  'derived.totalValue',
  'derived.grossMassKg',
  'derived.filingMarginHours',
  'derived.transitCountries',
  'derived.hasAeoParty',
  'derived.hasSealAnomaly',
  'facts.consignorFirstSeen',
  'facts.consigneeFirstSeen',
] as const;
