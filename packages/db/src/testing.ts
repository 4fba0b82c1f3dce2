import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sealAuditLog } from './audit-sequencer';
import { connectDatabase, type Database, type DatabaseHandle, type Driver } from './connect';

/**
 * The engines the integration tests run over: PGlite always, and the real PostgreSQL at
 * TEST_DATABASE_URL when it is set.
 */
export const testDrivers: Driver[] = process.env.TEST_DATABASE_URL
  ? ['pglite', 'postgres']
  : ['pglite'];

/**
 * A fresh, migrated database: PGlite in memory, or a new database on the PostgreSQL server of
 * TEST_DATABASE_URL that is dropped again on close. Test files never share state.
 */
export async function createTestDatabase(driver: Driver): Promise<DatabaseHandle> {
  if (driver === 'pglite') {
    const handle = await connectDatabase({ dataDir: 'memory://' });
    await handle.migrate();
    return handle;
  }
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set');
  const empty = await createEmptyPostgresDatabase(serverUrl, 'makrx_test');
  const handle = await connectDatabase({ url: empty.url, poolSize: 20 });
  await handle.migrate();
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await empty.drop();
    },
  };
}

/** A new, empty database on the PostgreSQL server of `serverUrl`, and a way to drop it. */
export async function createEmptyPostgresDatabase(
  serverUrl: string,
  prefix: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`),
  };
}

async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * Seals every committed audit row now, in as many rounds as it takes, taking turns with any
 * sequencer running in the background: what a test calls before it reads hashes.
 */
export async function sealEveryAuditRow(db: Database): Promise<void> {
  while ((await sealAuditLog(db, { wait: true })) > 0);
}
