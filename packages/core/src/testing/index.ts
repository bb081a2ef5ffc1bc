export * from './aeo-certificate-fixtures.js';
export * from './build.js';
export * from './document-fixtures.js';
export * from './screening-fixtures.js';
export * from './signature-fixtures.js';
export * from './template.js';
export * from './test-config.js';
export * from './test-database.js';
