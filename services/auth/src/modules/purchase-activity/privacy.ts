import type { Database } from '@makrx/db';
import { eq } from 'drizzle-orm';
import { purchaseActivity, purchaseActivitySharing } from './tables';

/** What the store reported of a user's purchases, for their export. */
export const purchaseActivityExportOf = (db: Database, userId: string) =>
  db.select().from(purchaseActivity).where(eq(purchaseActivity.userId, userId));

/** Whether the user chose to show their purchase activity on their profile, and when. */
export async function purchaseSharingExportOf(db: Database, userId: string) {
  const [row] = await db
    .select({
      shownOnProfile: purchaseActivitySharing.shownOnProfile,
      changedAt: purchaseActivitySharing.changedAt,
    })
    .from(purchaseActivitySharing)
    .where(eq(purchaseActivitySharing.userId, userId));
  return row ?? null;
}

/**
 * Removes the purchase activity of a deleted account and the choice to share it (the store
 * keeps the orders themselves).
 */
export async function erasePurchaseActivity(tx: Database, userId: string): Promise<number> {
  let removed = 0;
  for (const table of [purchaseActivity, purchaseActivitySharing])
    removed += (await tx.delete(table).where(eq(table.userId, userId)).returning()).length;
  return removed;
}
