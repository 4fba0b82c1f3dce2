import type { Database } from '@makrx/db';
import { eq } from 'drizzle-orm';
import { memberships } from './tables';

/** The makerspaces a user belongs to, with their roles, for their export. */
export const membershipsExportOf = (db: Database, userId: string) =>
  db.select().from(memberships).where(eq(memberships.userId, userId));

/** A deleted account leaves every makerspace it belonged to. */
export async function eraseMemberships(tx: Database, userId: string): Promise<number> {
  return (await tx.delete(memberships).where(eq(memberships.userId, userId)).returning()).length;
}
