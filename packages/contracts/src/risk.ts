export * from './risk/consignment.js';
export * from './risk/currencies.js';
export * from './risk/evaluation.js';
export * from './risk/identifiers.js';
export * from './risk/rule-set.js';
