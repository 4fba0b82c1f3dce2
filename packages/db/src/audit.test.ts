import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, GENESIS_HASH, recordAudit } from './audit';
import { verifyAuditChain } from './audit-verify';
import type { Database, DatabaseHandle } from './connect';
import { auditLogs } from './shared-tables';
import { createTestDatabase, testDrivers } from './testing';

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

  const ids = async () =>
    (await db.select({ id: auditLogs.id }).from(auditLogs).orderBy(auditLogs.id)).map((r) => r.id);

  it('chains rows written one by one, inside a caller transaction, and 20 at once', async () => {
    expect(await verifyAuditChain(db)).toEqual({ checked: 0, broken: [] });
    for (let n = 0; n < 3; n += 1) await recordAudit(db, entry(n));
    await db.transaction(async (tx) => {
      await recordAudit(tx, entry(3));
      await recordAudit(tx, entry(4));
    });
    await Promise.all(Array.from({ length: 20 }, (_, i) => recordAudit(db, entry(10 + i))));

    const rows = await db.select().from(auditLogs).orderBy(auditLogs.id);
    expect(rows).toHaveLength(25);
    expect(rows[0]!.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i += 1) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.hash ?? ''))).toBe(true);
    expect(await verifyAuditChain(db)).toEqual({ checked: 25, broken: [] });
  });

  it('drops a row of a rolled-back transaction from the chain without breaking it', async () => {
    await expect(
      db.transaction(async (tx) => {
        await recordAudit(tx, entry(99));
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await recordAudit(db, entry(100));
    expect(await verifyAuditChain(db)).toEqual({ checked: 26, broken: [] });
  });

  /** The database's own message (drizzle wraps it as the cause of its own error). */
  const refusal = (statement: ReturnType<typeof sql>) =>
    db.execute(statement).then(
      () => 'accepted',
      (err: Error) => String((err.cause as Error | undefined)?.message ?? err.message),
    );

  it('refuses a plain UPDATE, DELETE and TRUNCATE', async () => {
    expect(await refusal(sql`update audit_logs set action = 'x'`)).toMatch(/append-only/);
    expect(await refusal(sql`delete from audit_logs`)).toMatch(/append-only/);
    expect(await refusal(sql`truncate audit_logs`)).toMatch(/append-only/);
    expect(await verifyAuditChain(db)).toEqual({ checked: 26, broken: [] });
  });

  it('refuses a new row without its hash', async () => {
    expect(
      await refusal(
        sql`insert into audit_logs (service, action, entity_type, entity_id) values ('auth', 'x', 'y', 'z')`,
      ),
    ).toMatch(/audit_logs_hash_present/);
  });

  it('reports exactly the row whose content was edited in the database', async () => {
    const [, , victim] = await ids();
    await tamper(
      db,
      sql`update audit_logs set after = jsonb_set(after, '{count}', '1000') where id = ${victim}`,
    );
    expect(await verifyAuditChain(db)).toEqual({
      checked: 26,
      broken: [{ id: victim, reason: 'hash-mismatch' }],
    });
  });

  it('reports a deleted row as a chain break at the row after it', async () => {
    const all = await ids();
    const [victim, next] = [all[10]!, all[11]!];
    await tamper(db, sql`delete from audit_logs where id = ${victim}`);
    const report = await verifyAuditChain(db);
    expect(report.checked).toBe(25);
    expect(report.broken).toEqual([
      { id: all[2]!, reason: 'hash-mismatch' },
      { id: next, reason: 'chain-break' },
    ]);
  });
});
