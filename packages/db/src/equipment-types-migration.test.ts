import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from './connect';
import { testDrivers } from './testing';
import { historyThrough, openEmpty, removeHistoryCopies } from './upgrade-testing';

/*
 * Migrations 0029–0030 give every machine a slug and a type in place of the free-text kind.
 * A database from before them already holds machines: they must come through with a slug of
 * their own and the type their kind meant.
 */

afterAll(removeHistoryCopies);

describe.each(testDrivers)('machines from before equipment types, over %s', (driver) => {
  it('get a slug of their own and the type their kind meant', async () => {
    const database = await openEmpty(driver, 'makrx_equipment');
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
