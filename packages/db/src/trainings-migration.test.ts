import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from './connect';
import { testDrivers } from './testing';
import { historyThrough, openEmpty, removeHistoryCopies } from './upgrade-testing';

/*
 * Migration 0032 makes `equipment.training_id` the one answer to "does booking this machine
 * need a training", replacing the `requires_training` flag. A database from before it holds
 * machines flagged as needing one: they must keep needing one, each with a training of its own.
 */

afterAll(removeHistoryCopies);

describe.each(testDrivers)(
  'machines flagged as needing a training before trainings, over %s',
  (driver) => {
    it('each require a training of their own; the others none', async () => {
      const database = await openEmpty(driver, 'makrx_trainings_upgrade');
      try {
        await database.migrateTo(historyThrough('0031_cave_reservations'));
        const { rows } = await database.db.execute<{ id: string }>(
          sql`insert into makrcave.makerspaces (slug, name, tagline, description, address, city, country, opening_hours)
            values ('old-space', 'Old space', '', '', '', 'Pune', 'India', '') returning id`,
        );
        const spaceId = rows[0]!.id;
        const old: Array<[string, string, boolean]> = [
          ['xTool P2', 'xtool-p2', true],
          ['Shapeoko 5 Pro', 'shapeoko-5-pro', true],
          ['Prusa MK4', 'prusa-mk4', false],
        ];
        for (const [name, slug, requiresTraining] of old) {
          await database.db.execute(
            sql`insert into makrcave.equipment (makerspace_id, name, slug, requires_training) values (${spaceId}, ${name}, ${slug}, ${requiresTraining})`,
          );
        }
        await database.migrateTo(migrationsFolder);
        const machines = await database.db.execute<{ name: string; training: string | null }>(
          sql`select e.name, t.name as training from makrcave.equipment e
            left join makrcave.trainings t on t.id = e.training_id and t.makerspace_id = e.makerspace_id
            order by e.name`,
        );
        expect(machines.rows).toEqual([
          { name: 'Prusa MK4', training: null },
          { name: 'Shapeoko 5 Pro', training: 'Shapeoko 5 Pro induction' },
          { name: 'xTool P2', training: 'xTool P2 induction' },
        ]);
        const flag = await database.db.execute(
          sql`select 1 from information_schema.columns where table_schema = 'makrcave' and table_name = 'equipment' and column_name = 'requires_training'`,
        );
        expect(flag.rows).toEqual([]);
      } finally {
        await database.close();
      }
    });
  },
);
