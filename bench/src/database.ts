import { randomBytes } from 'node:crypto';
import { connectDatabase } from '@makrx/db';
import { loadConfig } from '@makrx/service-kit';
import { storeService } from '@makrx/store-service';
import pg from 'pg';

export interface BenchDatabase {
  /** Unset: the service runs over embedded PGlite. */
  url?: string;
  label: string;
  drop(): Promise<void>;
}

/**
 * A fresh PostgreSQL database with the demo catalog, on BENCH_DATABASE_URL's server (default:
 * the local server). Falls back to embedded PGlite when no PostgreSQL answers.
 */
export async function prepareBenchDatabase(): Promise<BenchDatabase> {
  const server = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new pg.Client({ connectionString: server, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch {
    return { label: 'PGlite, no PostgreSQL at ' + new URL(server).host, drop: async () => {} };
  }
  const name = `makrx_bench_${randomBytes(4).toString('hex')}`;
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  const handle = await connectDatabase({ url: url.toString(), poolSize: 2 });
  await handle.migrate();
  await storeService.seedDemoData?.(handle.db, loadConfig(storeService.env, {}));
  await handle.close();
  return {
    url: url.toString(),
    label: 'PostgreSQL',
    drop: async () => {
      const client = new pg.Client({ connectionString: server });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}
