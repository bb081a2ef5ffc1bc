/**
 * @aeolus/risk-engine — pure rule compiler and evaluator for advance cargo data (no I/O). Compile a rule set
 * once with `compileRuleSet`, then `evaluate` each consignment; `evaluateReference` is the plain interpreter
 * the compiled engine is tested against. See README.md for the rule-set format.
 */
export { type CheckResult, checkRuleSet, prefixMatcher } from './compile/check.js';
export {
  type Backend,
  type CompiledRuleSet,
  type CompileOptions,
  clearCompileCache,
  compileRuleSet,
  RuleSetCompileError,
} from './compile/compile.js';
export { normaliseListValue } from './compile/ir.js';
export { type Problem, resolveWatchLists } from './compile/watch-lists.js';
export {
  createRandom,
  generateConsignment,
  generateConsignments,
  generateFacts,
} from './demo/consignments.js';
export { demoRuleSet, demoWatchLists } from './demo/demo.js';
export * as derivedFacts from './facts/derived.js';
export { FIELDS, type FieldFormat, type FieldScope, type FieldSpec, type FieldType } from './facts/fields.js';
export { parseIsoMillis } from './facts/time.js';
export { evaluateReference } from './reference/reference.js';
export {
  compilePattern,
  keywordsPattern,
  PatternTooComplexError,
  type TextMatcher,
} from './text/automaton.js';
export { PatternError, parsePattern } from './text/pattern-parser.js';
