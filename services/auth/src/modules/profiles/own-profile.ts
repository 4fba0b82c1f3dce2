import type { OwnProfile } from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { users } from '@makrx/db/schema';
import { eq } from 'drizzle-orm';
import { avatarOf } from './avatars';
import { profiles } from './tables';

/** The user's own profile as they edit it, private or not; undefined when they have none. */
export async function readOwnProfile(
  db: Database,
  userId: string,
): Promise<OwnProfile | undefined> {
  const [row] = await db
    .select({
      handle: profiles.handle,
      displayName: users.displayName,
      public: profiles.public,
      headline: profiles.headline,
      bio: profiles.bio,
      location: profiles.location,
      skills: profiles.skills,
      links: profiles.links,
      avatarKey: profiles.avatarKey,
    })
    .from(profiles)
    .innerJoin(users, eq(users.id, profiles.userId))
    .where(eq(profiles.userId, userId));
  if (!row) return undefined;
  const { avatarKey, ...own } = row;
  return { ...own, avatar: avatarOf(avatarKey) };
}
