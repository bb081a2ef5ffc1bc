import type { LocalisedText, Question } from '@aeolus/contracts';
import { describe, expect, it } from 'vitest';
import {
  getSafeMonitoringQuestionnaire,
  getShippedDefinition,
  listShippedDefinitionIds,
} from './default-definitions.js';
import safeMonitoringJson from './definitions/safe-monitoring.json' with { type: 'json' };
import { validateResponse } from './questionnaire.answers.js';
import { validateDefinition } from './questionnaire.definition.js';
import { indexDefinition, maturityLevelsOf, resolveVisibility } from './questionnaire.engine.js';
import { NON_SME } from './questionnaire.fixtures.js';
import { scoreResponse } from './questionnaire.report.js';
import { maxScore, scoreAnswer } from './questionnaire.scoring.js';

const safe = getSafeMonitoringQuestionnaire();
const index = indexDefinition(safe);
const DOC = '7f0c1a52-3b7e-4f4e-9d1a-2b9f1e0c6a11';
const valuesOf = (dimension: string) =>
  safe.dimensions.find((d) => d.id === dimension)?.values.map((v) => v.id);
const scored = index.entries.filter((e) => maxScore(e.question) !== null);

/** The best answer each question allows; gates open so that every follow-up shows. */
function bestAnswer(question: Question): unknown {
  switch (question.type) {
    case 'yes_no':
      return question.scoring ? (question.scoring.yes ?? 0) >= (question.scoring.no ?? 0) : true;
    case 'single_choice':
      return question.options.reduce((best, o) =>
        (scoreAnswer(question, o.id) ?? -1) > (scoreAnswer(question, best.id) ?? -1) ? o : best,
      ).id;
    case 'multiple_choice':
      return question.options.filter((o) => !o.exclusive).map((o) => o.id);
    case 'maturity':
      return 4;
    case 'number':
      return Math.min(question.max ?? 2030, Math.max(question.min ?? 0, 2024));
    case 'date':
      return '2024-06-30';
    case 'text':
      return 'Customs strategy 2024–2028';
    case 'evidence':
      return [DOC];
    default:
      return question satisfies never;
  }
}

function answerAll(pick: (q: Question) => unknown): Record<string, unknown> {
  const all = Object.fromEntries(index.entries.map((e) => [e.question.id, pick(e.question)]));
  const visibility = resolveVisibility(safe, all, NON_SME);
  return Object.fromEntries(Object.entries(all).filter(([id]) => visibility.get(id) === 'visible'));
}

