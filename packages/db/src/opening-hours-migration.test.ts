import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from './connect';
import { testDrivers } from './testing';
import { historyThrough, openEmpty, removeHistoryCopies } from './upgrade-testing';

/*
 * Migrations 0033–0035 replace a makerspace's free-text opening hours with a time zone and
 * weekly hours as data. A database from before them holds the demo makerspaces: each must come
 * through with the hours its sentence said, in its city's zone; any other row opens 09:00–21:00.
 */

afterAll(removeHistoryCopies);

const open = (opens: string, closes: string) => [{ opens, closes }];

describe.each(testDrivers)('makerspaces from before opening hours as data, over %s', (driver) => {
  it('get the hours and time zone their sentence meant', async () => {
    const database = await openEmpty(driver, 'makrx_opening_hours');
    try {
      await database.migrateTo(historyThrough('0032_cave_trainings'));
      const old: Array<[string, string, string]> = [
        ['makrx-hub-bengaluru', 'Bengaluru', 'Mon–Sat 08:00–22:00, Sun 10:00–18:00'],
        ['northside-fab-lab', 'Manchester', 'Wed–Sat 11:00–20:00'],
        ['somewhere-else', 'Oslo', 'Most evenings, ask at the door'],
      ];
      for (const [slug, city, hours] of old) {
        await database.db.execute(
          sql`insert into makrcave.makerspaces (slug, name, tagline, description, address, city, country, opening_hours)
              values (${slug}, ${slug}, '', '', '', ${city}, '', ${hours})`,
        );
      }
      await database.migrateTo(migrationsFolder);
      const { rows } = await database.db.execute<{
        slug: string;
        time_zone: string;
        weekly_hours: Record<string, unknown>;
      }>(sql`select slug, time_zone, weekly_hours from makrcave.makerspaces order by slug`);
      const bySlug = Object.fromEntries(rows.map((row) => [row.slug, row]));
      expect(bySlug['makrx-hub-bengaluru']).toMatchObject({
        time_zone: 'Asia/Kolkata',
        weekly_hours: {
          mon: open('08:00', '22:00'),
          sat: open('08:00', '22:00'),
          sun: open('10:00', '18:00'),
        },
      });
      expect(bySlug['northside-fab-lab']).toMatchObject({
        time_zone: 'Europe/London',
        weekly_hours: { mon: [], tue: [], wed: open('11:00', '20:00'), sun: [] },
      });
      expect(bySlug['somewhere-else']).toMatchObject({
        time_zone: 'UTC',
        weekly_hours: { mon: open('09:00', '21:00'), sun: open('09:00', '21:00') },
      });
      const columns = await database.db.execute<{ column_name: string }>(
        sql`select column_name from information_schema.columns where table_schema = 'makrcave' and table_name = 'makerspaces'`,
      );
      expect(columns.rows.map((c) => c.column_name)).not.toContain('opening_hours');
    } finally {
      await database.close();
    }
  });
});
