import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordAudit, type AuditEntry } from './audit';
import {
  AUDIT_SEQUENCER_LOCK_KEY,
  hasUnsealedAuditRows,
  sealAuditLog,
  startAuditSequencer,
} from './audit-sequencer';
import { verifyAuditChain } from './audit-verify';
import { connectDatabase, type Database, type DatabaseHandle } from './connect';
import { auditLogs } from './shared-tables';
import {
  createEmptyPostgresDatabase,
  createTestDatabase,
  sealEveryAuditRow,
  testDrivers,
} from './testing';

const write = (n: number): AuditEntry => ({
  service: 'store',
  action: 'order.paid',
  entityType: 'order',
  entityId: `o-${n}`,
  after: { n, total: { cents: 100 * n, currency: 'USD' } },
});

const intact = (checked: number) => ({
  checked,
  broken: [],
  pending: 0,
  overdue: 0,
  overdueRows: [],
});

/** Polls until the condition holds; the test's timeout bounds the wait. */
async function until(condition: () => Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 20));
}

const chainOf = (db: Database) =>
  db
    .select({ id: auditLogs.id, position: auditLogs.chainPosition, entityId: auditLogs.entityId })
    .from(auditLogs)
    .orderBy(auditLogs.chainPosition);

/** Runs `during` while holding the sequencers' lock, so nothing is sealed meanwhile. */
async function withSealingPaused(db: Database, during: () => Promise<void>): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${sql.raw(AUDIT_SEQUENCER_LOCK_KEY)})`);
    await during();
  });
}

describe.each(testDrivers)('the audit sequencer over %s', (driver) => {
  let handle: DatabaseHandle;
  let db: Database;
  beforeEach(async () => {
    handle = await createTestDatabase(driver);
    db = handle.db;
  });
  afterEach(async () => {
    await handle?.close();
  });

  it('seals 1,000 concurrent audited writes, each exactly once, into a chain that verifies', async () => {
    await Promise.all(
      Array.from({ length: 1000 }, (_, n) => db.transaction((tx) => recordAudit(tx, write(n)))),
    );
    await sealEveryAuditRow(db);

    const chain = await chainOf(db);
    expect(chain.map((r) => r.position)).toEqual(chain.map((_, i) => i + 1));
    expect(new Set(chain.map((r) => r.entityId)).size).toBe(1000);
    expect(await sealAuditLog(db)).toBe(0);
    expect(await verifyAuditChain(db)).toEqual(intact(1000));
  });

  it('keeps one intact chain while two sequencers seal at once against concurrent writers', async () => {
    let writing = true;
    const sequencer = async () => {
      let sealed = 0;
      while (writing || (await hasUnsealedAuditRows(db))) {
        sealed += await sealAuditLog(db, { batch: 7 });
      }
      return sealed;
    };
    const writers = async () => {
      for (let wave = 0; wave < 20; wave += 1) {
        await Promise.all(
          Array.from({ length: 25 }, (_, n) =>
            db.transaction((tx) => recordAudit(tx, write(wave * 25 + n))),
          ),
        );
      }
      writing = false;
    };
    const [, first, second] = await Promise.all([writers(), sequencer(), sequencer()]);

    expect(first + second).toBe(500);
    expect(await verifyAuditChain(db)).toEqual(intact(500));
  });

  it('seals in the background what a stopped service left unsealed, and what comes after', async () => {
    for (let n = 0; n < 5; n += 1) await recordAudit(db, write(n));
    const sequencer = startAuditSequencer(db, { intervalMs: 10 });
    try {
      await until(async () => !(await hasUnsealedAuditRows(db)));
      for (let n = 5; n < 10; n += 1) await recordAudit(db, write(n));
      await until(async () => !(await hasUnsealedAuditRows(db)));
    } finally {
      await sequencer.stop();
    }
    expect(await verifyAuditChain(db)).toEqual(intact(10));
  });
});

/** Writers and sequencers on connections of their own: what PGlite's one connection cannot be. */
const onlyPostgres = testDrivers.filter((driver) => driver === 'postgres');

describe.each(onlyPostgres)('the audit sequencer over %s, many connections', (driver) => {
  let handle: DatabaseHandle;
  let db: Database;
  beforeEach(async () => {
    handle = await createTestDatabase(driver);
    db = handle.db;
  });
  afterEach(async () => {
    await handle?.close();
  });

  it('lets audited writes in two open transactions commit without waiting on each other; the later commit is sealed later', async () => {
    let firstWritten!: () => void;
    let firstMayCommit!: () => void;
    const written = new Promise<void>((resolve) => (firstWritten = resolve));
    const mayCommit = new Promise<void>((resolve) => (firstMayCommit = resolve));
    const first = db.transaction(async (tx) => {
      await recordAudit(tx, write(1));
      firstWritten();
      await mayCommit;
    });
    try {
      await written;
      await db.transaction(async (tx) => {
        // Waiting for any lock the first transaction holds would fail this one, not hang it.
        await tx.execute(sql`set local lock_timeout = '1s'`);
        await recordAudit(tx, write(2));
      });
      expect(await sealAuditLog(db)).toBe(1);
    } finally {
      firstMayCommit();
      await first;
    }
    expect(await sealAuditLog(db)).toBe(1);

    const [earlierCommit, laterCommit] = await chainOf(db);
    expect(earlierCommit).toMatchObject({ position: 1, entityId: 'o-2' });
    expect(laterCommit).toMatchObject({ position: 2, entityId: 'o-1' });
    expect(laterCommit!.id).toBeLessThan(earlierCommit!.id);
    expect(await verifyAuditChain(db)).toEqual(intact(2));
  });

  it('skips a round, sealing nothing, while another sequencer holds the lock', async () => {
    await recordAudit(db, write(1));
    await withSealingPaused(db, async () => {
      expect(await sealAuditLog(db)).toBe(0);
    });
    expect(await sealAuditLog(db)).toBe(1);
  });
});

describe.each(onlyPostgres)('a service killed mid-burst, over %s', () => {
  const fixture = fileURLToPath(new URL('./audit-burst.fixture.ts', import.meta.url));
  const tsx = createRequire(import.meta.url).resolve('tsx');

  it('loses no audited write: once restarted, a sequencer seals every committed row', async () => {
    const server = process.env.TEST_DATABASE_URL!;
    const database = await createEmptyPostgresDatabase(server, 'makrx_audit_crash');
    const handle = await connectDatabase({ url: database.url, poolSize: 4 });
    await handle.migrate();
    const url = new URL(database.url);
    url.searchParams.set('application_name', 'audit-burst');
    const child = spawn(process.execPath, ['--import', tsx, fixture], {
      env: { ...process.env, DATABASE_URL: url.toString() },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<string | null>((resolve) =>
      child.on('exit', (code, signal) => resolve(signal ?? String(code))),
    );
    const db = handle.db;
    const counts = async () => {
      if (child.exitCode !== null) throw new Error(`the burst writer exited: ${stderr}`);
      const { rows } = await db.execute<{ total: number; unsealed: number }>(sql`
        select count(*)::int as total, count(*) filter (where chain_position is null)::int as unsealed
          from audit_logs`);
      return rows[0]!;
    };
    const burstConnections = async () => {
      const { rows } = await db.execute<{ n: number }>(sql`
        select count(*)::int as n from pg_stat_activity
         where application_name = 'audit-burst' and datname = current_database()`);
      return rows[0]!.n;
    };
    try {
      // Its sequencer is at work: rows are being sealed as they are written.
      await until(async () => {
        const { total, unsealed } = await counts();
        return total > unsealed;
      });
      await withSealingPaused(db, async () => {
        await until(async () => (await counts()).unsealed > 0);
        child.kill('SIGKILL');
        expect(await exited).toBe('SIGKILL');
        // Its backends finish whatever commits they had been sent before they go.
        await until(async () => (await burstConnections()) === 0);
      });
      expect((await counts()).unsealed).toBeGreaterThan(0);

      const restarted = startAuditSequencer(db, { intervalMs: 20 });
      try {
        await until(async () => !(await hasUnsealedAuditRows(db)));
      } finally {
        await restarted.stop();
      }
      const { total } = await counts();
      expect(await verifyAuditChain(db)).toEqual(intact(total));
    } finally {
      child.kill('SIGKILL');
      await handle.close();
      await database.drop();
    }
  }, 60_000);
});
