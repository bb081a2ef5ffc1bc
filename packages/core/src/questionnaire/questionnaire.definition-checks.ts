import type {
  Audience,
  Condition,
  ConditionValue,
  DefinitionProblem,
  Question,
  QuestionnaireDefinition,
  Tags,
} from '@aeolus/contracts';
import { isIsoDate } from './questionnaire.answers.js';
import { conditionReferences } from './questionnaire.conditions.js';
import { type DefinitionIndex, indexDefinition } from './questionnaire.engine.js';
import { maxScore, scaleTop, scoringScaleOf, scoringValues } from './questionnaire.scoring.js';

/**
 * Cross-reference rules that a schema cannot express. Runs on a structurally valid definition and
 * returns every problem with its JSON path.
 */
type Add = (path: string, message: string) => void;

const AUDIENCE_NAMES: Record<Audience, string> = {
  all: 'every respondent',
  sme: 'SMEs',
  non_sme: 'non-SMEs',
};

function checkUnique(items: Array<{ id: string; path: string }>, what: string, add: Add) {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) add(item.path, `duplicate ${what} '${item.id}'`);
    seen.add(item.id);
  }
}

function checkTags(definition: QuestionnaireDefinition, tags: Tags, path: string, add: Add) {
  for (const [dimensionId, values] of Object.entries(tags)) {
    const dimension = definition.dimensions.find((d) => d.id === dimensionId);
    if (!dimension) {
      add(`${path}.${dimensionId}`, `unknown tag dimension '${dimensionId}'; declare it in dimensions`);
      continue;
    }
    values.forEach((value, i) => {
      if (!dimension.values.some((v) => v.id === value))
        add(`${path}.${dimensionId}.${i}`, `'${value}' is not a value of dimension '${dimensionId}'`);
    });
  }
}

/** Why a condition value cannot be compared with an answer to this question, or null if it can. */
function valueProblem(question: Question, value: ConditionValue): string | null {
  switch (question.type) {
    case 'yes_no':
      return typeof value === 'boolean' ? null : 'must be true or false for a yes/no question';
    case 'single_choice':
    case 'multiple_choice':
      return typeof value === 'string' && question.options.some((o) => o.id === value)
        ? null
        : `must be one of the options of '${question.id}'`;
    case 'maturity':
      return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 4
        ? null
        : 'must be a maturity level from 0 to 4';
    case 'number':
      return typeof value === 'number' ? null : 'must be a number';
    case 'date':
      return typeof value === 'string' && isIsoDate(value) ? null : 'must be a date written YYYY-MM-DD';
    case 'text':
      return typeof value === 'string' ? null : 'must be text';
    case 'evidence':
      return 'evidence can only be tested with answered';
    default:
      return question satisfies never;
  }
}

/** `showIf` may look only at questions before `before` (so no cycles) that its audience also sees. */
function checkCondition(
  index: DefinitionIndex,
  condition: Condition,
  at: { path: string; before: number; audience: Audience | null },
  add: Add,
) {
  for (const ref of conditionReferences(condition, at.path)) {
    const target = index.byId.get(ref.questionId);
    const questionPath = `${ref.path}.question`;
    if (!target) {
      add(questionPath, `refers to unknown question '${ref.questionId}'`);
      continue;
    }
    if (target.position >= at.before) {
      add(questionPath, `must refer to an earlier question; '${ref.questionId}' does not come before it`);
      continue;
    }
    if (at.audience && target.audience && target.audience !== 'all' && target.audience !== at.audience) {
      const whom = AUDIENCE_NAMES[at.audience];
      add(questionPath, `'${ref.questionId}' is not shown to ${whom}, so this condition could never see it`);
    }
    const { question } = target;
    if (ref.operator === 'gte' || ref.operator === 'lte') {
      if (question.type !== 'number' && question.type !== 'maturity')
        add(`${ref.path}.${ref.operator}`, `applies only to number and maturity questions`);
    } else if (ref.operator === 'equals' || ref.operator === 'in') {
      ref.values.forEach((value, i) => {
        const problem = valueProblem(question, value);
        if (problem) add(ref.operator === 'in' ? `${ref.path}.in.${i}` : `${ref.path}.equals`, problem);
      });
    }
  }
}

function checkScoring(question: Question, path: string, add: Add) {
  if (!question.scoring) return;
  const scale = scoringScaleOf(question);
  const top = scaleTop(scale);
  const values = scoringValues(question);
  if (values.some((v) => v !== null && v > top))
    add(`${path}.scoring`, `values on the ${scale} scale must be between 0 and ${top}`);
  const max = maxScore(question);
  if (max === null) add(`${path}.scoring`, 'must give at least one answer a score (all are null)');
  const target = question.scoring.target;
  if (target !== undefined && max !== null && target / top > max + 1e-9)
    add(`${path}.scoring.target`, `is above the best score this question can reach (${max * top})`);
}

function checkOptionMap(
  options: ReadonlyArray<{ id: string }>,
  map: Record<string, unknown> | undefined,
  path: string,
  add: Add,
) {
  checkUnique(
    options.map((o, i) => ({ id: o.id, path: `${path}.options.${i}.id` })),
    'option id',
    add,
  );
  if (!map) return;
  for (const option of options) {
    if (!Object.hasOwn(map, option.id))
      add(`${path}.scoring.options`, `has no score for option '${option.id}' (use null for not applicable)`);
  }
  for (const key of Object.keys(map)) {
    if (!options.some((o) => o.id === key)) add(`${path}.scoring.options.${key}`, `is not an option`);
  }
}

