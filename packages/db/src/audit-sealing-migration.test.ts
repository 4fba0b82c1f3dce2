import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { auditRowHash, GENESIS_HASH, recordAudit } from './audit';
import { verifyAuditChain } from './audit-verify';
import { migrationsFolder, pgliteExtensions, type Database, type Driver } from './connect';
import { auditLogs } from './shared-tables';
import { createEmptyPostgresDatabase, sealEveryAuditRow, testDrivers } from './testing';

interface Journal {
  entries: { tag: string }[];
}

const scratch = mkdtempSync(join(tmpdir(), 'makrx-migrations-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The migration history as it stood after the migration `lastTag`. */
function historyThrough(lastTag: string): string {
  const folder = join(scratch, lastTag);
  cpSync(migrationsFolder, folder, { recursive: true });
  const journalFile = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as Journal;
  const last = journal.entries.findIndex((e) => e.tag === lastTag);
  journal.entries = journal.entries.slice(0, last + 1);
  writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

interface Upgradable {
  db: Database;
  migrateTo(folder: string): Promise<void>;
  close(): Promise<void>;
}

async function openEmpty(driver: Driver): Promise<Upgradable> {
  if (driver === 'pglite') {
    const client = await PGlite.create('memory://', { extensions: pgliteExtensions });
    const db = drizzlePglite(client);
    return {
      db: db as unknown as Database,
      migrateTo: (folder) => migratePglite(db, { migrationsFolder: folder }),
      close: () => client.close(),
    };
  }
  const empty = await createEmptyPostgresDatabase(process.env.TEST_DATABASE_URL!, 'makrx_upgrade');
  const pool = new pg.Pool({ connectionString: empty.url, max: 2 });
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

/** A row as the old writer appended it: its hash linked to the previous row in id order. */
async function appendTheOldWay(db: Database, prevHash: string, n: number): Promise<string> {
  const { rows } = await db.execute<{ id: string }>(
    sql`select nextval(pg_get_serial_sequence('public.audit_logs', 'id')) as id`,
  );
  const row = {
    prevHash,
    id: Number(rows[0]!.id),
    occurredAt: new Date(Date.UTC(2026, 5, 1, 12, 0, n)),
    service: 'auth',
    actorId: null,
    action: 'user.updated',
    entityType: 'user',
    entityId: `u-${n}`,
    before: { name: `old ${n}` },
    after: { name: `new ${n}` },
    requestId: `req-${n}`,
  };
  const hash = auditRowHash(row);
  // Plain SQL: the table has no chain_position yet, which drizzle would name.
  await db.execute(sql`
    insert into audit_logs (id, occurred_at, service, action, entity_type, entity_id, before,
                            after, request_id, prev_hash, hash)
    values (${row.id}, ${row.occurredAt.toISOString()}, ${row.service}, ${row.action},
            ${row.entityType}, ${row.entityId}, ${JSON.stringify(row.before)},
            ${JSON.stringify(row.after)}, ${row.requestId}, ${prevHash}, ${hash})`);
  return hash;
}

describe.each(testDrivers)('upgrading an audit log to sealing, over %s', (driver) => {
  it('keeps rows chained before the change verifying in id order, and seals rows from before the chain', async () => {
    const database = await openEmpty(driver);
    try {
      const { db } = database;
      await database.migrateTo(historyThrough('0007_audit_hash_chain'));
      await db.execute(sql`
        insert into audit_logs (occurred_at, service, action, entity_type, entity_id)
        values ('2025-01-01T00:00:00Z', 'auth', 'user.created', 'user', 'u-0')`);
      await database.migrateTo(historyThrough('0023_store_order_link_requests'));
      let prevHash = GENESIS_HASH;
      for (let n = 1; n <= 3; n += 1) prevHash = await appendTheOldWay(db, prevHash, n);

      await database.migrateTo(migrationsFolder);
      const positions = await db
        .select({ entityId: auditLogs.entityId, position: auditLogs.chainPosition })
        .from(auditLogs)
        .orderBy(auditLogs.id);
      expect(positions).toEqual([
        { entityId: 'u-0', position: null },
        { entityId: 'u-1', position: 1 },
        { entityId: 'u-2', position: 2 },
        { entityId: 'u-3', position: 3 },
      ]);
      expect(await verifyAuditChain(db)).toMatchObject({ checked: 3, broken: [], overdue: 1 });

      await recordAudit(db, {
        service: 'auth',
        action: 'user.updated',
        entityType: 'user',
        entityId: 'u-4',
      });
      await sealEveryAuditRow(db);
      expect(await verifyAuditChain(db)).toEqual({
        checked: 5,
        broken: [],
        pending: 0,
        overdue: 0,
        overdueRows: [],
      });
    } finally {
      await database.close();
    }
  });
});
