import type { MakerspaceRoster } from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { notFound } from '@makrx/service-kit';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { makerspaceIdOf, makerspacesById } from '../makerspaces/service';
import { memberships } from './tables';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A makerspace's active members (suspended ones left out) with their roles, for MakrX.org's
 * members directory: who they are, never their email, which MakrX.org shows only as the
 * member's own public profile allows.
 */
export async function rosterOf(db: Database, makerspace: string): Promise<MakerspaceRoster> {
  const id = UUID.test(makerspace) ? makerspace : await makerspaceIdOf(db, makerspace);
  const [space] = id ? await makerspacesById(db, [id]) : [];
  if (!space) throw notFound('That makerspace');
  const rows = await db
    .select({
      userId: memberships.userId,
      roles: sql<
        MakerspaceRoster['items'][number]['roles']
      >`array_agg(${memberships.role} order by ${memberships.role})`,
      joinedAt: sql<string>`min(${memberships.joinedAt})`,
    })
    .from(memberships)
    .where(and(eq(memberships.makerspaceId, space.id), isNull(memberships.suspendedAt)))
    .groupBy(memberships.userId)
    .orderBy(asc(sql`min(${memberships.joinedAt})`));
  return {
    makerspace: { id: space.id, slug: space.slug, name: space.name },
    items: rows.map((row) => ({ ...row, joinedAt: new Date(row.joinedAt).toISOString() })),
  };
}
