export { connectDatabase, migrationsFolder } from './connect';
export type { ConnectOptions, Database, DatabaseHandle, Driver } from './connect';
export { auditRowHash, canonicalJson, GENESIS_HASH, recordAudit } from './audit';
export type { AuditEntry, AuditHashInput } from './audit';
export {
  AUDIT_MAX_MERGE_DELAY_MS,
  hasUnsealedAuditRows,
  sealAuditLog,
  startAuditSequencer,
} from './audit-sequencer';
export type { AuditSequencer, AuditSequencerOptions, SealOptions } from './audit-sequencer';
export { auditActor, recordAuditBy, type AuditRequester } from './audit-actor';
export { databaseErrorOf, violates } from './database-errors';
export { verifyAuditChain } from './audit-verify';
export type {
  AuditChainReport,
  BrokenAuditRow,
  OverdueAuditRow,
  VerifyOptions,
} from './audit-verify';
export { seedOnce } from './seed';
export {
  prefixSearchQuery,
  searchCoverRank,
  searchExcerpt,
  searchHeadline,
  searchRank,
  webSearchQuery,
} from './full-text';
export * from './schema';
