import type { PurchaseSharing, PurchaseSummary } from '@makrx/contracts';
import { recordAudit, recordAuditBy, type Database } from '@makrx/db';
import { users } from '@makrx/db/schema';
import { notFound } from '@makrx/service-kit';
import { desc, eq } from 'drizzle-orm';
import { purchaseActivity, purchaseActivitySharing } from './tables';

export interface PurchaseReport {
  userId: string;
  orderId: string;
  productCategories: string[];
}

/**
 * Records a paid store order once: a second report of the same order changes nothing, so the
 * store may repeat it until it hears back.
 */
export async function recordPurchase(
  db: Database,
  report: PurchaseReport,
  requestId: string,
): Promise<{ orderId: string; recorded: boolean }> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.id, report.userId));
  if (!user) throw notFound('That user');
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(purchaseActivity)
      .values(report)
      .onConflictDoNothing({ target: purchaseActivity.orderId })
      .returning({ orderId: purchaseActivity.orderId });
    if (inserted.length === 0) return { orderId: report.orderId, recorded: false };
    await recordAudit(tx, {
      service: 'auth',
      action: 'purchase.recorded',
      entityType: 'user',
      entityId: report.userId,
      after: { orderId: report.orderId, productCategories: report.productCategories },
      requestId,
    });
    return { orderId: report.orderId, recorded: true };
  });
}

/** How many orders touched each category, for the buyer's own eyes. */
export async function purchaseSummaryOf(db: Database, userId: string): Promise<PurchaseSummary> {
  const rows = await db
    .select({
      categories: purchaseActivity.productCategories,
      recordedAt: purchaseActivity.recordedAt,
    })
    .from(purchaseActivity)
    .where(eq(purchaseActivity.userId, userId))
    .orderBy(desc(purchaseActivity.recordedAt));
  const counts = new Map<string, number>();
  for (const row of rows)
    for (const slug of row.categories) counts.set(slug, (counts.get(slug) ?? 0) + 1);
  return {
    orders: rows.length,
    categories: [...counts]
      .map(([slug, orders]) => ({ slug, orders }))
      .sort((a, b) => b.orders - a.orders || a.slug.localeCompare(b.slug)),
    lastPurchasedAt: rows[0]?.recordedAt.toISOString() ?? null,
  };
}
export {
  erasePurchaseActivity,
  purchaseActivityExportOf,
  purchaseSharingExportOf,
} from './privacy';

/** Whether the buyer chose to show their purchase activity on their public profile. */
export async function purchaseSharingOf(db: Database, userId: string): Promise<PurchaseSharing> {
  const [row] = await db
    .select({ shownOnProfile: purchaseActivitySharing.shownOnProfile })
    .from(purchaseActivitySharing)
    .where(eq(purchaseActivitySharing.userId, userId));
  return { shownOnProfile: row?.shownOnProfile ?? false };
}

/** The buyer's choice, recorded with its before and after; the same choice again changes nothing. */
export async function setPurchaseSharing(
  db: Database,
  userId: string,
  choice: PurchaseSharing,
  requestId: string,
): Promise<PurchaseSharing> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId));
  if (!user) throw notFound('Your account');
  return db.transaction(async (tx) => {
    const before = await purchaseSharingOf(tx, userId);
    if (before.shownOnProfile === choice.shownOnProfile) return before;
    await tx
      .insert(purchaseActivitySharing)
      .values({ userId, shownOnProfile: choice.shownOnProfile })
      .onConflictDoUpdate({
        target: purchaseActivitySharing.userId,
        set: { shownOnProfile: choice.shownOnProfile, changedAt: new Date() },
      });
    await recordAuditBy(
      tx,
      { userId, requestId },
      {
        service: 'auth',
        action: 'purchase-activity.sharing.changed',
        entityType: 'user',
        entityId: userId,
        before,
        after: choice,
      },
    );
    return choice;
  });
}
