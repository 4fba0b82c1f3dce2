import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from './connect';
import { testDrivers } from './testing';
import { historyThrough, openEmpty, removeHistoryCopies } from './upgrade-testing';

/*
 * Migrations 0041 and 0044 give model uploads their server analysis. An upload accepted
 * before the analysis existed has none: it is kept, waiting for the store's job to analyse it,
 * and the migrations run on a database that holds one.
 */

afterAll(removeHistoryCopies);

describe.each(testDrivers)('model uploads from before the server analysis, over %s', (driver) => {
  it('are kept for analysis, and ready rows need a format and an analysis', async () => {
    const database = await openEmpty(driver, 'makrx_model_analysis_upgrade');
    try {
      await database.migrateTo(historyThrough('0040_model_uploads'));
      await database.db.execute(
        sql`insert into store.model_uploads (id, owner_id, original_name, size_bytes, storage_key, sha256)
          values (gen_random_uuid(), gen_random_uuid(), 'old.stl', 684, 'old-key', ${'a'.repeat(64)})`,
      );
      await database.migrateTo(migrationsFolder);
      const left = await database.db.execute(
        sql`select original_name, status, analysis from store.model_uploads`,
      );
      expect(left.rows).toEqual([
        { original_name: 'old.stl', status: 'analysing', analysis: null },
      ]);
      await database.db.execute(sql`delete from store.model_uploads`);
      // Ready without an analysis, or refused without a reason, is refused by the database.
      await expect(
        database.db.execute(
          sql`insert into store.model_uploads (id, owner_id, original_name, size_bytes, storage_key, sha256)
            values (gen_random_uuid(), gen_random_uuid(), 'bare.stl', 684, 'bare-key', ${'c'.repeat(64)})`,
        ),
      ).rejects.toThrow();
      await expect(
        database.db.execute(
          sql`insert into store.model_uploads (id, owner_id, original_name, size_bytes, storage_key, sha256, status)
            values (gen_random_uuid(), gen_random_uuid(), 'bad.stl', 684, 'bad-key', ${'d'.repeat(64)}, 'refused')`,
        ),
      ).rejects.toThrow();

      const insert = (format: string, unitScale: number) =>
        database.db.execute(
          sql`insert into store.model_uploads (id, owner_id, original_name, size_bytes, storage_key, sha256, format, analysis, unit_scale)
            values (gen_random_uuid(), gen_random_uuid(), 'new.stl', 684, ${`key-${format}-${unitScale}`}, ${'b'.repeat(64)}, ${format}, '{"triangleCount":12}', ${unitScale})`,
        );
      await insert('stl-binary', 25.4);
      await expect(insert('step', 1)).rejects.toThrow();
      await expect(insert('obj', 10)).rejects.toThrow();
      const kept = await database.db.execute<{ format: string; unit_scale: number }>(
        sql`select format, unit_scale from store.model_uploads`,
      );
      expect(kept.rows).toEqual([{ format: 'stl-binary', unit_scale: 25.4 }]);
    } finally {
      await database.close();
    }
  });
});
