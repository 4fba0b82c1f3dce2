export { connectDatabase, migrationsFolder } from './connect';
export type { ConnectOptions, Database, DatabaseHandle, Driver } from './connect';
export { recordAudit } from './audit';
export type { AuditEntry } from './audit';
export { seedOnce } from './seed';
export * from './schema';
