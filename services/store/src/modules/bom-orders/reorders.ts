import { createHash } from 'node:crypto';
import type { Database } from '@makrx/db';
import { conflict } from '@makrx/service-kit';
import { and, eq, isNull, lte, sql } from 'drizzle-orm';
import { bomReorders, type ReorderItem } from './tables';

export type ReorderRow = typeof bomReorders.$inferSelect;

/**
 * Claims a reorder id for a user before their cart is filled from it, in the transaction that
 * fills it: answers the earlier reorder when the cave sends the same one again (nothing is added
 * twice), and refuses the id when it is another user's (409 REORDER_ID_TAKEN).
 */
export async function claimReorder(
  tx: Database,
  reorder: { reorderId: string; userId: string; makerspaceId?: string },
): Promise<ReorderRow | undefined> {
  const [claimed] = await tx
    .insert(bomReorders)
    .values({ ...reorder, items: [] })
    .onConflictDoNothing()
    .returning();
  if (claimed) return undefined;
  const [earlier] = await tx
    .select()
    .from(bomReorders)
    .where(eq(bomReorders.reorderId, reorder.reorderId));
  if (earlier!.userId !== reorder.userId) {
    throw conflict('REORDER_ID_TAKEN', 'This reorder id belongs to another user’s reorder.');
  }
  return earlier;
}

/** What the claimed reorder put in the cart (or ordered): the codes its order is matched by. */
export async function recordReorderItems(
  tx: Database,
  reorderId: string,
  items: readonly ReorderItem[],
  orderId?: string,
) {
  await tx
    .update(bomReorders)
    .set({ items: [...items], ...(orderId ? { orderId, linkedAt: new Date() } : {}) })
    .where(eq(bomReorders.reorderId, reorderId));
}

/**
 * Links a paid order to its buyer's open reorders whose codes it holds, created before it was
 * paid, and answers every reorder linked to it (those linked now, and those linked by an earlier
 * delivery of the same event). An order a purchasing account placed keeps the one reorder it was
 * placed for. A reorder is linked once: `order_id is null` is part of the update, so of two
 * orders paid at once one wins.
 */
export async function linkPaidOrder(
  db: Database,
  paid: { orderId: string; userId: string | null; skus: readonly string[]; paidAt: Date },
): Promise<ReorderRow[]> {
  // An order a purchasing account placed was linked to its reorder then, and to no other.
  const placedFor = await reordersOfOrder(db, paid.orderId);
  if (placedFor.some((reorder) => reorder.makerspaceId)) return placedFor;
  if (paid.userId && paid.skus.length > 0) {
    const skus = sql`array[${sql.join(
      paid.skus.map((sku) => sql`${sku}`),
      sql`, `,
    )}]::text[]`;
    await db
      .update(bomReorders)
      .set({ orderId: paid.orderId, linkedAt: new Date() })
      .where(
        and(
          isNull(bomReorders.orderId),
          eq(bomReorders.userId, paid.userId),
          lte(bomReorders.createdAt, paid.paidAt),
          sql`exists (select 1 from jsonb_array_elements(${bomReorders.items}) item where item ->> 'code' = any(${skus}))`,
        ),
      );
  }
  return reordersOfOrder(db, paid.orderId);
}

export async function reorderById(db: Database, reorderId: string) {
  const [row] = await db.select().from(bomReorders).where(eq(bomReorders.reorderId, reorderId));
  return row;
}

export async function reordersOfOrder(db: Database, orderId: string): Promise<ReorderRow[]> {
  return db.select().from(bomReorders).where(eq(bomReorders.orderId, orderId));
}

/** The order's lines that are the reorder's codes, one line per code, by code. */
export function linesOfReorder(
  reorder: Pick<ReorderRow, 'items'>,
  lines: readonly { sku: string; quantity: number }[],
): ReorderItem[] {
  const codes = new Set(reorder.items.map((item) => item.code));
  const byCode = new Map<string, number>();
  for (const { sku, quantity } of lines) {
    if (codes.has(sku)) byCode.set(sku, (byCode.get(sku) ?? 0) + quantity);
  }
  return [...byCode]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([code, quantity]) => ({ code, quantity }));
}

/**
 * A uuid that is the same for the same parts: an update's idempotency key, derived from the
 * event that caused it and the reorder it is about, so a redelivered event sends the same key.
 */
export function stableUuid(...parts: readonly (string | number)[]): string {
  const hex = createHash('sha256').update(parts.join(':')).digest('hex');
  // Version 8 (custom) and the RFC 9562 variant, as a uuid parser expects.
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
