export * from './demo.seed.js';
export * from './demo-data.js';
