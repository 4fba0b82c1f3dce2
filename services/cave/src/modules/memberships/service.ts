import type { MakerspaceRole } from '@makrx/auth';
import type { Database } from '@makrx/db';
import { and, asc, eq, sql } from 'drizzle-orm';
import { makerspaces } from '../makerspaces/tables';
import { memberships } from './tables';

export interface MakerspaceMembership {
  makerspace: { id: string; slug: string; name: string };
  roles: MakerspaceRole[];
}

/** The makerspaces a user belongs to, with their roles in each. */
export async function membershipsOf(db: Database, userId: string): Promise<MakerspaceMembership[]> {
  const rows = await db
    .select({
      id: makerspaces.id,
      slug: makerspaces.slug,
      name: makerspaces.name,
      roles: sql<MakerspaceRole[]>`array_agg(${memberships.role} order by ${memberships.role})`,
    })
    .from(memberships)
    .innerJoin(makerspaces, eq(makerspaces.id, memberships.makerspaceId))
    .where(eq(memberships.userId, userId))
    .groupBy(makerspaces.id)
    .orderBy(asc(makerspaces.name));
  return rows.map(({ roles, ...makerspace }) => ({ makerspace, roles }));
}

/** A user's roles in one makerspace, by its slug; none when not a member. */
export async function rolesInMakerspace(
  db: Database,
  userId: string,
  slug: string,
): Promise<MakerspaceRole[]> {
  const rows = await db
    .select({ role: memberships.role })
    .from(memberships)
    .innerJoin(makerspaces, eq(makerspaces.id, memberships.makerspaceId))
    .where(and(eq(memberships.userId, userId), eq(makerspaces.slug, slug)));
  return rows.map((row) => row.role);
}
