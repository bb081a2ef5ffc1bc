import type { UpdateAeoProgramme } from '@aeolus/contracts';
import { EU_DEFAULT_CLOCKS } from '../aeo/aeo.deadlines.js';

/**
 * The demo Netherlands AEO programme, in our own words. Categories follow the EU pattern (S, C, F);
 * the clocks are the EU defaults (UCC Art. 22, DA Art. 28); every criterion names its SAFE AEO heading
 * (1–13, DOMAIN.md §2) so that programmes can later be compared heading by heading.
 */
const t = (en: string, fr: string) => ({ en, fr });

type Criterion = UpdateAeoProgramme['criteria'][number];
const criterion = (
  code: string,
  safeHeading: number,
  title: [string, string],
  description: [string, string],
  options: { categories?: string[]; onSite?: boolean } = {},
): Criterion => ({
  code,
  safeHeading,
  title: t(...title),
  description: t(...description),
  categories: options.categories ?? [],
  onSiteByDefault: options.onSite ?? false,
});

export const NL_PROGRAMME: UpdateAeoProgramme = {
  name: t(
    'Netherlands Authorised Economic Operator programme',
    'Programme néerlandais d’opérateur économique agréé',
  ),
  categories: [
    {
      code: 'S',
      name: t('Security and safety', 'Sécurité et sûreté'),
      description: t(
        'For operators who secure their part of the supply chain.',
        'Pour les opérateurs qui sécurisent leur maillon de la chaîne logistique.',
      ),
    },
    {
      code: 'C',
      name: t('Customs simplifications', 'Simplifications douanières'),
      description: t(
        'For operators who use simplified customs procedures.',
        'Pour les opérateurs qui utilisent des procédures douanières simplifiées.',
      ),
    },
    {
      code: 'F',
      name: t('Full: security and simplifications', 'Complet : sûreté et simplifications'),
      description: t('Both categories together.', 'Les deux catégories réunies.'),
    },
  ],
  eligibleRoles: [
    'manufacturer',
    'importer',
    'exporter',
    'customs_broker',
    'carrier',
    'freight_forwarder',
    'consolidator',
    'warehouse_operator',
    'port_operator',
    'terminal_operator',
  ],
  validity: { kind: 'open_ended', reassessmentYears: 3 },
  clocks: { ...EU_DEFAULT_CLOCKS },
  benefits: [
    {
      code: 'reduced_examination',
      name: t('Fewer physical and document checks', 'Moins de contrôles physiques et documentaires'),
      description: t(
        'Risk scoring lowers the chance that a declaration is selected for examination.',
        'La notation des risques réduit la probabilité qu’une déclaration soit sélectionnée pour contrôle.',
      ),
      categories: ['S', 'F'],
      // Screening reads both: points off the risk score and the random-selection rate for AEO consignments.
      parameters: { riskScoreReduction: 20, randomSelectionPercent: 0.5 },
    },
    {
      code: 'priority_examination',
      name: t('Priority when selected', 'Priorité en cas de sélection'),
      description: t(
        'A selected consignment is examined first.',
        'Un envoi sélectionné est contrôlé en premier.',
      ),
      categories: [],
    },
    {
      code: 'prior_notice',
      name: t('Prior notice of controls', 'Préavis des contrôles'),
      description: t(
        'The operator is told in advance when a consignment will be examined.',
        'L’opérateur est prévenu à l’avance lorsqu’un envoi sera contrôlé.',
      ),
      categories: ['S', 'F'],
    },
    {
      code: 'recovery_priority',
      name: t('Priority in trade recovery', 'Priorité lors de la reprise des échanges'),
      description: t(
        'After a disruption, the operator’s goods move first when trade resumes.',
        'Après une perturbation, les marchandises de l’opérateur passent en premier à la reprise.',
      ),
      categories: ['S', 'F'],
    },
    {
      code: 'designated_contact',
      name: t('Designated customs contact', 'Interlocuteur douanier désigné'),
      description: t(
        'A named contact at customs answers the operator’s questions.',
        'Un interlocuteur nommé à la douane répond aux questions de l’opérateur.',
      ),
      categories: [],
    },
    {
      code: 'reduced_guarantee',
      name: t('Reduced comprehensive guarantee', 'Garantie globale réduite'),
      description: t(
        'The guarantee for customs debts may be reduced.',
        'La garantie couvrant les dettes douanières peut être réduite.',
      ),
      categories: ['C', 'F'],
      parameters: { maxReductionPercent: 70 },
    },
  ],
  criteria: [
    criterion(
      'compliance_record',
      1,
      ['Compliance record', 'Antécédents de conformité'],
      [
        'No serious or repeated breaches of customs or tax rules in the last three years.',
        'Aucune infraction grave ou répétée aux règles douanières ou fiscales au cours des trois dernières années.',
      ],
    ),
    criterion(
      'compliance_organisation',
      1,
      ['Compliance organisation', 'Organisation de la conformité'],
      [
        'Someone is responsible for customs compliance and errors are reported to customs.',
        'Une personne est responsable de la conformité douanière et les erreurs sont signalées à la douane.',
      ],
    ),
    criterion(
      'records_audit_trail',
      2,
      ['Audit trail', 'Piste d’audit'],
      [
        'Commercial and transport records allow each movement of goods to be traced.',
        'Les registres commerciaux et de transport permettent de retracer chaque mouvement de marchandises.',
      ],
      { onSite: true },
    ),
    criterion(
      'records_archiving',
      2,
      ['Archiving and customs access', 'Archivage et accès douanier'],
      [
        'Records are kept for the legal period and customs can consult them.',
        'Les registres sont conservés pendant la durée légale et la douane peut les consulter.',
      ],
    ),
    criterion(
      'financial_solvency',
      3,
      ['Financial solvency', 'Solvabilité financière'],
      [
        'The operator is not insolvent and can meet its obligations.',
        'L’opérateur n’est pas insolvable et peut faire face à ses obligations.',
      ],
    ),
    criterion(
      'communication',
      4,
      ['Co-operation with customs', 'Coopération avec la douane'],
      [
        'A contact person is named and suspicious matters are reported promptly.',
        'Une personne de contact est désignée et les faits suspects sont signalés rapidement.',
      ],
    ),
    criterion(
      'training',
      5,
      ['Education and awareness', 'Formation et sensibilisation'],
      [
        'Staff are trained in security and customs matters, and training is recorded.',
        'Le personnel est formé à la sûreté et aux questions douanières, et les formations sont consignées.',
      ],
    ),
    criterion(
      'it_security',
      6,
      ['IT security', 'Sécurité informatique'],
      [
        'Systems are protected against unauthorised access, and incidents are handled.',
        'Les systèmes sont protégés contre les accès non autorisés et les incidents sont traités.',
      ],
      { onSite: true },
    ),
    criterion(
      'information_confidentiality',
      6,
      ['Confidential information', 'Informations confidentielles'],
      [
        'Commercial and customs information is shared only with those who need it.',
        'Les informations commerciales et douanières ne sont partagées qu’avec ceux qui en ont besoin.',
      ],
    ),
    criterion(
      'cargo_integrity',
      7,
      ['Cargo integrity and seals', 'Intégrité du fret et scellés'],
      [
        'Seals are controlled and cargo units are inspected before loading.',
        'Les scellés sont contrôlés et les unités de chargement inspectées avant chargement.',
      ],
      { categories: ['S', 'F'], onSite: true },
    ),
    criterion(
      'cargo_discrepancies',
      7,
      ['Discrepancies', 'Écarts'],
      [
        'Shortages, surpluses and broken seals are recorded and reported.',
        'Les manquants, excédents et scellés rompus sont enregistrés et signalés.',
      ],
      { categories: ['S', 'F'] },
    ),
    criterion(
      'conveyance_security',
      8,
      ['Conveyance security', 'Sûreté des moyens de transport'],
      [
        'Vehicles are inspected, parked securely and drivers follow instructions.',
        'Les véhicules sont inspectés, stationnés en sécurité et les conducteurs suivent des consignes.',
      ],
      { categories: ['S', 'F'] },
    ),
    criterion(
      'premises_perimeter',
      9,
      ['Premises and perimeter', 'Locaux et périmètre'],
      [
        'Buildings and perimeter resist unlawful entry; lighting and surveillance are adequate.',
        'Les bâtiments et le périmètre résistent aux intrusions ; l’éclairage et la surveillance sont adaptés.',
      ],
      { categories: ['S', 'F'], onSite: true },
    ),
    criterion(
      'premises_access',
      9,
      ['Access control', 'Contrôle des accès'],
      [
        'Entry of people and vehicles is controlled and keys are managed.',
        'L’entrée des personnes et des véhicules est contrôlée et les clés sont gérées.',
      ],
      { categories: ['S', 'F'], onSite: true },
    ),
    criterion(
      'personnel_screening',
      10,
      ['Personnel screening', 'Vérification du personnel'],
      [
        'Staff in sensitive positions are screened, and leavers lose access at once.',
        'Le personnel occupant des postes sensibles est vérifié et les partants perdent leurs accès aussitôt.',
      ],
      { categories: ['S', 'F'] },
    ),
    criterion(
      'partner_security',
      11,
      ['Trading-partner security', 'Sûreté des partenaires commerciaux'],
      [
        'Business partners are assessed and security requirements are written into contracts.',
        'Les partenaires commerciaux sont évalués et les exigences de sûreté figurent dans les contrats.',
      ],
      { categories: ['S', 'F'] },
    ),
    criterion(
      'crisis_continuity',
      12,
      ['Crisis management and recovery', 'Gestion de crise et reprise'],
      [
        'A continuity plan exists, is exercised and names contacts for customs.',
        'Un plan de continuité existe, est exercé et désigne des contacts pour la douane.',
      ],
    ),
    criterion(
      'incident_handling',
      12,
      ['Incident recording', 'Enregistrement des incidents'],
      ['Security incidents are logged and followed up.', 'Les incidents de sûreté sont consignés et suivis.'],
    ),
    criterion(
      'risk_assessment',
      13,
      ['Risk assessment', 'Évaluation des risques'],
      [
        'Security and compliance risks are assessed and the assessment is kept current.',
        'Les risques de sûreté et de conformité sont évalués et l’évaluation est tenue à jour.',
      ],
    ),
    criterion(
      'management_review',
      13,
      ['Review and improvement', 'Revue et amélioration'],
      [
        'Management reviews the measures regularly and acts on the findings.',
        'La direction revoit régulièrement les mesures et donne suite aux constats.',
      ],
    ),
  ],
};
