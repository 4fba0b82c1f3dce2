import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';

/** The query builder every service uses, whichever engine is underneath. */
export type Database = PgDatabase<PgQueryResultHKT>;

export type Driver = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Database;
  driver: Driver;
  /** Applies every migration file not yet applied. */
  migrate(): Promise<void>;
  /** Resolves when the database answers a query; used by GET /ready. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** A PostgreSQL URL. Unset means embedded PGlite. */
  url?: string | undefined;
  /** PGlite's data folder; `memory://` keeps it in memory. Ignored when url is set. */
  dataDir?: string | undefined;
  /** node-postgres pool size. */
  poolSize?: number | undefined;
}

export const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));

export async function connectDatabase(options: ConnectOptions): Promise<DatabaseHandle> {
  return options.url
    ? connectPostgres(options.url, options.poolSize ?? 10)
    : connectPglite(options.dataDir ?? 'memory://');
}

async function connectPglite(dataDir: string): Promise<DatabaseHandle> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir);
  const db = drizzlePglite(client) as unknown as Database;
  return {
    db,
    driver: 'pglite',
    migrate: () => migratePglite(drizzlePglite(client), { migrationsFolder }),
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => client.close(),
  };
}

async function connectPostgres(url: string, poolSize: number): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const db = drizzlePostgres(pool) as unknown as Database;
  return {
    db,
    driver: 'postgres',
    migrate: () => migratePostgres(drizzlePostgres(pool), { migrationsFolder }),
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => pool.end(),
  };
}
