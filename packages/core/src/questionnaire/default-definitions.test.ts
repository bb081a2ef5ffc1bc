import type {
  LocalisedText,
  Question,
  QuestionnaireDefinition,
  QuestionnaireProfile,
} from '@aeolus/contracts';
import { describe, expect, it } from 'vitest';
import { getDefaultAeoSaq, getShippedDefinition, listShippedDefinitionIds } from './default-definitions.js';
import aeoSaqJson from './definitions/aeo-saq.json' with { type: 'json' };
import { validateResponse } from './questionnaire.answers.js';
import { validateDefinition } from './questionnaire.definition.js';
import { indexDefinition, questionsForProfile, resolveVisibility } from './questionnaire.engine.js';
import { NON_SME, SME } from './questionnaire.fixtures.js';
import { scoreResponse } from './questionnaire.report.js';
import { maxScore, scoreAnswer } from './questionnaire.scoring.js';

const saq = getDefaultAeoSaq();
const HEADINGS = Array.from({ length: 13 }, (_, i) => String(i + 1));
const DOC = '7f0c1a52-3b7e-4f4e-9d1a-2b9f1e0c6a11';

/** The best answer a question allows (gates answered "yes" so that every follow-up shows). */
function bestAnswer(question: Question): unknown {
  switch (question.type) {
    case 'yes_no':
      return question.scoring ? (question.scoring.yes ?? 0) >= (question.scoring.no ?? 0) : true;
    case 'single_choice':
      return question.options.reduce((best, o) =>
        (scoreAnswer(question, o.id) ?? -1) > (scoreAnswer(question, best.id) ?? -1) ? o : best,
      ).id;
    case 'multiple_choice':
      return question.scoring
        ? question.options.filter((o) => !o.exclusive).map((o) => o.id)
        : [question.options[0]!.id];
    case 'maturity':
      return 4;
    case 'number': {
      const top = question.scoring?.bands.at(-1)?.atLeast;
      return Math.min(question.max ?? 10, Math.max(question.min ?? 0, top ?? 10));
    }
    case 'date':
      return '2024-06-30';
    case 'text':
      return 'Explained in full.';
    case 'evidence':
      return [DOC];
    default:
      return question satisfies never;
  }
}

/** Answers every question of the profile, then drops those left hidden (as a respondent's form would). */
function answerAll(definition: QuestionnaireDefinition, profile: QuestionnaireProfile, pick = bestAnswer) {
  const all = Object.fromEntries(
    questionsForProfile(definition, profile).map((e) => [e.question.id, pick(e.question)]),
  );
  const visibility = resolveVisibility(definition, all, profile);
  return Object.fromEntries(Object.entries(all).filter(([id]) => visibility.get(id) === 'visible'));
}

const texts = (definition: QuestionnaireDefinition): Array<[string, LocalisedText]> =>
  indexDefinition(definition).entries.flatMap(({ question, path }) => [
    [`${path}.label`, question.label] as [string, LocalisedText],
    ...(question.guidance ? [[`${path}.guidance`, question.guidance] as [string, LocalisedText]] : []),
    ...('options' in question
      ? question.options.map((o, i) => [`${path}.options.${i}`, o.label] as [string, LocalisedText])
      : []),
  ]);

