import type { AeoApplicationDetail, AeoCriterion } from '@aeolus/contracts';
import { describe, expect, it } from 'vitest';
import { checklistBody, checklistDraft } from './checklist.js';
import { caseCriteria, onSiteFirst, planBody, planDraft } from './criteria.js';

const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const criterion = (n: number, over: Partial<AeoCriterion> = {}): AeoCriterion => ({
  id: id(n),
  code: `c${n}`,
  title: { en: `Criterion ${n}`, fr: `Critère ${n}` },
  description: { en: 'd', fr: 'd' },
  safeHeading: n,
  categories: [],
  onSiteByDefault: false,
  position: n,
  ...over,
});
type Item = AeoApplicationDetail['checklist'][number];
const item = (n: number, over: Partial<Item> = {}): Item => ({
  criterionId: id(n),
  onSite: false,
  planReason: null,
  result: null,
  notes: null,
  documentIds: [],
  recordedAt: null,
  ...over,
});

const criteria = [
  criterion(3, { categories: ['S', 'F'], onSiteByDefault: true }),
  criterion(1),
  criterion(2, { categories: ['C'] }),
  criterion(4, { categories: ['C'] }),
];

describe('caseCriteria', () => {
  it('keeps the criteria of the category applied for (and any already planned), in programme order', () => {
    const rows = caseCriteria(criteria, 'F', [item(4, { onSite: true, planReason: 'Asked for' })]);
    expect(rows.map((r) => r.criterion.code)).toEqual(['c1', 'c3', 'c4']);
    expect(rows.map((r) => r.onSite)).toEqual([false, true, true]); // default, default, the plan's choice
    expect(onSiteFirst(rows).map((r) => r.criterion.code)).toEqual(['c3', 'c4', 'c1']);
  });

  it('the plan says why each on-site criterion is examined; the others need no reason', () => {
    const rows = caseCriteria(criteria, 'F', [item(4, { onSite: true, planReason: 'Asked for' })]);
    const draft = planDraft(rows);
    expect(planBody(draft)).toEqual({ ok: false, missingReason: [id(3)] });
    const fixed = draft.map((r) => (r.criterionId === id(3) ? { ...r, reason: ' Night access ' } : r));
    expect(planBody(fixed)).toEqual({
      ok: true,
      items: [
        { criterionId: id(1), onSite: false },
        { criterionId: id(3), onSite: true, reason: 'Night access' },
        { criterionId: id(4), onSite: true, reason: 'Asked for' },
      ],
    });
  });
});

describe('checklistBody', () => {
  const rows = caseCriteria(criteria, 'F', [item(3, { onSite: true, result: 'met', notes: 'Fine' })]);

  it('starts from what was recorded, and sends only criteria with a result', () => {
    const draft = checklistDraft(rows);
    expect(draft.find((r) => r.criterionId === id(3))).toMatchObject({ result: 'met', notes: 'Fine' });
    expect(checklistBody(draft)).toEqual({
      ok: true,
      body: { results: [{ criterionId: id(3), result: 'met', notes: 'Fine', documentIds: [] }] },
    });
  });

  it('points at notes or evidence left without a result, and at an empty checklist', () => {
    const draft = checklistDraft(rows).map((r) =>
      r.criterionId === id(1) ? { ...r, documentIds: [id(9)] } : r,
    );
    expect(checklistBody(draft)).toEqual({ ok: false, missingResult: [id(1)], empty: false });
    const blank = checklistDraft(caseCriteria(criteria, 'F', []));
    expect(checklistBody(blank)).toEqual({ ok: false, missingResult: [], empty: true });
  });
});
