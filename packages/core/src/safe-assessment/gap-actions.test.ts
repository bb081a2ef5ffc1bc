import { describe, expect, it } from 'vitest';
import { getSafeMonitoringQuestionnaire } from '../questionnaire/index.js';
import { GapActionLibrary, loadGapActions, recommendActions } from './gap-actions.js';
import library from './gap-actions.json' with { type: 'json' };
import { MINI_ACTIONS } from './safe-assessment.fixtures.js';

const safe = getSafeMonitoringQuestionnaire();
const actions = loadGapActions();
const tagValues = (dimension: string) =>
  safe.dimensions.find((d) => d.id === dimension)?.values.map((v) => `${dimension}:${v.id}`) ?? [];

describe('the shipped gap-action library', () => {
  it('is valid and loads once', () => {
    expect(GapActionLibrary.safeParse(library).success).toBe(true);
    expect(loadGapActions()).toBe(actions);
    expect(actions.actions.length).toBeGreaterThanOrEqual(80);
  });

  it('only addresses tags the SAFE questionnaire defines', () => {
    const known = new Set(['pillar', 'standard', 'theme', 'focus', 'action'].flatMap(tagValues));
    const unknown = actions.actions.flatMap((a) =>
      a.addresses.filter((tag) => !known.has(tag)).map((tag) => `${a.id} ${tag}`),
    );
    expect(unknown).toEqual([]);
  });

  it.each(['standard', 'theme', 'focus', 'action'])(
    'gives every %s two to four actions aimed at it first',
    (dimension) => {
      for (const tag of tagValues(dimension)) {
        const primary = actions.actions.filter((a) => a.addresses[0] === tag);
        expect(primary.length, tag).toBeGreaterThanOrEqual(2);
        expect(primary.length, tag).toBeLessThanOrEqual(4);
      }
    },
  );

  it('writes every action in English and French, with an effort', () => {
    for (const action of actions.actions) {
      expect(action.title.fr, action.id).not.toBe(action.title.en);
      expect(action.description.fr, action.id).not.toBe(action.description.en);
      expect(['low', 'medium', 'high']).toContain(action.effort);
    }
  });

  it('refuses a library with a duplicate id or an unknown dimension, naming the path', () => {
    const first = library.actions[0]!;
    const duplicated = GapActionLibrary.safeParse({ ...library, actions: [first, first] });
    expect(duplicated.success).toBe(false);
    expect(duplicated.error?.issues.map((i) => i.path.join('.'))).toContain('actions.1.id');
    const badTag = GapActionLibrary.safeParse({
      ...library,
      actions: [{ ...first, addresses: ['region:europe'] }],
    });
    expect(badTag.error?.issues[0]?.path.join('.')).toBe('actions.0.addresses.0');
  });
});

describe('recommending actions for tags', () => {
  it.each([
    [
      'standard before theme, low effort first',
      { standard: ['1.1'], theme: ['risk_management'] },
      ['act-three', 'act-one', 'act-two'],
    ],
    ['more tags matched first among equals', { standard: ['1.2'], theme: ['risk_management'] }, ['act-two']],
    ['pillar tags are never matched', { pillar: ['1'] }, []],
    ['unknown dimensions are ignored', { region: ['europe'] }, []],
  ])('%s', (_name, tags, expected) => {
    expect(recommendActions(MINI_ACTIONS, tags, 5).map((a) => a.id)).toEqual(expected);
  });

  it('respects the limit', () => {
    expect(recommendActions(MINI_ACTIONS, { standard: ['1.1'], theme: ['risk_management'] }, 2)).toHaveLength(
      2,
    );
  });
});
