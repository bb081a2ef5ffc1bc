export * from './client.js';
export * from './lock.js';
export * from './migrate.js';
export * as schema from './schema.js';
export * from './unit-of-work.js';
