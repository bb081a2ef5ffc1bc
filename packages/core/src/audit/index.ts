export {
  type AuditContent,
  auditHash,
  type ChainCheck,
  type ChainRow,
  ChainVerifier,
  GENESIS_HASH,
} from './audit.chain.js';
export {
  type AuditRecord,
  appendAudit,
  findAuditEntry,
  listAuditEntries,
  toAuditEntry,
  type VerifyAuditOptions,
  verifyAuditChain,
} from './audit.service.js';
export type { AuditSummary } from './audit.tables.js';
