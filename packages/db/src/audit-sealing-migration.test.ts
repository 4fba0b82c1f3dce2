import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { auditRowHash, GENESIS_HASH, recordAudit } from './audit';
import { verifyAuditChain } from './audit-verify';
import { migrationsFolder, type Database } from './connect';
import { auditLogs } from './shared-tables';
import { sealEveryAuditRow, testDrivers } from './testing';
import { historyThrough, openEmpty, removeHistoryCopies } from './upgrade-testing';

afterAll(removeHistoryCopies);

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
    const database = await openEmpty(driver, 'makrx_upgrade');
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
