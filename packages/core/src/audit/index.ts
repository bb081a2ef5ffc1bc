export { type AuditContent, auditHash, ChainVerifier, GENESIS_HASH } from './audit.chain.js';
export {
  type AuditRecord,
  appendAudit,
  listAuditEntries,
  toAuditEntry,
  verifyAuditChain,
} from './audit.service.js';
export type { AuditSummary } from './audit.tables.js';
