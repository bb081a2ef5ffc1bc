import {
  type Audience,
  combineAudience,
  isForProfile,
  type Question,
  type QuestionnaireDefinition,
  type QuestionnaireProfile,
  resolveVisibility,
  type Section,
} from '@aeolus/contracts';

// Visibility (audiences, `showIf`) is pure and shared with the web form: it lives in contracts.
export {
  combineAudience,
  isForProfile,
  maturityLevelsOf,
  resolveVisibility,
  type Visibility,
} from '@aeolus/contracts';

/**
 * The engine's view of a definition: questions in document order with what they inherit (section
 * audience and tags, an SME variant's tags from the question it replaces) resolved once. Validation,
 * visibility and scoring all walk this index, so they cannot disagree about what a question is.
 */
export interface QuestionEntry {
  question: Question;
  section: Section;
  sectionIndex: number;
  /** Position in document order across all sections: "earlier" in `showIf` means a smaller position. */
  position: number;
  /** JSON path of the question in the definition, e.g. `sections.2.questions.0`. */
  path: string;
  /** Section and question audience combined; null when they contradict (an invalid definition). */
  audience: Audience | null;
  tags: Record<string, string[]>;
}

export interface DefinitionIndex {
  definition: QuestionnaireDefinition;
  entries: QuestionEntry[];
  byId: Map<string, QuestionEntry>;
  /** Position of the first question of each section (a section's `showIf` may look only before it). */
  sectionStart: number[];
}

const cache = new WeakMap<QuestionnaireDefinition, DefinitionIndex>();

/** Definitions are treated as immutable once parsed, so the index is cached per definition object. */
export function indexDefinition(definition: QuestionnaireDefinition): DefinitionIndex {
  const cached = cache.get(definition);
  if (cached) return cached;
  const entries: QuestionEntry[] = [];
  const byId = new Map<string, QuestionEntry>();
  const sectionStart: number[] = [];
  definition.sections.forEach((section, sectionIndex) => {
    sectionStart.push(entries.length);
    section.questions.forEach((question, questionIndex) => {
      const entry: QuestionEntry = {
        question,
        section,
        sectionIndex,
        position: entries.length,
        path: `sections.${sectionIndex}.questions.${questionIndex}`,
        audience: combineAudience(section.audience, question.audience),
        tags: { ...section.tags, ...question.tags },
      };
      entries.push(entry);
      if (!byId.has(question.id)) byId.set(question.id, entry);
    });
  });
  // An SME variant measures the same thing as the question it stands in for, so it is aggregated under the
  // same tags unless it says otherwise.
  for (const entry of entries) {
    const replaced = entry.question.replaces ? byId.get(entry.question.replaces) : undefined;
    if (replaced && replaced !== entry) {
      entry.tags = { ...entry.section.tags, ...replaced.tags, ...entry.question.tags };
    }
  }
  const index = { definition, entries, byId, sectionStart };
  cache.set(definition, index);
  return index;
}

/** The questions this respondent sees now, in order: what a form renders. */
export function visibleQuestions(
  definition: QuestionnaireDefinition,
  answers: Record<string, unknown>,
  profile: QuestionnaireProfile,
): QuestionEntry[] {
  const visibility = resolveVisibility(definition, answers, profile);
  return indexDefinition(definition).entries.filter((e) => visibility.get(e.question.id) === 'visible');
}

/**
 * The variant of the questionnaire for a profile, before any condition: for an SME, the `sme` and `all`
 * questions (an SME alternative takes the place of the full question it replaces); for others, `non_sme`
 * and `all`.
 */
export function questionsForProfile(
  definition: QuestionnaireDefinition,
  profile: QuestionnaireProfile,
): QuestionEntry[] {
  return indexDefinition(definition).entries.filter((e) => isForProfile(e.audience, profile));
}
