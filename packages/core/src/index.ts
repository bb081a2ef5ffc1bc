export * from './aeo/index.js';
export * from './audit/index.js';
export * from './compilation/index.js';
export * from './config.js';
export * from './context.js';
export * from './db/index.js';
export * from './documents/index.js';
export * from './errors.js';
export * from './events/index.js';
export * from './identity/index.js';
export * from './notifications/index.js';
export * from './questionnaire/index.js';
export * from './safe-assessment/index.js';
export * from './screening/index.js';
export * from './seed/index.js';
export {
  canonicalJson,
  decryptSecret,
  encryptSecret,
  hmacSha256Hex,
  randomToken,
  sha256Hex,
} from './shared/crypto.js';
export { nulCharacterProblems } from './shared/nul-character.js';
export { type Change, recordChange } from './shared/record-change.js';
export * from './signing/index.js';
