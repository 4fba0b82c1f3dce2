import type { Database } from '@makrx/db';
import { eq } from 'drizzle-orm';
import { featuredProjects, makerAchievements, profileSyncs } from './tables';

/** A maker's achievements, for their export. */
export const achievementsExportOf = (db: Database, userId: string) =>
  db.select().from(makerAchievements).where(eq(makerAchievements.userId, userId));

/** A deleted account's achievements, featured projects and profile syncs go. */
export async function eraseAchievements(tx: Database, userId: string): Promise<number> {
  let removed = 0;
  for (const table of [makerAchievements, featuredProjects, profileSyncs])
    removed += (await tx.delete(table).where(eq(table.userId, userId)).returning()).length;
  return removed;
}
