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
import { migrationsFolder, pgliteExtensions, type Database, type Driver } from './connect';
import { createEmptyPostgresDatabase, testDrivers } from './testing';

/*
 * Migrations 0029–0030 give every machine a slug and a type in place of the free-text kind.
 * A database from before them already holds machines: they must come through with a slug of
 * their own and the type their kind meant.
 */

const scratch = mkdtempSync(join(tmpdir(), 'makrx-equipment-migration-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function historyThrough(lastTag: string): string {
  const folder = join(scratch, lastTag);
  cpSync(migrationsFolder, folder, { recursive: true });
  const journalFile = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.slice(
    0,
    journal.entries.findIndex((e) => e.tag === lastTag) + 1,
  );
  writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

async function openEmpty(driver: Driver) {
  if (driver === 'pglite') {
    const client = await PGlite.create('memory://', { extensions: pgliteExtensions });
    const db = drizzlePglite(client);
    return {
      db: db as unknown as Database,
      migrateTo: (folder: string) => migratePglite(db, { migrationsFolder: folder }),
      close: () => client.close(),
    };
  }
  const empty = await createEmptyPostgresDatabase(
    process.env.TEST_DATABASE_URL!,
    'makrx_equipment',
  );
  const pool = new pg.Pool({ connectionString: empty.url, max: 2 });
  const db = drizzlePostgres(pool);
  return {
    db: db as unknown as Database,
    migrateTo: (folder: string) => migratePostgres(db, { migrationsFolder: folder }),
    close: async () => {
      await pool.end();
      await empty.drop();
    },
  };
}

describe.each(testDrivers)('machines from before equipment types, over %s', (driver) => {
  it('get a slug of their own and the type their kind meant', async () => {
    const database = await openEmpty(driver);
    try {
      await database.migrateTo(historyThrough('0028_cave_invites_and_member_suspension'));
      const { rows } = await database.db.execute<{ id: string }>(
        sql`insert into makrcave.makerspaces (slug, name, tagline, description, address, city, country, opening_hours)
            values ('old-space', 'Old space', '', '', '', 'Pune', 'India', '') returning id`,
      );
      const spaceId = rows[0]!.id;
      const old: Array<[string, string]> = [
        ['Prusa MK4 #1', '3D printer'],
        ['Prusa MK4 (1)', '3D printer'],
        ['Formlabs Form 3+', 'Resin printer'],
        ['xTool P2 55 W CO₂', 'Laser cutter'],
        ['Shapeoko 5 Pro', 'CNC router'],
        ['Roland GS2-24', 'Vinyl cutter'],
        ['Hakko bench', 'Electronics bench'],
        ['Brother PR680W', 'Embroidery machine'],
        ['★', 'Mystery'],
      ];
      for (const [name, kind] of old) {
        await database.db.execute(
          sql`insert into makrcave.equipment (makerspace_id, name, kind) values (${spaceId}, ${name}, ${kind})`,
        );
      }
      await database.migrateTo(migrationsFolder);
      const machines = await database.db.execute<{ name: string; slug: string; type: string }>(
        sql`select name, slug, type from makrcave.equipment order by name`,
      );
      expect(Object.fromEntries(machines.rows.map((m) => [m.name, [m.slug, m.type]]))).toEqual({
        'Brother PR680W': ['brother-pr680w', 'other'],
        'Formlabs Form 3+': ['formlabs-form-3', '3d_printer'],
        'Hakko bench': ['hakko-bench', 'electronics_bench'],
        'Prusa MK4 #1': [expect.stringMatching(/^prusa-mk4-1(-2)?$/), '3d_printer'],
        'Prusa MK4 (1)': [expect.stringMatching(/^prusa-mk4-1(-2)?$/), '3d_printer'],
        'Roland GS2-24': ['roland-gs2-24', 'vinyl_cutter'],
        'Shapeoko 5 Pro': ['shapeoko-5-pro', 'cnc_mill'],
        'xTool P2 55 W CO₂': ['xtool-p2-55-w-co', 'laser_cutter'],
        '★': ['machine', 'other'],
      });
      const slugs = machines.rows.map((m) => m.slug);
      expect(new Set(slugs).size).toBe(slugs.length);
    } finally {
      await database.close();
    }
  });
});
