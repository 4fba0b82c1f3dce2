import type { Database } from '@makrx/db';
import { desc, eq, or } from 'drizzle-orm';
import { publicMakersByIds } from '../profiles/service';
import { communityActivity, makerFollows, makerspaceFollows } from './tables';

/**
 * A maker's part of the community, for their export: whom they follow, who follows them (by
 * handle when that maker's profile is public, else only counted: a private maker is named to
 * nobody) and the activity items recorded about them.
 */
export async function communityExportOf(db: Database, userId: string) {
  const following = await db
    .select({ makerId: makerFollows.makerId, followedAt: makerFollows.followedAt })
    .from(makerFollows)
    .where(eq(makerFollows.followerId, userId))
    .orderBy(desc(makerFollows.followedAt));
  const followers = await db
    .select({ followerId: makerFollows.followerId, followedAt: makerFollows.followedAt })
    .from(makerFollows)
    .where(eq(makerFollows.makerId, userId))
    .orderBy(desc(makerFollows.followedAt));
  const named = await publicMakersByIds(db, [
    ...following.map((row) => row.makerId),
    ...followers.map((row) => row.followerId),
  ]);
  const publicFollowers = followers.flatMap((row) => {
    const maker = named.get(row.followerId);
    return maker ? [{ handle: maker.handle, followedAt: row.followedAt }] : [];
  });
  return {
    followingMakers: following.map((row) => ({
      handle: named.get(row.makerId)?.handle ?? null,
      followedAt: row.followedAt,
    })),
    followingMakerspaces: await db
      .select({
        makerspaceId: makerspaceFollows.makerspaceId,
        slug: makerspaceFollows.slug,
        name: makerspaceFollows.name,
        followedAt: makerspaceFollows.followedAt,
      })
      .from(makerspaceFollows)
      .where(eq(makerspaceFollows.followerId, userId)),
    followers: publicFollowers,
    privateFollowers: followers.length - publicFollowers.length,
    activity: await db
      .select()
      .from(communityActivity)
      .where(eq(communityActivity.userId, userId))
      .orderBy(desc(communityActivity.occurredAt)),
  };
}

/**
 * Removes a deleted maker from the community: their follows either way (so nobody follows them
 * any longer), the makerspaces they followed, and their activity, which leaves every feed.
 */
export async function eraseCommunity(tx: Database, userId: string) {
  const follows = await tx
    .delete(makerFollows)
    .where(or(eq(makerFollows.followerId, userId), eq(makerFollows.makerId, userId)))
    .returning({ makerId: makerFollows.makerId });
  const spaces = await tx
    .delete(makerspaceFollows)
    .where(eq(makerspaceFollows.followerId, userId))
    .returning({ id: makerspaceFollows.makerspaceId });
  const activity = await tx
    .delete(communityActivity)
    .where(eq(communityActivity.userId, userId))
    .returning({ id: communityActivity.id });
  return { follows: follows.length + spaces.length, activity: activity.length };
}
