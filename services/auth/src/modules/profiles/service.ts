import type {
  DirectoryFacet,
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
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { avatarOf } from './avatars';
import { renderBio } from './bio';
import { readOwnProfile } from './own-profile';
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
export { editProfile } from './profile-edit';
export { removeAvatarFilesOf } from './avatars';
export { publicFilesOf } from './avatar-storage';

const profileColumns = {
  userId: users.id,
  handle: profiles.handle,
  displayName: users.displayName,
  headline: profiles.headline,
  bio: profiles.bio,
  location: profiles.location,
  skills: profiles.skills,
  links: profiles.links,
  avatarKey: profiles.avatarKey,
  featured: profiles.featured,
  joinedAt: users.createdAt,
  achievements: sql<ProfileAchievement[]>`coalesce(${profileHighlights.achievements}, '[]'::jsonb)`,
  featuredProjects: sql<
    FeaturedProject[]
  >`coalesce(${profileHighlights.featuredProjects}, '[]'::jsonb)`,
};

type ProfileRow = Omit<MakerProfile, 'joinedAt' | 'bioHtml' | 'avatar'> & {
  joinedAt: Date;
  avatarKey: string | null;
};

function toProfile({ avatarKey, ...row }: ProfileRow): MakerProfile {
  return {
    ...row,
    bioHtml: renderBio(row.bio),
    avatar: avatarOf(avatarKey),
    joinedAt: row.joinedAt.toISOString(),
  };
}

/** The city of a "City, Country" location, as the directory filters by it. */
const cityOf = sql`trim(split_part(${profiles.location}, ',', 1))`;

/**
 * Most active first (README "Makers directory"): the maker whose profile changed or whose
 * MakrCave highlights arrived most recently, then the one with more highlights (milestones and
 * featured projects), then by name.
 */
const lastActive = sql`greatest(${profiles.updatedAt}, coalesce(${profileHighlights.syncedAt}, ${profiles.updatedAt}))`;
const highlightCount = sql`coalesce(jsonb_array_length(${profileHighlights.achievements}) + jsonb_array_length(${profileHighlights.featuredProjects}), 0)`;

function directoryFilter(query: ProfileListQuery): SQL | undefined {
  return and(
    eq(profiles.public, true),
    query.featured === undefined ? undefined : eq(profiles.featured, query.featured),
    query.skill === undefined
      ? undefined
      : sql`exists (select 1 from unnest(${profiles.skills}) as skill where lower(skill) = lower(${query.skill}))`,
    query.city === undefined ? undefined : sql`lower(${cityOf}) = lower(${query.city})`,
  );
}

/** The skills and cities of the public makers, most common first, for the directory's filters. */
async function directoryFacets(db: Database): Promise<ProfilePage['facets']> {
  const skills = await db.execute<DirectoryFacet>(
    sql`select min(skill) as value, cast(count(*) as integer) as count
        from ${profiles}, unnest(${profiles.skills}) as skill
        where ${profiles.public}
        group by lower(skill) order by count(*) desc, min(skill) asc limit 40`,
  );
  const cities = await db.execute<DirectoryFacet>(
    sql`select min(${cityOf}) as value, cast(count(*) as integer) as count
        from ${profiles}
        where ${profiles.public} and ${cityOf} <> ''
        group by lower(${cityOf}) order by count(*) desc, min(${cityOf}) asc limit 40`,
  );
  return { skills: skills.rows, cities: cities.rows };
}

export async function listProfiles(db: Database, query: ProfileListQuery): Promise<ProfilePage> {
  const rows = await db
    .select({ ...profileColumns, total: sql<number>`cast(count(*) over () as integer)` })
    .from(profiles)
    .innerJoin(users, eq(users.id, profiles.userId))
    .leftJoin(profileHighlights, eq(profileHighlights.userId, profiles.userId))
    .where(directoryFilter(query))
    .orderBy(desc(lastActive), desc(highlightCount), asc(users.displayName), asc(profiles.handle))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const total = rows[0]?.total ?? 0;
  return {
    items: rows.map(({ total: _total, ...row }) => toProfile(row)),
    page: query.page,
    pageSize: query.pageSize,
    total,
    totalPages: Math.ceil(total / query.pageSize),
    facets: await directoryFacets(db),
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
  const found = await readOwnProfile(db, userId);
  if (found) return found;
  await provisionMaker(db, userId);
  const made = await readOwnProfile(db, userId);
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
