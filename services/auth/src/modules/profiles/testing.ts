import type { Database } from '@makrx/db';
import { eq } from 'drizzle-orm';
import { profiles } from './tables';

/** Test helpers of the profiles module, for other modules' tests. */

/** The handle a user's profile was given, if they have one. */
export async function profileHandleOf(db: Database, userId: string) {
  const [profile] = await db
    .select({ handle: profiles.handle })
    .from(profiles)
    .where(eq(profiles.userId, userId));
  return profile?.handle;
}
