import type { Database } from '@makrx/db';
import { eq } from 'drizzle-orm';
import { preferences, profileHighlights, profiles } from './tables';

/** The maker's profile, what MakrCave reported on it, and their preferences, for their export. */
export async function profileExportOf(db: Database, userId: string) {
  const [profile] = await db.select().from(profiles).where(eq(profiles.userId, userId));
  const [highlights] = await db
    .select()
    .from(profileHighlights)
    .where(eq(profileHighlights.userId, userId));
  const [prefs] = await db.select().from(preferences).where(eq(preferences.userId, userId));
  return { profile: profile ?? null, highlights: highlights ?? null, preferences: prefs ?? null };
}

/** Removes the profile, its highlights and the preferences of a deleted account. */
export async function eraseProfile(tx: Database, userId: string): Promise<number> {
  let removed = 0;
  for (const table of [profiles, profileHighlights, preferences])
    removed += (await tx.delete(table).where(eq(table.userId, userId)).returning()).length;
  return removed;
}
