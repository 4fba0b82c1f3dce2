import type {
  FeaturedProject,
  MakerProfile,
  ProfileAchievement,
  ProfileListQuery,
  ProfilePage,
} from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { users } from '@makrx/db/schema';
import { asc, eq, sql } from 'drizzle-orm';
import { profileHighlights, profiles } from './tables';

// What the auth service's other modules may ask of profiles (eslint.config.js: this file only).
export { defaultShippingMethodOf, saveDefaultShippingMethod } from './preferences';
export { provisionMaker } from './provisioning';
export { searchMakers } from './search';

const profileColumns = {
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
  const where = query.featured === undefined ? undefined : eq(profiles.featured, query.featured);
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
    .where(eq(profiles.handle, handle));
  return row && toProfile(row);
}
