import {
  AppError,
  type ActivityReport,
  type FeedItem,
  type FeedPage,
  type FeedQuery,
  type FollowState,
  type MakerFollowSummary,
  type MyFollows,
} from '@makrx/contracts';
import { activityReport } from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { users } from '@makrx/db/schema';
import { notFound } from '@makrx/service-kit';
import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { publicMakerByHandle, publicMakersByIds } from '../profiles/service';
import { communityActivity, makerFollows, makerspaceFollows } from './tables';

/** The flag every community route stands behind (spec section 5, org domain). */
export const COMMUNITY_FLAG = 'ENABLE_COMMUNITY_FEATURES';

/** A public profile by handle, or 404: a private or unknown maker cannot be followed. */
async function followableMaker(db: Database, handle: string) {
  const maker = await publicMakerByHandle(db, handle);
  if (!maker) throw notFound(`Maker "${handle}"`);
  return maker;
}

async function followersOf(db: Database, makerId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`cast(count(*) as integer)` })
    .from(makerFollows)
    .where(eq(makerFollows.makerId, makerId));
  return row?.count ?? 0;
}

async function isFollowing(db: Database, followerId: string, makerId: string) {
  const [row] = await db
    .select({ makerId: makerFollows.makerId })
    .from(makerFollows)
    .where(and(eq(makerFollows.followerId, followerId), eq(makerFollows.makerId, makerId)));
  return row !== undefined;
}

/** Follows a maker with a public profile; following again changes nothing. */
export async function followMaker(
  db: Database,
  followerId: string,
  handle: string,
): Promise<FollowState> {
  const maker = await followableMaker(db, handle);
  if (maker.userId === followerId)
    throw new AppError(422, 'CANNOT_FOLLOW_SELF', 'You cannot follow yourself.');
  await db.insert(makerFollows).values({ followerId, makerId: maker.userId }).onConflictDoNothing();
  return { following: true, followers: await followersOf(db, maker.userId) };
}

/** Stops following a maker; unfollowing one not followed changes nothing. */
export async function unfollowMaker(
  db: Database,
  followerId: string,
  handle: string,
): Promise<FollowState> {
  const maker = await followableMaker(db, handle);
  await db
    .delete(makerFollows)
    .where(and(eq(makerFollows.followerId, followerId), eq(makerFollows.makerId, maker.userId)));
  return { following: false, followers: await followersOf(db, maker.userId) };
}

/** A public profile's follower count, and whether `viewerId` (if signed in) follows it. */
export async function makerFollowSummary(
  db: Database,
  handle: string,
  viewerId: string | undefined,
): Promise<MakerFollowSummary> {
  const maker = await followableMaker(db, handle);
  return {
    following: viewerId ? await isFollowing(db, viewerId, maker.userId) : false,
    followers: await followersOf(db, maker.userId),
    isYou: viewerId === maker.userId,
  };
}

export interface MakerspaceRef {
  id: string;
  slug: string;
  name: string;
}

export async function followMakerspace(db: Database, followerId: string, space: MakerspaceRef) {
  await db
    .insert(makerspaceFollows)
    .values({ followerId, makerspaceId: space.id, slug: space.slug, name: space.name })
    .onConflictDoUpdate({
      target: [makerspaceFollows.followerId, makerspaceFollows.makerspaceId],
      set: { slug: space.slug, name: space.name },
    });
  return { following: true, followers: await makerspaceFollowersOf(db, space.id) };
}

export async function unfollowMakerspace(db: Database, followerId: string, space: MakerspaceRef) {
  await db
    .delete(makerspaceFollows)
    .where(
      and(
        eq(makerspaceFollows.followerId, followerId),
        eq(makerspaceFollows.makerspaceId, space.id),
      ),
    );
  return { following: false, followers: await makerspaceFollowersOf(db, space.id) };
}

async function makerspaceFollowersOf(db: Database, makerspaceId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`cast(count(*) as integer)` })
    .from(makerspaceFollows)
    .where(eq(makerspaceFollows.makerspaceId, makerspaceId));
  return row?.count ?? 0;
}

/** Whom `followerId` follows, newest first; makers who made their profile private drop out. */
export async function followsOf(db: Database, followerId: string): Promise<MyFollows> {
  const makerRows = await db
    .select({ makerId: makerFollows.makerId, followedAt: makerFollows.followedAt })
    .from(makerFollows)
    .where(eq(makerFollows.followerId, followerId))
    .orderBy(desc(makerFollows.followedAt));
  const makers = await publicMakersByIds(
    db,
    makerRows.map((row) => row.makerId),
  );
  const spaces = await db
    .select()
    .from(makerspaceFollows)
    .where(eq(makerspaceFollows.followerId, followerId))
    .orderBy(desc(makerspaceFollows.followedAt));
  return {
    makers: makerRows.flatMap((row) => {
      const maker = makers.get(row.makerId);
      return maker
        ? [
            {
              userId: maker.userId,
              handle: maker.handle,
              displayName: maker.displayName,
              headline: maker.headline,
              followedAt: row.followedAt.toISOString(),
            },
          ]
        : [];
    }),
    makerspaces: spaces.map((space) => ({
      makerspaceId: space.makerspaceId,
      slug: space.slug,
      name: space.name,
      followedAt: space.followedAt.toISOString(),
    })),
  };
}

