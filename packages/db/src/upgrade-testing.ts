import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { migrationsFolder, pgliteExtensions, type Database, type Driver } from './connect';
import { createEmptyPostgresDatabase } from './testing';

/*
 * For tests of a migration against data written before it: a database migrated only as far as
 * an earlier tag, filled the old way, then taken through the rest of the history.
 */

interface Journal {
  entries: { tag: string }[];
}

let scratch: string | undefined;

/** The migration history as it stood after the migration `lastTag`, as a folder of its own. */
export function historyThrough(lastTag: string): string {
  scratch ??= mkdtempSync(join(tmpdir(), 'makrx-migrations-'));
  const folder = join(scratch, lastTag);
  cpSync(migrationsFolder, folder, { recursive: true });
  const journalFile = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as Journal;
  const last = journal.entries.findIndex((e) => e.tag === lastTag);
  journal.entries = journal.entries.slice(0, last + 1);
  writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

/** Removes the history copies `historyThrough` made (a test file's `afterAll`). */
export function removeHistoryCopies(): void {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
}

export interface Upgradable {
  db: Database;
  /** Applies what a history folder holds beyond what the database has already run. */
  migrateTo(folder: string): Promise<void>;
  close(): Promise<void>;
}

/** An empty database of the driver's kind, migrated only when the test says how far. */
export async function openEmpty(driver: Driver, name: string): Promise<Upgradable> {
  if (driver === 'pglite') {
    const client = await PGlite.create('memory://', { extensions: pgliteExtensions });
    const db = drizzlePglite(client);
    return {
      db: db as unknown as Database,
      migrateTo: (folder) => migratePglite(db, { migrationsFolder: folder }),
      close: () => client.close(),
    };
  }
  const empty = await createEmptyPostgresDatabase(process.env.TEST_DATABASE_URL!, name);
  const pool = new pg.Pool({ connectionString: empty.url, max: 2 });
  // Dropping the database (with force) ends any connection still open to it: expected here,
  // not an error of the test.
  pool.on('error', () => {});
  const db = drizzlePostgres(pool);
  return {
    db: db as unknown as Database,
    migrateTo: (folder) => migratePostgres(db, { migrationsFolder: folder }),
    close: async () => {
      await pool.end();
      await empty.drop();
    },
  };
}
