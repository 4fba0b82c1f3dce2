import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, type DatabaseHandle } from './connect';
import { seedOnce } from './seed';
import { users } from './shared-tables';
import { createTestDatabase, testDrivers } from './testing';

describe.each(testDrivers)('the migrated database over %s', (driver) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
  });
  afterAll(() => database.close());

  it('has the auth, makrcave and store schemas', async () => {
    const result = await database.db.execute<{ name: string }>(
      sql`select schema_name as name from information_schema.schemata`,
    );
    expect(result.rows.map((r) => r.name)).toEqual(
      expect.arrayContaining(['auth', 'makrcave', 'store']),
    );
  });

  it('has the shared tables users, feature_flags and audit_logs in public', async () => {
    const result = await database.db.execute<{ name: string }>(
      sql`select table_name as name from information_schema.tables where table_schema = 'public'`,
    );
    expect(result.rows.map((r) => r.name)).toEqual(
      expect.arrayContaining(['users', 'feature_flags', 'audit_logs']),
    );
  });

  it('refuses a second user with the same email in another case', async () => {
    await database.db
      .insert(users)
      .values({ email: 'Ada@example.org', username: 'ada', displayName: 'Ada' });
    await expect(
      database.db
        .insert(users)
        .values({ email: 'ada@EXAMPLE.org', username: 'ada2', displayName: 'Ada' }),
    ).rejects.toThrow();
  });

  it('runs a named seed once however often it is asked', async () => {
    let runs = 0;
    const seed = async () => {
      runs += 1;
    };
    expect(await seedOnce(database.db, 'test:once', seed)).toBe(true);
    expect(await seedOnce(database.db, 'test:once', seed)).toBe(false);
    expect(runs).toBe(1);
  });

  it('answers ping while open', async () => {
    await expect(database.ping()).resolves.toBeUndefined();
  });
});

describe('embedded PGlite on disk', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'makrx-db-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps what was written across a close and a reopen', async () => {
    const first = await connectDatabase({ dataDir });
    await first.migrate();
    await first.db
      .insert(users)
      .values({ email: 'kept@example.org', username: 'kept', displayName: 'Kept' });
    await first.close();

    const second = await connectDatabase({ dataDir });
    await second.migrate();
    const rows = await second.db.select({ email: users.email }).from(users);
    await second.close();
    expect(rows).toEqual([{ email: 'kept@example.org' }]);
  });

  it('refuses a second process on the same folder', async () => {
    const open = await connectDatabase({ dataDir });
    try {
      const script = `import('${new URL('./connect.ts', import.meta.url).pathname}').then((m) => m.connectDatabase({ dataDir: '${dataDir}' }))`;
      const tsx = createRequire(import.meta.url).resolve('tsx');
      const other = spawnSync(process.execPath, ['--import', tsx, '-e', script], {
        encoding: 'utf8',
      });
      expect(other.status).not.toBe(0);
      expect(other.stderr).toContain('in use by process');
    } finally {
      await open.close();
    }
  });
});
