import type { Database } from '@makrx/db';
import { users } from '@makrx/db/schema';
import { and, eq, inArray } from 'drizzle-orm';
import { profiles } from './tables';

/** What other modules may show of a maker who chose a public profile. */
export interface PublicMaker {
  userId: string;
  handle: string;
  displayName: string;
  headline: string;
  skills: string[];
}

const columns = {
  userId: profiles.userId,
  handle: profiles.handle,
  displayName: users.displayName,
  headline: profiles.headline,
  skills: profiles.skills,
};

/** A maker with a public profile by handle; a private or unknown one is `undefined`. */
export async function publicMakerByHandle(
  db: Database,
  handle: string,
): Promise<PublicMaker | undefined> {
  const [row] = await db
    .select(columns)
    .from(profiles)
    .innerJoin(users, eq(users.id, profiles.userId))
    .where(and(eq(profiles.handle, handle), eq(profiles.public, true)));
  return row;
}

/** The makers among `userIds` with a public profile, by user id; private ones are left out. */
export async function publicMakersByIds(
  db: Database,
  userIds: readonly string[],
): Promise<Map<string, PublicMaker>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select(columns)
    .from(profiles)
    .innerJoin(users, eq(users.id, profiles.userId))
    .where(and(inArray(profiles.userId, [...userIds]), eq(profiles.public, true)));
  return new Map(rows.map((row) => [row.userId, row]));
}
