import type { QuestionnaireDefinitionInput } from '@aeolus/contracts';
import type { TestClient } from './test-app.js';

/** Test helpers for SAQ versions: a small valid definition with an SME variant, and a draft made from it. */

const t = (en: string, fr: string) => ({ en, fr });

export function smallSaq(id: string, version: string | number = '2.0.0'): QuestionnaireDefinitionInput {
  return {
    id,
    version,
    title: t('Netherlands AEO self-assessment', 'Auto-évaluation OEA des Pays-Bas'),
    dimensions: [
      {
        id: 'aeoHeading',
        label: t('SAFE AEO requirement heading', 'Rubrique d’exigences OEA du cadre SAFE'),
        values: [
          { id: '1', label: t('Demonstrated compliance record', 'Antécédents avérés de conformité') },
          { id: '7', label: t('Cargo security', 'Sûreté des marchandises') },
        ],
      },
    ],
    sections: [
      {
        id: 'compliance',
        title: t('Compliance record', 'Antécédents de conformité'),
        tags: { aeoHeading: '1' },
        questions: [
          {
            id: 'nl_breaches',
            type: 'yes_no',
            label: t('Any customs breaches in three years?', 'Des infractions douanières en trois ans ?'),
          },
          {
            id: 'nl_breaches_detail',
            type: 'text',
            label: t('Describe them', 'Décrivez-les'),
            showIf: { question: 'nl_breaches', equals: true },
          },
        ],
      },
      {
        id: 'cargo',
        title: t('Cargo security', 'Sûreté des marchandises'),
        tags: { aeoHeading: '7' },
        questions: [
          {
            id: 'nl_seal_policy',
            type: 'evidence',
            audience: 'non_sme',
            label: t('Upload your seal policy', 'Déposez votre politique de scellés'),
            acceptedTypes: ['application/pdf'],
          },
          {
            id: 'nl_seal_policy_sme',
            type: 'yes_no',
            audience: 'sme',
            replaces: 'nl_seal_policy',
            label: t('Are seals checked on arrival?', 'Les scellés sont-ils vérifiés à l’arrivée ?'),
          },
        ],
      },
    ],
  };
}

/** Creates a draft as `admin`; returns its id. */
export async function createDraft(admin: TestClient, definition: unknown): Promise<string> {
  const res = await admin.request('POST', '/api/aeo/saq-versions', { definition });
  if (res.statusCode !== 201) throw new Error(`could not create a SAQ draft: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}
