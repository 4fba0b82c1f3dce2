import type { MakerspaceRole } from '@makrx/auth';
import type { MakerspaceMembership } from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { asc, eq, sql } from 'drizzle-orm';
import { makerspaces } from '../makerspaces/tables';
import { memberships } from './tables';

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
