import type { AeoProgramme } from '@aeolus/contracts';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api.js';
import {
  addCriterion,
  changeHeading,
  groupByHeading,
  moveWithinHeading,
  problemsByPath,
  toCriterionDrafts,
  toUpdateBody,
} from './programme-form.js';

const c = (code: string, safeHeading: number) => ({ code, safeHeading });
const codes = (list: { code: string }[]) => list.map((x) => x.code);

describe('criteria grouped by SAFE heading', () => {
  const list = [c('a1', 1), c('b7', 7), c('a2', 1), c('c7', 7), c('d13', 13)];

  it('gives all 13 headings, empty ones included, with each item’s index in the catalogue', () => {
    const groups = groupByHeading(list);
    expect(groups.map((g) => g.heading)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(groups[0]!.items.map((i) => [i.item.code, i.index])).toEqual([
      ['a1', 0],
      ['a2', 2],
    ]);
    expect(groups[1]!.items).toEqual([]);
    expect(groups[12]!.items.map((i) => i.index)).toEqual([4]);
  });

  it('moves a criterion past the criteria of other headings, and not beyond its own group', () => {
    expect(codes(moveWithinHeading(list, 2, -1))).toEqual(['a2', 'b7', 'a1', 'c7', 'd13']);
    expect(codes(moveWithinHeading(list, 1, 1))).toEqual(['a1', 'c7', 'a2', 'b7', 'd13']);
    expect(codes(moveWithinHeading(list, 0, -1))).toEqual(codes(list));
    expect(codes(moveWithinHeading(list, 4, 1))).toEqual(codes(list));
  });

  it('a criterion given another heading goes to the end of that group', () => {
    const moved = changeHeading(list, 0, 7);
    expect(moved.map((x) => [x.code, x.safeHeading])).toEqual([
      ['b7', 7],
      ['a2', 1],
      ['c7', 7],
      ['a1', 7],
      ['d13', 13],
    ]);
    expect(codes(changeHeading(list, 0, 5))).toEqual(['b7', 'a2', 'c7', 'd13', 'a1']);
  });

  it('adds a blank criterion at the end of its heading group', () => {
    const drafts = list.map((x) => ({
      ...x,
      key: x.code,
      title: { en: x.code, fr: x.code },
      description: { en: '', fr: '' },
      categories: [],
      onSiteByDefault: false,
    }));
    const added = addCriterion(drafts, 1);
    expect(added.map((x) => x.code)).toEqual(['a1', 'b7', 'a2', '', 'c7', 'd13']);
    expect(added[3]).toMatchObject({ safeHeading: 1, title: { en: '', fr: '' } });
  });
});

describe('the programme as a PUT body', () => {
  const programme = {
    id: 'p',
    administrationId: 'a',
    name: { en: 'AEO', fr: 'OEA' },
    identifierPrefix: 'AEO',
    categories: [],
    eligibleRoles: ['carrier'],
    validity: { kind: 'open_ended', reassessmentYears: 3 },
    clocks: { acceptanceDays: 30, decisionDays: 120, maxExtensionDays: 60, effectDays: 5 },
    benefits: [],
    criteria: [
      {
        id: 'x',
        position: 1,
        ...c('second', 2),
        title: { en: '', fr: '' },
        description: { en: '', fr: '' },
        categories: [],
        onSiteByDefault: false,
      },
      {
        id: 'y',
        position: 0,
        ...c('first', 1),
        title: { en: '', fr: '' },
        description: { en: '', fr: '' },
        categories: [],
        onSiteByDefault: true,
      },
    ],
    saqDefinitionId: null,
    updatedAt: '2025-01-01T00:00:00.000Z',
  } satisfies AeoProgramme;

  it('keeps the settings, and sends criteria in catalogue order without ids', () => {
    const body = toUpdateBody(programme);
    expect(Object.keys(body).sort()).toEqual([
      'benefits',
      'categories',
      'clocks',
      'criteria',
      'eligibleRoles',
      'identifierPrefix',
      'name',
      'validity',
    ]);
    expect(body.criteria.map((x) => x.code)).toEqual(['first', 'second']);
    expect(body.criteria[0]).not.toHaveProperty('id');
    expect(toCriterionDrafts(programme).map((d) => d.key)).toEqual(['y', 'x']);
  });
});

describe('server problems by path', () => {
  it('keeps the full path (without the request location) and the first message of each', () => {
    const error = new ApiError({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: 'Invalid input',
      details: {
        problems: [
          { path: 'body.clocks.decisionDays', message: 'Too big' },
          { path: 'body.clocks.decisionDays', message: 'second' },
          { path: 'criteria.3.title.fr', message: 'Required' },
        ],
      },
    });
    expect(problemsByPath(error)).toEqual({
      'clocks.decisionDays': 'Too big',
      'criteria.3.title.fr': 'Required',
    });
    expect(problemsByPath(new Error('x'))).toEqual({});
  });
});
