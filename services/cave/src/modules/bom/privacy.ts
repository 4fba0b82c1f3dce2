import type { Database } from '@makrx/db';
import { eq, inArray } from 'drizzle-orm';
import { bomItems, bomReorders } from './tables';

/** The bills of materials of a user's projects and the Quick Reorders they made, for their export. */
export async function bomsExportOf(db: Database, userId: string, projectIds: string[]) {
  const items = projectIds.length
    ? await db.select().from(bomItems).where(inArray(bomItems.projectId, projectIds))
    : [];
  const reorders = await db.select().from(bomReorders).where(eq(bomReorders.userId, userId));
  return { items, reorders };
}
