export * from './api-keys.js';
export * from './audit.js';
export * from './common.js';
export * from './countries.js';
export * from './events.js';
export * from './identity.js';
export * from './permissions.js';
