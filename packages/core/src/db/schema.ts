// Every table of every module, for drizzle-kit and for typed queries. Modules own their tables.
export * from '../aeo/aeo.tables.js';
export * from '../audit/audit.tables.js';
export * from '../compilation/compilation.tables.js';
export * from '../documents/documents.tables.js';
export * from '../events/events.tables.js';
export * from '../identity/identity.tables.js';
export * from '../notifications/notifications.tables.js';
export * from '../questionnaire/questionnaire.tables.js';
export * from '../safe-assessment/safe-assessment.tables.js';
export * from '../screening/rule-sets.tables.js';
export * from '../screening/screening.tables.js';
export * from '../signing/signing.tables.js';
