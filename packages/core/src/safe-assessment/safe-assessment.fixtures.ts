import type { QuestionnaireDefinition } from '@aeolus/contracts';
import { parseDefinition } from '../questionnaire/index.js';
import { MATURITY_LEVELS as LEVELS, bilingual as t } from '../shared/questionnaire-text.fixtures.js';
import { type GapActionLibrary, GapActionLibrary as GapActionLibrarySchema } from './gap-actions.js';

/**
 * A four-question SAFE-shaped definition and a four-action library, small enough to score by hand (see the
 * worked example in scoring.test.ts).
 */

export const MINI_SAFE: QuestionnaireDefinition = parseDefinition({
  id: 'safe-mini',
  version: '1.0.0',
  title: t('Mini SAFE', 'Mini SAFE'),
  dimensions: [
    {
      id: 'pillar',
      label: t('Pillar', 'Pilier'),
      values: [
        { id: '1', label: t('P1', 'P1') },
        { id: '2', label: t('P2', 'P2') },
      ],
    },
    {
      id: 'standard',
      label: t('Standard', 'Norme'),
      values: [
        { id: '1.1', label: t('Integrated supply chain', 'Chaîne intégrée') },
        { id: '1.2', label: t('Inspection authority', "Pouvoir d'inspection") },
        { id: '2.1', label: t('Partnership', 'Partenariat') },
      ],
    },
    {
      id: 'theme',
      label: t('Theme', 'Thème'),
      values: [{ id: 'risk_management', label: t('Risk', 'Risque') }],
    },
  ],
  sections: [
    {
      id: 'p1',
      title: t('Pillar 1', 'Pilier 1'),
      tags: { pillar: '1' },
      questions: [
        {
          id: 'q_a',
          type: 'maturity',
          label: t('A', 'A'),
          levels: LEVELS,
          weight: 3,
          scoring: { target: 3 },
          tags: { standard: '1.1', theme: 'risk_management' },
        },
        {
          id: 'q_b',
          type: 'yes_no',
          label: t('B', 'B'),
          weight: 1,
          scoring: { yes: 1, no: 0 },
          tags: { standard: '1.1' },
        },
        {
          id: 'q_c',
          type: 'maturity',
          label: t('C', 'C'),
          levels: LEVELS,
          weight: 2,
          scoring: {},
          tags: { standard: '1.2', theme: 'risk_management' },
        },
      ],
    },
    {
      id: 'p2',
      title: t('Pillar 2', 'Pilier 2'),
      tags: { pillar: '2' },
      questions: [
        {
          id: 'q_d',
          type: 'single_choice',
          label: t('D', 'D'),
          options: [
            { id: 'none', label: t('None', 'Aucun') },
            { id: 'partial', label: t('Partial', 'Partiel') },
            { id: 'full', label: t('Full', 'Complet') },
          ],
          weight: 2,
          scoring: { options: { none: 0, partial: 0.5, full: 1 } },
          tags: { standard: '2.1' },
        },
      ],
    },
  ],
});

const action = (id: string, addresses: string[], effort: 'low' | 'medium' | 'high') => ({
  id,
  addresses,
  effort,
  title: t(`Action ${id}`, `Action ${id}`),
  description: t(`Do ${id}`, `Faire ${id}`),
});

export const MINI_ACTIONS: GapActionLibrary = GapActionLibrarySchema.parse({
  version: '1.0.0',
  actions: [
    action('act-one', ['standard:1.1'], 'high'),
    action('act-two', ['theme:risk_management', 'standard:1.2'], 'low'),
    action('act-three', ['standard:1.1'], 'low'),
    action('act-four', ['pillar:1'], 'low'),
    action('act-five', ['standard:2.1'], 'medium'),
  ],
});
