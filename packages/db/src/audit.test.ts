import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, GENESIS_HASH, recordAudit } from './audit';
import { AUDIT_MAX_MERGE_DELAY_MS, sealAuditLog } from './audit-sequencer';
import { verifyAuditChain } from './audit-verify';
import type { Database, DatabaseHandle } from './connect';
import { auditLogs } from './shared-tables';
import { createTestDatabase, sealEveryAuditRow, testDrivers } from './testing';

/** What someone with owner rights on the database could do past the append-only trigger. */
async function tamper(db: Database, statement: ReturnType<typeof sql>): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(statement);
  });
}

const entry = (n: number) => ({
  service: 'auth' as const,
  action: `test.action_${n % 3}`,
  entityType: 'widget',
  entityId: `w-${n}`,
  before: { count: n, nested: { z: 1, a: [1, 'two', null] } },
  after: { count: n + 1, at: new Date('2026-01-02T03:04:05.678Z'), note: 'a "quoted", text' },
  requestId: `req-${n}`,
});

const intact = (checked: number) => ({
  checked,
  broken: [],
  pending: 0,
  overdue: 0,
  overdueRows: [],
});

describe('canonicalJson', () => {
  it('sorts keys at every depth, so jsonb re-ordering does not change it', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"x":2,"y":1}]},"b":1}',
    );
    expect(canonicalJson(undefined)).toBe('null');
  });
});

