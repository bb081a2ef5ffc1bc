export * from './actor.js';
export * from './api-keys.service.js';
export * from './auth.service.js';
export * from './authorization.js';
export * from './oidc.service.js';
export * from './organisations.service.js';
export { hashPassword, verifyPassword } from './passwords.js';
export * from './users.service.js';
