// Every table of every module, for drizzle-kit and for typed queries. Modules own their tables.
export * from '../audit/audit.tables.js';
export * from '../events/events.tables.js';
export * from '../identity/identity.tables.js';
