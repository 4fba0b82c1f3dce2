import type { BomInventorySync, BomInventorySyncResult } from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { inArray, sql } from 'drizzle-orm';
import { bomInventory, bomItems } from './tables';

/*
 * Spec 7, "Product Codes & Inventory": the Store pushes the stock and price of the codes BOMs
 * use, at once when a code runs low and hourly otherwise. The cave keeps the newest push per
 * code; the BOM shows it when the Store cannot be asked live.
 */

const isLow = (stock: number | undefined, threshold: number, needed: number) =>
  stock !== undefined && (stock < threshold || stock < needed);

export async function syncInventory(
  db: Database,
  push: BomInventorySync,
): Promise<BomInventorySyncResult> {
  const at = new Date(push.at);
  const pushed = new Map(
    push.product_codes.map((code, i) => [
      code,
      { stock: push.quantities[i]!, priceCents: push.prices_cents[i]! },
    ]),
  );
  return db.transaction(async (tx) => {
    // Only codes some BOM uses are kept; the items still to buy decide the warnings.
    const used = await tx
      .select({ code: bomItems.code, quantity: bomItems.quantity, status: bomItems.status })
      .from(bomItems)
      .where(inArray(bomItems.code, [...pushed.keys()]));
    const codes = [...new Set(used.map((item) => item.code!))];
    if (codes.length === 0) return { matched: 0, lowStockWarnings: 0 };
    const before = new Map(
      (
        await tx.select().from(bomInventory).where(inArray(bomInventory.code, codes)).for('update')
      ).map((row) => [row.code, row]),
    );
    const written = await tx
      .insert(bomInventory)
      .values(
        codes.map((code) => ({
          code,
          ...pushed.get(code)!,
          currency: push.currency,
          lowStockBelow: push.lowStockBelow,
          at,
        })),
      )
      .onConflictDoUpdate({
        target: bomInventory.code,
        set: {
          stock: sql`excluded.stock`,
          priceCents: sql`excluded.price_cents`,
          currency: sql`excluded.currency`,
          lowStockBelow: sql`excluded.low_stock_below`,
          at: sql`excluded.at`,
        },
        // An older push that arrives late never overwrites a newer one.
        setWhere: sql`${bomInventory.at} < excluded.at`,
      })
      .returning({ code: bomInventory.code });
    const updated = new Set(written.map((row) => row.code));
    const lowStockWarnings = used.filter((item) => {
      if (item.status !== 'needed' || !updated.has(item.code!)) return false;
      const was = before.get(item.code!);
      const now = pushed.get(item.code!)!;
      return (
        isLow(now.stock, push.lowStockBelow, item.quantity) &&
        !isLow(was?.stock, was?.lowStockBelow ?? 0, item.quantity)
      );
    }).length;
    return { matched: codes.length, lowStockWarnings };
  });
}
