import type { MakerspaceRole } from '@makrx/auth';
import type { MakerspaceMembership } from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { eq, sql } from 'drizzle-orm';
import { makerspacesById } from '../makerspaces/service';
import { memberships } from './tables';

/** The makerspaces a user belongs to, by name, with their roles in each. */
export async function membershipsOf(db: Database, userId: string): Promise<MakerspaceMembership[]> {
  const rows = await db
    .select({
      makerspaceId: memberships.makerspaceId,
      roles: sql<MakerspaceRole[]>`array_agg(${memberships.role} order by ${memberships.role})`,
    })
    .from(memberships)
    .where(eq(memberships.userId, userId))
    .groupBy(memberships.makerspaceId);
  const rolesIn = new Map(rows.map((row) => [row.makerspaceId, row.roles]));
  const spaces = await makerspacesById(db, [...rolesIn.keys()]);
  return spaces.map((makerspace) => ({ makerspace, roles: rolesIn.get(makerspace.id)! }));
}
