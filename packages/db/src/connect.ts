import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import type { PgDatabase } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres, type NodePgQueryResultHKT } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock';

/**
 * The query builder every service uses, whichever engine is underneath. Typed as node-postgres
 * because PGlite's results have the same shape (`rows`, `affectedRows`/`rowCount` aside).
 */
export type Database = PgDatabase<NodePgQueryResultHKT>;

export type Driver = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Database;
  driver: Driver;
  /** Applies every migration file not yet applied. */
  migrate(): Promise<void>;
  /**
   * Subscribes to NOTIFY on a channel; `onNotify` gets each notification's payload. `onLost` is
   * called when the subscription breaks (the connection dropped); the handle re-subscribes by
   * itself and then calls `onNotify` once without a payload, since changes may have been
   * missed in between. PGlite delivers the same way, at commit, in its one process.
   */
  listen(
    channel: string,
    onNotify: (payload?: string) => void,
    onLost: () => void,
  ): Promise<Subscription>;
  /** Resolves when the database answers a query; used by GET /ready. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface Subscription {
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

/**
 * The contrib extensions the migrations create, which PGlite loads only when asked:
 * pg_trgm for the store's typo-tolerant search (migration 0017), btree_gist for the cave's
 * exclusion constraint on bookings, equality on the machine beside the overlap of the time
 * range (migration 0031).
 */
export const pgliteExtensions = { pg_trgm, btree_gist };

async function connectPglite(dataDir: string): Promise<DatabaseHandle> {
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  const unlock = inMemory ? () => {} : lockDataDir(dataDir);
  const client = await PGlite.create(dataDir, { extensions: pgliteExtensions }).catch(
    (err: unknown) => {
      unlock();
      throw err;
    },
  );
  const db = drizzlePglite(client) as unknown as Database;
  return {
    db,
    driver: 'pglite',
    migrate: () => migratePglite(drizzlePglite(client), { migrationsFolder }),
    listen: async (channel, onNotify) => {
      const unsubscribe = await client.listen(channel, (payload) => onNotify(payload));
      return { close: unsubscribe };
    },
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: async () => {
      await client.close();
      unlock();
    },
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
    listen: (channel, onNotify, onLost) => listenPostgres(url, channel, onNotify, onLost),
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => pool.end(),
  };
}

const CHANNEL_NAME = /^[a-z_][a-z0-9_]*$/;

/** LISTEN on a connection of its own (a pooled one would be handed to other queries). */
async function listenPostgres(
  url: string,
  channel: string,
  onNotify: (payload?: string) => void,
  onLost: () => void,
): Promise<Subscription> {
  if (!CHANNEL_NAME.test(channel)) throw new Error(`not a channel name: ${channel}`);
  let closed = false;
  let client: pg.Client | undefined;
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => message.channel === channel && onNotify(message.payload));
    next.on('error', () => undefined);
    next.on('end', () => {
      if (closed) return;
      onLost();
      setTimeout(() => void connect().catch(() => next.emit('end')), 1000).unref();
    });
    await next.connect();
    await next.query(`listen ${channel}`);
    if (client) onNotify();
    client = next;
  };
  await connect();
  return {
    close: async () => {
      closed = true;
      await client?.end();
    },
  };
}