describe('the shipped SAFE monitoring questionnaire', () => {
  it('is a valid definition, shipped beside the AEO SAQ', () => {
    expect(validateDefinition(safeMonitoringJson).problems).toEqual([]);
    expect(listShippedDefinitionIds()).toEqual(
      expect.arrayContaining(['aeo-saq-default', 'safe-monitoring']),
    );
    expect(getShippedDefinition('safe-monitoring')).toBe(safe);
    expect(safe).toMatchObject({ id: 'safe-monitoring', version: '1.0.0' });
  });

  it('declares the SAFE dimensions with every pillar, standard, theme, focus area and resilience action', () => {
    expect(safe.dimensions.map((d) => d.id)).toEqual(['pillar', 'standard', 'theme', 'focus', 'action']);
    expect(valuesOf('pillar')).toEqual(['1', '2', '3']);
    // Pillar 1: 11 standards of the framework plus smart security devices (2021, numbering unverified);
    // Pillar 2: the six customs-to-business standards; Pillar 3: our grouping of its cooperation topics.
    expect(valuesOf('standard')).toEqual([
      ...Array.from({ length: 12 }, (_, i) => `1.${i + 1}`),
      ...Array.from({ length: 6 }, (_, i) => `2.${i + 1}`),
      ...Array.from({ length: 7 }, (_, i) => `3.${i + 1}`),
    ]);
    expect(valuesOf('theme')).toEqual([
      'customs_cooperation',
      'information_sharing',
      'risk_management',
      'capacity_building',
    ]);
    expect(valuesOf('focus')).toEqual(['technology', 'e_commerce', 'green_customs', 'data_strategy']);
    expect(valuesOf('action')).toHaveLength(10);
  });

  it.each(['standard', 'theme', 'focus', 'action'])(
    'measures every %s value with at least one always-visible maturity question',
    (dimension) => {
      for (const value of valuesOf(dimension) ?? []) {
        const covering = scored.filter((e) => e.tags[dimension]?.includes(value));
        const maturity = covering.filter((e) => e.question.type === 'maturity' && !e.question.showIf);
        expect(maturity.length, `${dimension} ${value}`).toBeGreaterThanOrEqual(1);
      }
    },
  );

  it('tags every standard with the pillar it belongs to', () => {
    for (const entry of scored.filter((e) => e.tags.standard)) {
      for (const standard of entry.tags.standard ?? []) {
        if (entry.tags.pillar) expect(entry.tags.pillar, entry.question.id).toContain(standard.split('.')[0]);
      }
    }
    const pillarQuestions = scored.filter((e) => e.tags.pillar);
    for (const pillar of ['1', '2', '3'])
      expect(pillarQuestions.filter((e) => e.tags.pillar?.includes(pillar)).length).toBeGreaterThanOrEqual(8);
  });

  it('describes five distinct levels for every maturity question and sets a reachable target', () => {
    const maturity = index.entries.filter((e) => e.question.type === 'maturity');
    expect(maturity.length).toBeGreaterThanOrEqual(40);
    for (const { question } of maturity) {
      const levels = maturityLevelsOf(safe, question) ?? [];
      expect(levels, question.id).toHaveLength(5);
      expect(new Set(levels.map((l) => l.description.en)).size, question.id).toBe(5);
      expect(new Set(levels.map((l) => l.description.fr)).size, question.id).toBe(5);
      const target = question.scoring?.target;
      expect(target, question.id).toBeGreaterThanOrEqual(2);
      expect(target, question.id).toBeLessThanOrEqual(4);
    }
  });

  it('mixes question types and weights', () => {
    const types = new Set(index.entries.map((e) => e.question.type));
    expect([...types].sort()).toEqual(
      ['date', 'evidence', 'maturity', 'multiple_choice', 'number', 'single_choice', 'text', 'yes_no'].sort(),
    );
    expect(new Set(scored.map((e) => e.question.weight)).size).toBeGreaterThanOrEqual(4);
  });

  it('has guidance and every text in English and French, the French not a copy of the English', () => {
    const texts: Array<[string, LocalisedText]> = [
      ['title', safe.title],
      ...safe.sections.map((s, i) => [`sections.${i}.title`, s.title] as [string, LocalisedText]),
      ...safe.dimensions.flatMap((d) =>
        d.values.map((v) => [`${d.id}.${v.id}`, v.label] as [string, LocalisedText]),
      ),
    ];
    for (const { question, path } of index.entries) {
      expect(question.guidance, `${path} guidance`).toBeDefined();
      texts.push([`${path}.label`, question.label], [`${path}.guidance`, question.guidance!]);
      for (const [i, level] of (maturityLevelsOf(safe, question) ?? []).entries())
        texts.push([`${path}.levels.${i}`, level.description]);
      if ('options' in question)
        for (const [i, option] of question.options.entries())
          texts.push([`${path}.options.${i}`, option.label]);
    }
    // Short proper labels (e.g. "2.5 Communication", "Initial") legitimately read the same in both languages.
    const copied = texts.filter(([, t]) => t.fr === t.en && t.en.length > 30).map(([path]) => path);
    expect(copied).toEqual([]);
  });

  it('asks AEO follow-ups only when a programme runs, and e-commerce follow-ups only when relevant', () => {
    const none = { aeo_programme_status: 'none', focus_ecommerce_significant: false };
    const hidden = resolveVisibility(safe, none, NON_SME);
    for (const id of ['aeo_count', 'aeo_roles', 'aeo_benefits', 'mras_signed', 'res_aeo_realtime_notices'])
      expect(hidden.get(id), id).toBe('condition_not_met');
    expect(hidden.get('focus_postal_advance_data')).toBe('condition_not_met');
    expect(hidden.get('p2_authorization')).toBe('visible');
    const running = resolveVisibility(
      safe,
      { aeo_programme_status: 'operational', focus_ecommerce_significant: true },
      NON_SME,
    );
    for (const id of ['aeo_count', 'aeo_roles', 'mras_signed', 'focus_postal_advance_data'])
      expect(running.get(id), id).toBe('visible');
  });

  it('accepts a complete response and scores the best answers 100 with no gaps', () => {
    const answers = answerAll(bestAnswer);
    expect(validateResponse(safe, answers, { profile: NON_SME }).problems).toEqual([]);
    const report = scoreResponse(safe, answers, { profile: NON_SME });
    expect(report.overall.percent).toBe(100);
    expect(report.gaps).toEqual([]);
    for (const dimension of report.dimensions)
      for (const group of dimension.groups) expect(group.percent, `${dimension.id} ${group.id}`).toBe(100);
  });

  it('scores a response with every maturity at 0 and every yes/no at no near the bottom', () => {
    const worst = (q: Question) =>
      q.type === 'maturity'
        ? 0
        : q.type === 'yes_no'
          ? false
          : q.type === 'single_choice'
            ? q.options[0]!.id
            : bestAnswer(q);
    const report = scoreResponse(safe, answerAll(worst), { profile: NON_SME });
    expect(report.overall.percent).toBeLessThan(25);
    expect(report.gaps[0]!.weight).toBe(3);
  });
});
