import { sql } from 'drizzle-orm';
import type { Database } from './connect';
import { seedRuns } from './shared-tables';

/**
 * Runs `seed` once in the life of a database: the first call records its name in the same
 * transaction, later calls do nothing. Returns whether it ran.
 */
export async function seedOnce(
  db: Database,
  name: string,
  seed: (tx: Database) => Promise<void>,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    // Serialise concurrent starts on PostgreSQL; PGlite has one connection anyway.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${name}))`);
    const inserted = await tx
      .insert(seedRuns)
      .values({ name })
      .onConflictDoNothing()
      .returning({ name: seedRuns.name });
    if (inserted.length === 0) return false;
    await seed(tx as unknown as Database);
    return true;
  });
}
