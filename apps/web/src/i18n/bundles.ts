import aeoEn from '../features/aeo/i18n.en.json';
import aeoFr from '../features/aeo/i18n.fr.json';
import aeoOperatorEn from '../features/aeo-operator/i18n.en.json';
import aeoOperatorFr from '../features/aeo-operator/i18n.fr.json';
import aeoProgrammeEn from '../features/aeo-programme/i18n.en.json';
import aeoProgrammeFr from '../features/aeo-programme/i18n.fr.json';
import aeoValidationEn from '../features/aeo-validation/i18n.en.json';
import aeoValidationFr from '../features/aeo-validation/i18n.fr.json';
import compilationEn from '../features/compilation/i18n.en.json';
import compilationFr from '../features/compilation/i18n.fr.json';
import notificationsEn from '../features/notifications/i18n.en.json';
import notificationsFr from '../features/notifications/i18n.fr.json';
import questionnaireEn from '../features/questionnaire/i18n.en.json';
import questionnaireFr from '../features/questionnaire/i18n.fr.json';
import riskEn from '../features/risk/i18n.en.json';
import riskFr from '../features/risk/i18n.fr.json';
import riskResultsEn from '../features/risk-results/i18n.en.json';
import riskResultsFr from '../features/risk-results/i18n.fr.json';
import riskRulesEn from '../features/risk-rules/i18n.en.json';
import riskRulesFr from '../features/risk-rules/i18n.fr.json';
import safeAssessmentEn from '../features/safe-assessment/i18n.en.json';
import safeAssessmentFr from '../features/safe-assessment/i18n.fr.json';
import screeningImportEn from '../features/screening-import/i18n.en.json';
import screeningImportFr from '../features/screening-import/i18n.fr.json';
import verifyEn from '../features/verify/i18n.en.json';
import verifyFr from '../features/verify/i18n.fr.json';
import baseEn from './en.json';
import baseFr from './fr.json';

/**
 * One translation namespace, assembled from the shell's messages and each feature's own files, so a
 * feature keeps its words beside its code. A feature's messages live under its key (`aeo.status.draft`).
 */
export const en = {
  ...baseEn,
  aeo: aeoEn,
  aeoOperator: aeoOperatorEn,
  aeoValidation: aeoValidationEn,
  aeoProgramme: aeoProgrammeEn,
  verify: verifyEn,
  compilation: compilationEn,
  notifications: notificationsEn,
  risk: riskEn,
  riskRules: riskRulesEn,
  riskResults: riskResultsEn,
  screeningImport: screeningImportEn,
  questionnaire: questionnaireEn,
  safeAssessment: safeAssessmentEn,
};

export const fr: typeof en = {
  ...baseFr,
  aeo: aeoFr,
  aeoOperator: aeoOperatorFr,
  aeoValidation: aeoValidationFr,
  aeoProgramme: aeoProgrammeFr,
  verify: verifyFr,
  compilation: compilationFr,
  notifications: notificationsFr,
  risk: riskFr,
  riskRules: riskRulesFr,
  riskResults: riskResultsFr,
  screeningImport: screeningImportFr,
  questionnaire: questionnaireFr,
  safeAssessment: safeAssessmentFr,
};
