export { checkSignature, type JwsVerification, type ParsedJws, parseJws, verifyJws } from './jws-verifier.js';
export { signingKeys } from './signing.tables.js';
export {
  ensureActiveSigningKey,
  listPublishedKeys,
  listSigningKeys,
  type PublishedKey,
  revokeSigningKey,
  rotateSigningKey,
  SIGNING_ALGORITHM,
  type SigningContext,
  type SigningKeyRow,
  signAllWithActiveKey,
  signWithActiveKey,
} from './signing-keys.service.js';
