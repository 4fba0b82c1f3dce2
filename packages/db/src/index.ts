export { connectDatabase, migrationsFolder } from './connect';
export type { ConnectOptions, Database, DatabaseHandle, Driver } from './connect';
export { seedOnce } from './seed';
export * from './schema';
