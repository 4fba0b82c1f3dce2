import type {
  FeaturedProject,
  MakerProfile,
  OwnProfile,
  ProfileAchievement,
  ProfileListQuery,
  ProfilePage,
} from '@makrx/contracts';
import { recordAudit, type Database } from '@makrx/db';
import { notFound } from '@makrx/service-kit';
import { users } from '@makrx/db/schema';
import { and, asc, eq, sql } from 'drizzle-orm';
import { provisionMaker } from './provisioning';
import { profileHighlights, profiles } from './tables';

// What the auth service's other modules may ask of profiles (eslint.config.js: this file only).
export {
  accountPreferencesOf,
  defaultShippingMethodOf,
  saveAccountPreferences,
  saveDefaultShippingMethod,
} from './preferences';
export { provisionMaker } from './provisioning';
export { searchMakers } from './search';
export { publicMakerByHandle, publicMakersByIds, type PublicMaker } from './public-makers';

const profileColumns = {
  userId: users.id,
  handle: profiles.handle,
  displayName: users.displayName,
  headline: profiles.headline,
  bio: profiles.bio,
  location: profiles.location,
  skills: profiles.skills,
  featured: profiles.featured,
  joinedAt: users.createdAt,
  achievements: sql<ProfileAchievement[]>`coalesce(${profileHighlights.achievements}, '[]'::jsonb)`,
  featuredProjects: sql<
    FeaturedProject[]
  >`coalesce(${profileHighlights.featuredProjects}, '[]'::jsonb)`,
};

function toProfile(row: { joinedAt: Date } & Omit<MakerProfile, 'joinedAt'>): MakerProfile {
  return { ...row, joinedAt: row.joinedAt.toISOString() };
}

export async function listProfiles(db: Database, query: ProfileListQuery): Promise<ProfilePage> {
  const where = and(
    eq(profiles.public, true),
    query.featured === undefined ? undefined : eq(profiles.featured, query.featured),
  );
  const rows = await db
    .select({ ...profileColumns, total: sql<number>`cast(count(*) over () as integer)` })
    .from(profiles)
    .innerJoin(users, eq(users.id, profiles.userId))
    .leftJoin(profileHighlights, eq(profileHighlights.userId, profiles.userId))
    .where(where)
    .orderBy(asc(users.displayName))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const total = rows[0]?.total ?? 0;
  return {
    items: rows.map(({ total: _total, ...row }) => toProfile(row)),
    page: query.page,
    pageSize: query.pageSize,
    total,
    totalPages: Math.ceil(total / query.pageSize),
  };
}

export async function findProfile(db: Database, handle: string): Promise<MakerProfile | undefined> {
  const [row] = await db
    .select(profileColumns)
    .from(profiles)
    .innerJoin(users, eq(users.id, profiles.userId))
    .leftJoin(profileHighlights, eq(profileHighlights.userId, profiles.userId))
    .where(and(eq(profiles.handle, handle), eq(profiles.public, true)));
  return row && toProfile(row);
}

/**
 * The user's own profile as they manage it, private or not; one is made first if they never
 * had one (as for the visibility change), so every signed-in user has something to show.
 */
export async function ownProfileOf(db: Database, userId: string): Promise<OwnProfile> {
  const read = async () => {
    const [row] = await db
      .select({ handle: profiles.handle, displayName: users.displayName, public: profiles.public })
      .from(profiles)
      .innerJoin(users, eq(users.id, profiles.userId))
      .where(eq(profiles.userId, userId));
    return row;
  };
  const found = await read();
  if (found) return found;
  await provisionMaker(db, userId);
  const made = await read();
  if (!made) throw notFound('Your account');
  return made;
}

/** Shows or hides the user's own profile; one is made first if they never had one. */
export async function setProfileVisibility(
  db: Database,
  userId: string,
  visible: boolean,
  requestId: string,
): Promise<{ public: boolean }> {
  await provisionMaker(db, userId);
  await db.transaction(async (tx) => {
    await tx
      .update(profiles)
      .set({ public: visible, updatedAt: new Date() })
      .where(eq(profiles.userId, userId));
    await recordAudit(tx, {
      service: 'auth',
      action: visible ? 'profile.made_public' : 'profile.made_private',
      entityType: 'user',
      entityId: userId,
      actorId: userId,
      requestId,
    });
  });
  return { public: visible };
}
export { profileExportOf, eraseProfile } from './privacy';
