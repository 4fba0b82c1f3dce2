export { connectDatabase, migrationsFolder } from './connect';
export type { ConnectOptions, Database, DatabaseHandle, Driver } from './connect';
export { auditRowHash, canonicalJson, GENESIS_HASH, recordAudit } from './audit';
export type { AuditEntry, AuditHashInput } from './audit';
export { verifyAuditChain } from './audit-verify';
export type { AuditChainReport, BrokenAuditRow } from './audit-verify';
export { seedOnce } from './seed';
export { searchExcerpt, searchHeadline, searchRank, webSearchQuery } from './full-text';
export * from './schema';