describe.each(testDrivers)('the hash-chained audit log over %s', (driver) => {
  let handle: DatabaseHandle;
  let db: Database;

  beforeAll(async () => {
    handle = await createTestDatabase(driver);
    db = handle.db;
  });
  afterAll(async () => {
    await handle?.close();
  });

  const rowsInChainOrder = () => db.select().from(auditLogs).orderBy(auditLogs.chainPosition);
  const ids = async () => (await rowsInChainOrder()).map((r) => r.id);

  it('writes rows unsealed, pending until the sequencer seals them into one chain', async () => {
    expect(await verifyAuditChain(db)).toEqual(intact(0));
    for (let n = 0; n < 3; n += 1) await recordAudit(db, entry(n));
    await db.transaction(async (tx) => {
      await recordAudit(tx, entry(3));
      await recordAudit(tx, entry(4));
    });
    await Promise.all(Array.from({ length: 20 }, (_, i) => recordAudit(db, entry(10 + i))));

    const written = await db.select().from(auditLogs);
    expect(written).toHaveLength(25);
    expect(written.every((r) => r.chainPosition === null && r.hash === null)).toBe(true);
    expect(await verifyAuditChain(db)).toMatchObject({ checked: 0, pending: 25, overdue: 0 });

    await sealEveryAuditRow(db);
    const rows = await rowsInChainOrder();
    expect(rows.map((r) => r.chainPosition)).toEqual(rows.map((_, i) => i + 1));
    expect(rows[0]!.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i += 1) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.hash ?? ''))).toBe(true);
    expect(await verifyAuditChain(db)).toEqual(intact(25));
  });

  it('never sees a row of a rolled-back transaction, and the chain goes on without it', async () => {
    await expect(
      db.transaction(async (tx) => {
        await recordAudit(tx, entry(99));
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await recordAudit(db, entry(100));
    expect(await sealAuditLog(db)).toBe(1);
    expect(await verifyAuditChain(db)).toEqual(intact(26));
  });

  it('names unsealed rows older than the maximum merge delay as overdue; younger ones pending', async () => {
    await recordAudit(db, entry(200));
    const [written] = await db
      .select({ id: auditLogs.id, occurredAt: auditLogs.occurredAt })
      .from(auditLogs)
      .where(sql`${auditLogs.chainPosition} is null`);
    const justBefore = new Date(written!.occurredAt.getTime() + AUDIT_MAX_MERGE_DELAY_MS);
    const justAfter = new Date(justBefore.getTime() + 1);

    expect(await verifyAuditChain(db, { now: justBefore })).toMatchObject({
      checked: 26,
      broken: [],
      pending: 1,
      overdue: 0,
    });
    expect(await verifyAuditChain(db, { now: justAfter })).toEqual({
      ...intact(26),
      overdue: 1,
      overdueRows: [written],
    });
    await sealEveryAuditRow(db);
    expect(await verifyAuditChain(db, { now: justAfter })).toEqual(intact(27));
  });

  /** The database's own message (drizzle wraps it as the cause of its own error). */
  const refusal = (statement: ReturnType<typeof sql>) =>
    db.execute(statement).then(
      () => 'accepted',
      (err: Error) => String((err.cause as Error | undefined)?.message ?? err.message),
    );

  it('refuses an UPDATE of content, a DELETE and a TRUNCATE, sealed or not', async () => {
    await recordAudit(db, entry(300));
    const unsealed = sql`chain_position is null`;
    expect(await refusal(sql`update audit_logs set action = 'x'`)).toMatch(/append-only/);
    expect(await refusal(sql`update audit_logs set action = 'x' where ${unsealed}`)).toMatch(
      /append-only/,
    );
    expect(await refusal(sql`delete from audit_logs`)).toMatch(/append-only/);
    expect(await refusal(sql`delete from audit_logs where ${unsealed}`)).toMatch(/append-only/);
    expect(await refusal(sql`truncate audit_logs`)).toMatch(/append-only/);
    await sealEveryAuditRow(db);
    expect(await verifyAuditChain(db)).toEqual(intact(28));
  });

  it('refuses re-sealing or unsealing a sealed row, and a seal that also changes content', async () => {
    const [sealed] = await rowsInChainOrder();
    const hash = 'f'.repeat(64);
    expect(
      await refusal(
        sql`update audit_logs set chain_position = 9999, prev_hash = ${hash}, hash = ${hash} where id = ${sealed!.id}`,
      ),
    ).toMatch(/append-only/);
    expect(
      await refusal(
        sql`update audit_logs set chain_position = null, prev_hash = null, hash = null where id = ${sealed!.id}`,
      ),
    ).toMatch(/append-only/);

    await recordAudit(db, entry(400));
    expect(
      await refusal(
        sql`update audit_logs set chain_position = 9999, prev_hash = ${hash}, hash = ${hash}, after = '{}' where chain_position is null`,
      ),
    ).toMatch(/append-only/);
    expect(
      await refusal(sql`update audit_logs set chain_position = 9999 where chain_position is null`),
    ).toMatch(/append-only/);
    await sealEveryAuditRow(db);
    expect(await verifyAuditChain(db)).toEqual(intact(29));
  });

  it('refuses a new row that is sealed by half', async () => {
    expect(
      await refusal(
        sql`insert into audit_logs (service, action, entity_type, entity_id, hash) values ('auth', 'x', 'y', 'z', 'h')`,
      ),
    ).toMatch(/audit_logs_sealed_whole/);
  });

  it('reports exactly the row whose content was edited in the database', async () => {
    const [, , victim] = await ids();
    await tamper(
      db,
      sql`update audit_logs set after = jsonb_set(after, '{count}', '1000') where id = ${victim}`,
    );
    expect(await verifyAuditChain(db)).toEqual({
      ...intact(29),
      broken: [{ id: victim, reason: 'hash-mismatch' }],
    });
  });

  it('reports a deleted row as a chain break at the row after it', async () => {
    const all = await ids();
    const [victim, next] = [all[10]!, all[11]!];
    await tamper(db, sql`delete from audit_logs where id = ${victim}`);
    const report = await verifyAuditChain(db);
    expect(report.checked).toBe(28);
    expect(report.broken).toEqual([
      { id: all[2]!, reason: 'hash-mismatch' },
      { id: next, reason: 'chain-break' },
    ]);
  });
});
