import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createEmptyPostgresDatabase, sealEveryAuditRow } from './testing';
import { recordAudit } from './audit';
import { connectDatabase, type Database } from './connect';
import { auditLogs } from './shared-tables';

const cli = fileURLToPath(new URL('./audit-verify-cli.ts', import.meta.url));
const tsx = createRequire(import.meta.url).resolve('tsx');
const runCli = (env: Record<string, string | undefined>) =>
  spawnSync(process.execPath, ['--import', tsx, cli], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });

/** Four audited writes, sealed as the services' sequencers would have sealed them. */
async function writeRows(db: Database): Promise<number[]> {
  for (let n = 0; n < 4; n += 1)
    await recordAudit(db, {
      service: 'store',
      action: 'order.paid',
      entityType: 'order',
      entityId: `o-${n}`,
      after: { total: 10 * n },
    });
  await sealEveryAuditRow(db);
  return (await db.select({ id: auditLogs.id }).from(auditLogs).orderBy(auditLogs.id)).map(
    (r) => r.id,
  );
}

/**
 * An unsealed row written at `occurredAt`: long ago, as if no service had run since; or ahead
 * of the clock, which the check counts as younger than the delay however long it takes to run.
 */
async function writeUnsealed(db: Database, occurredAt: Date): Promise<number> {
  const [row] = await db
    .insert(auditLogs)
    .values({
      occurredAt,
      service: 'store',
      action: 'order.paid',
      entityType: 'order',
      entityId: 'o-9',
    })
    .returning({ id: auditLogs.id });
  return row!.id;
}

async function editAfter(db: Database, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(sql`update audit_logs set after = '{"total": 0}' where id = ${id}`);
  });
}

describe('npm run audit:verify', () => {
  it('checks the embedded database in MAKRX_DATA_DIR: intact, then the edited row, exit 1', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'makrx-audit-'));
    try {
      const handle = await connectDatabase({ dataDir: join(dataDir, 'db') });
      await handle.migrate();
      const ids = await writeRows(handle.db);
      await handle.close();

      const intact = runCli({ DATABASE_URL: '', MAKRX_DATA_DIR: dataDir });
      expect(intact.status, intact.stderr).toBe(0);
      expect(intact.stdout).toContain('Audit log intact: 4 rows sealed');

      const again = await connectDatabase({ dataDir: join(dataDir, 'db') });
      await editAfter(again.db, ids[1]!);
      await again.close();

      const broken = runCli({ DATABASE_URL: '', MAKRX_DATA_DIR: dataDir });
      expect(broken.status).toBe(1);
      expect(broken.stderr).toContain(`row ${ids[1]}: hash-mismatch`);
      expect(broken.stderr).not.toContain(`row ${ids[2]}`);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('names rows unsealed past the maximum merge delay with exit 1, and counts younger ones as pending', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'makrx-audit-'));
    try {
      const handle = await connectDatabase({ dataDir: join(dataDir, 'db') });
      await handle.migrate();
      await writeRows(handle.db);
      const stale = await writeUnsealed(handle.db, new Date('2026-01-01T00:00:00Z'));
      await writeUnsealed(handle.db, new Date(Date.now() + 3_600_000));
      await handle.close();

      const run = runCli({ DATABASE_URL: '', MAKRX_DATA_DIR: dataDir });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('Audit log not sealed: 1 row unsealed for longer than 2000 ms');
      expect(run.stderr).toContain(`row ${stale}: unsealed since 2026-01-01T00:00:00.000Z`);
      expect(run.stderr).toContain('4 rows sealed; 1 pending');
      expect(run.stderr).not.toContain('broken');

      const again = await connectDatabase({ dataDir: join(dataDir, 'db') });
      await sealEveryAuditRow(again.db);
      await again.close();
      const sealed = runCli({ DATABASE_URL: '', MAKRX_DATA_DIR: dataDir });
      expect(sealed.status, sealed.stderr).toBe(0);
      expect(sealed.stdout).toContain('Audit log intact: 6 rows sealed');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  const server = process.env.TEST_DATABASE_URL;
  if (!server) return;

  it('checks the PostgreSQL at DATABASE_URL and reports an edited row and an unsealed one with exit 1', async () => {
    const database = await createEmptyPostgresDatabase(server, 'makrx_audit');
    const url = new URL(database.url);
    try {
      const handle = await connectDatabase({ url: url.toString(), poolSize: 2 });
      try {
        await handle.migrate();
        const ids = await writeRows(handle.db);
        const intact = runCli({ DATABASE_URL: url.toString() });
        expect(intact.status, intact.stderr).toBe(0);
        expect(intact.stdout).toContain('Audit log intact: 4 rows sealed');

        await editAfter(handle.db, ids[2]!);
        const broken = runCli({ DATABASE_URL: url.toString() });
        expect(broken.status).toBe(1);
        expect(broken.stderr).toContain(`row ${ids[2]}: hash-mismatch`);
        expect(broken.stderr).toContain('1 of 4 rows');

        const stale = await writeUnsealed(handle.db, new Date('2026-01-01T00:00:00Z'));
        const unsealed = runCli({ DATABASE_URL: url.toString() });
        expect(unsealed.status).toBe(1);
        expect(unsealed.stderr).toContain(`row ${ids[2]}: hash-mismatch`);
        expect(unsealed.stderr).toContain(`row ${stale}: unsealed since 2026-01-01T00:00:00.000Z`);
      } finally {
        await handle.close();
      }
    } finally {
      await database.drop();
    }
  });
});
