import type { QuestionnaireDefinition, QuestionnaireDefinitionInput } from '@aeolus/contracts';
import { MATURITY_LEVELS as LEVELS, bilingual as t } from '../shared/questionnaire-text.fixtures.js';
import { parseDefinition } from './questionnaire.definition.js';

/**
 * A small definition that uses every question type, both scales, tags, a tag target, a shared maturity
 * scale, conditions and an SME variant. Tests share it (and copy it before breaking it).
 */

export const FIXTURE_INPUT = {
  id: 'fixture',
  version: 1,
  title: t('Fixture questionnaire', 'Questionnaire de test'),
  dimensions: [
    {
      id: 'heading',
      label: t('Heading', 'Rubrique'),
      values: [
        { id: '1', label: t('Records', 'Registres') },
        { id: '2', label: t('Security', 'Sûreté') },
        { id: '3', label: t('People', 'Personnel'), target: 50 },
      ],
    },
    {
      id: 'theme',
      label: t('Theme', 'Thème'),
      values: [
        { id: 'people', label: t('People', 'Personnes') },
        { id: 'process', label: t('Process', 'Processus') },
      ],
    },
  ],
  maturityScales: [{ id: 'generic', levels: LEVELS }],
  sections: [
    {
      id: 'profile',
      title: t('Profile', 'Profil'),
      questions: [
        { id: 'subcontracts', type: 'yes_no', label: t('Subcontract transport?', 'Sous-traitez-vous ?') },
        {
          id: 'staff',
          type: 'number',
          label: t('Staff', 'Effectif'),
          integer: true,
          min: 0,
          max: 100_000,
          unit: t('people', 'personnes'),
        },
      ],
    },
    {
      id: 'records',
      title: t('Records', 'Registres'),
      tags: { heading: '1' },
      questions: [
        {
          id: 'audit_trail',
          type: 'yes_no',
          label: t('Audit trail?', 'Piste d’audit ?'),
          weight: 3,
          scoring: { yes: 1, no: 0 },
        },
        {
          id: 'backup',
          type: 'single_choice',
          label: t('Backups?', 'Sauvegardes ?'),
          weight: 2,
          options: [
            { id: 'daily', label: t('Daily', 'Quotidienne') },
            { id: 'weekly', label: t('Weekly', 'Hebdomadaire') },
            { id: 'never', label: t('Never', 'Jamais') },
          ],
          scoring: { options: { daily: 1, weekly: 0.5, never: 0 } },
        },
        {
          id: 'controls',
          type: 'maturity',
          label: t('Internal controls', 'Contrôle interne'),
          scale: 'generic',
          audience: 'non_sme',
          weight: 2,
          tags: { theme: 'process' },
          scoring: {},
        },
        {
          id: 'controls_sme',
          type: 'yes_no',
          label: t('Second check?', 'Double contrôle ?'),
          audience: 'sme',
          replaces: 'controls',
          weight: 2,
          scoring: { yes: 1, no: 0 },
        },
        {
          id: 'retention',
          type: 'number',
          label: t('Years kept', 'Années de conservation'),
          integer: true,
          min: 0,
          max: 50,
          scoring: {
            bands: [
              { below: 3, value: 0 },
              { atLeast: 3, below: 5, value: 0.5 },
              { atLeast: 5, value: 1 },
            ],
          },
        },
      ],
    },
    {
      id: 'security',
      title: t('Security', 'Sûreté'),
      tags: { heading: '2' },
      questions: [
        {
          id: 'seals',
          type: 'single_choice',
          label: t('Seals', 'Scellés'),
          options: [
            { id: 'iso', label: t('ISO 17712', 'ISO 17712') },
            { id: 'other', label: t('Other', 'Autres') },
            { id: 'none', label: t('None', 'Aucun') },
            { id: 'na', label: t('We load no containers', 'Nous ne chargeons aucun conteneur') },
          ],
          scoring: { options: { iso: 1, other: 0.5, none: 0, na: null } },
        },
        {
          id: 'measures',
          type: 'multiple_choice',
          label: t('Measures', 'Mesures'),
          options: [
            { id: 'alarm', label: t('Alarm', 'Alarme') },
            { id: 'cctv', label: t('CCTV', 'Vidéosurveillance') },
            { id: 'guard', label: t('Guard', 'Gardiennage') },
            { id: 'none', label: t('None', 'Aucune'), exclusive: true },
          ],
          maxSelected: 3,
          scoring: { options: { alarm: 0.5, cctv: 0.5, guard: 0.5, none: 0 } },
        },
        {
          id: 'carrier_checks',
          type: 'yes_no',
          label: t('Carriers checked?', 'Transporteurs vérifiés ?'),
          weight: 2,
          showIf: { question: 'subcontracts', equals: true },
          scoring: { yes: 1, no: 0 },
        },
        {
          id: 'carrier_list',
          type: 'evidence',
          label: t('Carrier list', 'Liste des transporteurs'),
          required: false,
          acceptedTypes: ['application/pdf'],
          maxFiles: 2,
          showIf: {
            all: [
              { question: 'subcontracts', equals: true },
              { question: 'carrier_checks', equals: true },
            ],
          },
          scoring: { answered: 1 },
        },
      ],
    },
    {
      id: 'people',
      title: t('People', 'Personnel'),
      tags: { heading: '3', theme: 'people' },
      questions: [
        { id: 'training', type: 'maturity', label: t('Training', 'Formation'), levels: LEVELS, scoring: {} },
        {
          id: 'last_drill',
          type: 'date',
          label: t('Last drill', 'Dernier exercice'),
          required: false,
          min: '2000-01-01',
        },
        { id: 'notes', type: 'text', label: t('Notes', 'Remarques'), required: false, maxLength: 20 },
      ],
    },
  ],
} satisfies QuestionnaireDefinitionInput;

export const FIXTURE: QuestionnaireDefinition = parseDefinition(FIXTURE_INPUT);

/** A deep copy to break in a test without touching the shared fixture. */
export function fixtureCopy(): typeof FIXTURE_INPUT {
  return structuredClone(FIXTURE_INPUT);
}

export const NON_SME = { isSme: false } as const;
export const SME = { isSme: true } as const;
