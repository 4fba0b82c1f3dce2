import type { Database } from '@makrx/db';
import { eq } from 'drizzle-orm';
import { purchaseActivity } from './tables';

/** What the store reported of a user's purchases, for their export. */
export const purchaseActivityExportOf = (db: Database, userId: string) =>
  db.select().from(purchaseActivity).where(eq(purchaseActivity.userId, userId));

/** Removes the purchase activity of a deleted account (the store keeps the orders themselves). */
export async function erasePurchaseActivity(tx: Database, userId: string): Promise<number> {
  return (await tx.delete(purchaseActivity).where(eq(purchaseActivity.userId, userId)).returning())
    .length;
}
