import { QuestionnaireDefinition } from '@aeolus/contracts';
import { describe, expect, it } from 'vitest';
import { viewAnswers } from './saq-answers.js';

const l = (text: string) => ({ en: text, fr: `${text} (fr)` });
const definition = QuestionnaireDefinition.parse({
  id: 'saq-test',
  version: 1,
  title: l('SAQ'),
  sections: [
    {
      id: 'profile',
      title: l('Profile'),
      questions: [
        { id: 'handles', type: 'yes_no', label: l('Handles goods?') },
        { id: 'staff', type: 'number', label: l('Staff'), unit: l('employees'), audience: 'non_sme' },
        { id: 'staff_sme', type: 'number', label: l('Staff (SME)'), audience: 'sme' },
        {
          id: 'roles',
          type: 'multiple_choice',
          label: l('Roles'),
          options: [
            { id: 'carrier', label: l('Carrier') },
            { id: 'importer', label: l('Importer') },
          ],
        },
      ],
    },
    {
      id: 'premises',
      title: l('Premises'),
      showIf: { question: 'handles', equals: true },
      questions: [
        {
          id: 'fence',
          type: 'maturity',
          label: l('Perimeter'),
          levels: [0, 1, 2, 3, 4].map((n) => ({ label: l(`L${n}`), description: l(`Level ${n}`) })),
        },
        { id: 'plan', type: 'evidence', label: l('Site plan'), acceptedTypes: ['application/pdf'] },
        { id: 'since', type: 'date', label: l('Since'), required: false },
      ],
    },
  ],
});
const DOC = '00000000-0000-4000-8000-0000000000d1';

describe('viewAnswers', () => {
  it('shows the questions the operator saw, with their answers, section by section', () => {
    const sections = viewAnswers(
      definition,
      { handles: true, staff: 240, staff_sme: 12, roles: ['carrier'], fence: 3, plan: [DOC] },
      'standard',
    );
    expect(sections.map((s) => s.id)).toEqual(['profile', 'premises']);
    expect(sections[0]!.questions.map((q) => [q.id, q.answer])).toEqual([
      ['handles', { kind: 'yesNo', value: true }],
      ['staff', { kind: 'number', value: 240, unit: l('employees') }], // the SME question is not shown
      ['roles', { kind: 'options', labels: [l('Carrier')] }],
    ]);
    expect(sections[1]!.questions.map((q) => q.answer)).toEqual([
      { kind: 'maturity', level: 3, label: l('L3') },
      { kind: 'documents', ids: [DOC] },
      { kind: 'none' },
    ]);
  });

  it('hides a section whose condition the answers do not meet, and the SME variant swaps questions', () => {
    const sections = viewAnswers(definition, { handles: false, staff_sme: 12, fence: 3 }, 'sme');
    expect(sections.map((s) => s.id)).toEqual(['profile']);
    expect(sections[0]!.questions.map((q) => q.id)).toEqual(['handles', 'staff_sme', 'roles']);
  });

  it('shows an answer that does not fit its question as it is stored', () => {
    const [profile] = viewAnswers(definition, { handles: 'yes', roles: ['pilot'] }, 'standard');
    expect(profile!.questions[0]!.answer).toEqual({ kind: 'raw', value: '"yes"' });
    expect(profile!.questions[2]!.answer).toEqual({ kind: 'raw', value: '["pilot"]' });
  });
});