/**
 * Records one public happening once per activity id; a repeat updates what it says (a renamed
 * project, a new makerspace) but never its time, so the feed's order stays put.
 */
export async function recordActivity(
  db: Database,
  input: ActivityReport,
): Promise<{ activityId: string; recorded: boolean }> {
  const report = activityReport.parse(input);
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.id, report.user_id));
  if (!user) throw notFound('That user');
  const values = {
    kind: report.kind,
    userId: report.user_id,
    makerspaceId: report.makerspace_id,
    makerspaceName: report.makerspace_name,
    projectId: report.project_id,
    title: report.title,
    summary: report.summary,
    link: report.link,
  };
  const [row] = await db
    .insert(communityActivity)
    .values({ id: report.activity_id, ...values, occurredAt: new Date(report.occurred_at) })
    .onConflictDoUpdate({ target: communityActivity.id, set: values })
    .returning({ inserted: sql<boolean>`(xmax = 0)` });
  return { activityId: report.activity_id, recorded: row?.inserted ?? false };
}

/** Removes every item about a project (made private or deleted); repeating it removes nothing. */
export async function withdrawProjectActivity(db: Database, projectId: string) {
  const removed = await db
    .delete(communityActivity)
    .where(eq(communityActivity.projectId, projectId))
    .returning({ id: communityActivity.id });
  return { projectId, removed: removed.length };
}

const encodeCursor = (occurredAt: Date, id: string) =>
  Buffer.from(`${occurredAt.toISOString()}|${id}`).toString('base64url');

function decodeCursor(cursor: string): { occurredAt: Date; id: string } {
  const [at, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const occurredAt = new Date(at ?? '');
  const id = rest.join('|');
  if (Number.isNaN(occurredAt.getTime()) || id === '')
    throw new AppError(400, 'VALIDATION_FAILED', 'That cursor is not one this feed gave.', [
      { location: 'query', field: 'cursor', message: 'not a cursor from a previous page' },
    ]);
  return { occurredAt, id };
}

/**
 * The public activity of the makers and makerspaces `readerId` follows, newest first, a page
 * at a time (keyset on occurred_at, id). Only makers with a public profile are named, and the
 * reader's own activity is left out.
 */
export async function feedOf(db: Database, readerId: string, query: FeedQuery): Promise<FeedPage> {
  const followedMakers = db
    .select({ id: makerFollows.makerId })
    .from(makerFollows)
    .where(eq(makerFollows.followerId, readerId));
  const followedSpaces = db
    .select({ id: makerspaceFollows.makerspaceId })
    .from(makerspaceFollows)
    .where(eq(makerspaceFollows.followerId, readerId));
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = await db
    .select({
      activity: communityActivity,
      viaMaker: sql<boolean>`${communityActivity.userId} in ${followedMakers}`,
    })
    .from(communityActivity)
    .where(
      and(
        or(
          inArray(communityActivity.userId, followedMakers),
          inArray(communityActivity.makerspaceId, followedSpaces),
        ),
        sql`${communityActivity.userId} <> ${readerId}`,
        after
          ? sql`(${communityActivity.occurredAt}, ${communityActivity.id}) < (${after.occurredAt.toISOString()}::timestamptz, ${after.id})`
          : undefined,
      ),
    )
    .orderBy(desc(communityActivity.occurredAt), desc(communityActivity.id))
    .limit(query.limit * 2 + 1);
  // Activity of makers who keep their profile private is skipped: MakrX.org does not name them.
  const scanned = rows.slice(0, query.limit * 2);
  const makers = await publicMakersByIds(db, [...new Set(scanned.map((r) => r.activity.userId))]);
  const visible = scanned.filter((row) => makers.has(row.activity.userId));
  const page = visible.slice(0, query.limit);
  const items: FeedItem[] = page.map(({ activity, viaMaker }) => {
    const maker = makers.get(activity.userId)!;
    return {
      id: activity.id,
      kind: activity.kind,
      maker: { userId: maker.userId, handle: maker.handle, displayName: maker.displayName },
      makerspace: activity.makerspaceId
        ? { id: activity.makerspaceId, name: activity.makerspaceName }
        : null,
      projectId: activity.projectId,
      title: activity.title,
      summary: activity.summary,
      link: activity.link,
      occurredAt: activity.occurredAt.toISOString(),
      via: viaMaker ? 'maker' : 'makerspace',
    };
  });
  // The next page starts after the last item shown, or after the last row read when the rows
  // read were all someone's private activity.
  const last =
    visible.length > query.limit
      ? page.at(-1)?.activity
      : rows.length > scanned.length
        ? scanned.at(-1)?.activity
        : undefined;
  return { items, nextCursor: last ? encodeCursor(last.occurredAt, last.id) : null };
}
export { communityExportOf, eraseCommunity } from './privacy';