function checkQuestion(definition: QuestionnaireDefinition, question: Question, path: string, add: Add) {
  checkScoring(question, path, add);
  switch (question.type) {
    case 'yes_no':
    case 'text':
      return;
    case 'single_choice':
      return checkOptionMap(question.options, question.scoring?.options, path, add);
    case 'multiple_choice': {
      checkOptionMap(question.options, question.scoring?.options, path, add);
      const { minSelected: min, maxSelected: max } = question;
      if (min !== undefined && max !== undefined && min > max)
        add(`${path}.minSelected`, 'must not be greater than maxSelected');
      if ((min ?? 0) > question.options.length)
        add(`${path}.minSelected`, 'asks for more selections than there are options');
      return;
    }
    case 'maturity':
      if (!question.levels === !question.scale)
        add(
          path,
          'give the five level descriptions in levels, or the id of a shared scale in scale (one of them)',
        );
      else if (question.scale && !definition.maturityScales.some((s) => s.id === question.scale))
        add(`${path}.scale`, `unknown maturity scale '${question.scale}'`);
      return;
    case 'number': {
      if (question.min !== undefined && question.max !== undefined && question.min > question.max)
        add(`${path}.min`, 'must not be greater than max');
      const bands = question.scoring?.bands ?? [];
      bands.forEach((band, i) => {
        const at = `${path}.scoring.bands.${i}`;
        if (i === 0 && band.atLeast !== undefined) add(`${at}.atLeast`, 'the first band must be open below');
        if (i === bands.length - 1 && band.below !== undefined)
          add(`${at}.below`, 'the last band must be open above');
        if (band.atLeast !== undefined && band.below !== undefined && band.atLeast >= band.below)
          add(at, 'atLeast must be less than below');
        const next = bands[i + 1];
        if (next && (band.below === undefined || band.below !== next.atLeast))
          add(
            `${at}.below`,
            'must equal the atLeast of the next band, so every number falls in exactly one band',
          );
      });
      return;
    }
    case 'date':
      if (question.min !== undefined && question.max !== undefined && question.min > question.max)
        add(`${path}.min`, 'must not be after max');
      return;
    case 'evidence':
      if (new Set(question.acceptedTypes).size !== question.acceptedTypes.length)
        add(`${path}.acceptedTypes`, 'lists a media type twice');
      return;
    default:
      return question satisfies never;
  }
}

function checkVariant(index: DefinitionIndex, entry: DefinitionIndex['entries'][number], add: Add) {
  const { question, path } = entry;
  if (!question.replaces) return;
  const replacesPath = `${path}.replaces`;
  if (question.audience !== 'sme') {
    add(replacesPath, "only an SME question (audience 'sme') can replace another question");
    return;
  }
  const replaced = index.byId.get(question.replaces);
  if (!replaced) add(replacesPath, `refers to unknown question '${question.replaces}'`);
  else if (replaced.question.audience !== 'non_sme')
    add(
      replacesPath,
      `'${question.replaces}' must have audience 'non_sme' for an SME question to replace it`,
    );
}

export function checkDefinition(definition: QuestionnaireDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const add: Add = (path, message) => problems.push({ path, message });
  const index = indexDefinition(definition);

  checkUnique(
    definition.sections.map((s, i) => ({ id: s.id, path: `sections.${i}.id` })),
    'section id',
    add,
  );
  checkUnique(
    index.entries.map((e) => ({ id: e.question.id, path: `${e.path}.id` })),
    'question id',
    add,
  );
  checkUnique(
    definition.dimensions.map((d, i) => ({ id: d.id, path: `dimensions.${i}.id` })),
    'dimension id',
    add,
  );
  definition.dimensions.forEach((d, i) => {
    checkUnique(
      d.values.map((v, j) => ({ id: v.id, path: `dimensions.${i}.values.${j}.id` })),
      'tag value',
      add,
    );
  });
  checkUnique(
    definition.maturityScales.map((s, i) => ({ id: s.id, path: `maturityScales.${i}.id` })),
    'scale id',
    add,
  );

  definition.sections.forEach((section, i) => {
    checkTags(definition, section.tags, `sections.${i}.tags`, add);
    if (section.showIf) {
      const at = {
        path: `sections.${i}.showIf`,
        before: index.sectionStart[i] ?? 0,
        audience: section.audience,
      };
      checkCondition(index, section.showIf, at, add);
    }
  });

  const replacedBy = new Map<string, string>();
  for (const entry of index.entries) {
    const { question, path } = entry;
    if (entry.audience === null)
      add(
        `${path}.audience`,
        `'${question.audience}' contradicts the section audience '${entry.section.audience}'`,
      );
    checkTags(definition, question.tags, `${path}.tags`, add);
    if (question.showIf) {
      checkCondition(
        index,
        question.showIf,
        { path: `${path}.showIf`, before: entry.position, audience: entry.audience },
        add,
      );
    }
    checkVariant(index, entry, add);
    if (question.replaces) {
      const earlier = replacedBy.get(question.replaces);
      if (earlier) add(`${path}.replaces`, `'${question.replaces}' is already replaced by '${earlier}'`);
      else replacedBy.set(question.replaces, question.id);
    }
    checkQuestion(definition, question, path, add);
  }
  return problems;
}
