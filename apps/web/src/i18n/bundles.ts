import aeoEn from '../features/aeo/i18n.en.json';
import aeoFr from '../features/aeo/i18n.fr.json';
import aeoOperatorEn from '../features/aeo-operator/i18n.en.json';
import aeoOperatorFr from '../features/aeo-operator/i18n.fr.json';
import aeoProgrammeEn from '../features/aeo-programme/i18n.en.json';
import aeoProgrammeFr from '../features/aeo-programme/i18n.fr.json';
import aeoValidationEn from '../features/aeo-validation/i18n.en.json';
import aeoValidationFr from '../features/aeo-validation/i18n.fr.json';
import notificationsEn from '../features/notifications/i18n.en.json';
import notificationsFr from '../features/notifications/i18n.fr.json';
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
  notifications: notificationsEn,
};

export const fr: typeof en = {
  ...baseFr,
  aeo: aeoFr,
  aeoOperator: aeoOperatorFr,
  aeoValidation: aeoValidationFr,
  aeoProgramme: aeoProgrammeFr,
  verify: verifyFr,
  notifications: notificationsFr,
};