describe('the shipped AEO self-assessment questionnaire', () => {
  it('is a valid definition', () => {
    expect(validateDefinition(aeoSaqJson).problems).toEqual([]);
    expect(listShippedDefinitionIds()).toContain('aeo-saq-default');
    expect(getShippedDefinition('aeo-saq-default')).toBe(saq);
    expect(saq).toMatchObject({ id: 'aeo-saq-default', version: '1.0.0' });
  });

  it.each([
    ['full', NON_SME],
    ['SME', SME],
  ] as const)('covers all 13 SAFE AEO headings with scored questions in the %s variant', (_name, profile) => {
    const entries = questionsForProfile(saq, profile).filter((e) => maxScore(e.question) !== null);
    for (const heading of HEADINGS) {
      const covering = entries.filter((e) => e.tags.aeoHeading?.includes(heading));
      expect(covering.length, `heading ${heading}`).toBeGreaterThanOrEqual(2);
    }
    const dimension = saq.dimensions.find((d) => d.id === 'aeoHeading')!;
    expect(dimension.values.map((v) => v.id)).toEqual(HEADINGS);
  });

  it('has every text in English and French, and the French is not a copy of the English', () => {
    const all: Array<[string, LocalisedText]> = [
      ['title', saq.title],
      ...saq.sections.map((s, i) => [`sections.${i}.title`, s.title] as [string, LocalisedText]),
      ...saq.dimensions[0]!.values.map(
        (v, i) => [`dimensions.0.values.${i}`, v.label] as [string, LocalisedText],
      ),
      ...saq.maturityScales[0]!.levels.map(
        (l, i) => [`maturityScales.0.levels.${i}`, l.description] as [string, LocalisedText],
      ),
      ...texts(saq),
    ];
    const copied = all.filter(([, text]) => text.fr === text.en && !/^[A-Z0-9 /().-]+$/.test(text.en));
    expect(copied.map(([path]) => path)).toEqual([]);
    for (const [, text] of all) expect(text.en.trim() && text.fr.trim()).toBeTruthy();
  });

  it('gives every question guidance in both languages', () => {
    const missing = indexDefinition(saq)
      .entries.filter((e) => !e.question.guidance)
      .map((e) => e.question.id);
    expect(missing).toEqual([]);
  });

  it('is realistic in size, and noticeably shorter for SMEs', () => {
    const full = questionsForProfile(saq, NON_SME).length;
    const sme = questionsForProfile(saq, SME).length;
    expect(full).toBeGreaterThanOrEqual(50);
    expect(full).toBeLessThanOrEqual(85);
    expect(sme).toBeLessThanOrEqual(Math.floor(full * 0.8));
  });

  it('chooses the SME variant with simpler questions and alternative evidence', () => {
    const smeIds = questionsForProfile(saq, SME).map((e) => e.question.id);
    expect(smeIds).toEqual(
      expect.arrayContaining(['records_description_sme', 'financial_statements_sme', 'premises_plan_sme']),
    );
    expect(smeIds).not.toContain('financial_statements');
    const variants = indexDefinition(saq).entries.filter((e) => e.question.replaces);
    expect(variants.length).toBeGreaterThanOrEqual(8);
    for (const variant of variants) {
      const replaced = indexDefinition(saq).byId.get(variant.question.replaces!)!;
      expect(variant.tags.aeoHeading).toEqual(replaced.tags.aeoHeading);
    }
  });

  it('asks about subcontracted carriers and own conveyances only when they apply', () => {
    const base = answerAll(saq, NON_SME);
    const none = { ...base, profile_own_conveyances: false, profile_subcontracts_transport: false };
    const visibility = resolveVisibility(saq, none, NON_SME);
    expect(visibility.get('partners_carrier_vetting')).toBe('condition_not_met');
    expect(visibility.get('conveyance_inspection')).toBe('section_hidden');
    const subcontracting = resolveVisibility(saq, { ...none, profile_subcontracts_transport: true }, NON_SME);
    expect(subcontracting.get('partners_carrier_vetting')).toBe('visible');
    expect(subcontracting.get('conveyance_subcontractor_requirements')).toBe('visible');
    expect(subcontracting.get('conveyance_inspection')).toBe('condition_not_met');
  });

  it.each([
    ['full', NON_SME],
    ['SME', SME],
  ] as const)(
    'accepts a complete %s response and scores the best answers 100 with no gaps',
    (_name, profile) => {
      const answers = answerAll(saq, profile);
      expect(validateResponse(saq, answers, { profile }).problems).toEqual([]);
      const report = scoreResponse(saq, answers, { profile });
      expect(report.overall.percent).toBe(100);
      expect(report.gaps).toEqual([]);
      expect(report.dimensions[0]!.groups.every((g) => g.percent === 100)).toBe(true);
    },
  );

  it('ranks the gaps of a weak response, heaviest first', () => {
    const weakest = (question: Question) =>
      question.type === 'yes_no' && question.scoring ? question.scoring.yes === 0 : bestAnswer(question);
    const answers = { ...answerAll(saq, NON_SME), ...answerAll(saq, NON_SME, weakest) };
    const report = scoreResponse(saq, answers, { profile: NON_SME });
    expect(report.overall.percent).toBeLessThan(100);
    expect(report.gaps[0]!.weight).toBe(3);
    expect(report.gaps.map((g) => g.questionId)).toContain('records_audit_trail');
  });
});
