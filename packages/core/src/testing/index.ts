export * from './build.js';
export * from './template.js';
export * from './test-config.js';
export * from './test-database.js';
