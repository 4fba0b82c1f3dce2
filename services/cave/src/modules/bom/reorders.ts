import { AppError, type BomOrderUpdate, type BomOrderUpdateResult } from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { recordProjectActivity } from '../projects/service';
import { bomItems, bomOrderUpdates, bomReorders } from './tables';

/*
 * Spec 6, "Quick Reorder (Cave → Store)": picked BOM items are matched to Store products by
 * code and sent as one reorder, whose id comes back with the Store's order updates so the
 * items become ordered when the order is paid and received when it is delivered.
 */

/** The Store's cart takes at most 99 of a product per line. */
const MAX_LINE_QUANTITY = 99;

export interface ReorderLine {
  itemId: string;
  code: string;
  /** The item's quantity rounded up: the Store sells whole units. */
  quantity: number;
}

export interface PickedItems {
  lines: ReorderLine[];
  /** The same lines by code, quantities summed, as the Store takes them. */
  byCode: { code: string; quantity: number }[];
}

/**
 * The picked items as reorder lines. Every one must be in the project, carry a code and still
 * be needed; otherwise nothing is sent and the answer names each item that is not.
 */
export async function pickItemsToReorder(
  db: Database,
  projectId: string,
  itemIds: readonly string[],
): Promise<PickedItems> {
  const ids = [...new Set(itemIds)];
  const rows = await db
    .select()
    .from(bomItems)
    .where(and(eq(bomItems.projectId, projectId), inArray(bomItems.id, ids)));
  const found = new Map(rows.map((row) => [row.id, row]));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw new AppError(404, 'NOT_FOUND', 'Some picked items are not in this BOM.', {
      itemIds: missing,
    });
  }
  const refused = rows.flatMap((row) => {
    const reason = !row.code
      ? 'has no Store product code'
      : row.status !== 'needed'
        ? `is already ${row.status}`
        : Math.ceil(row.quantity) > MAX_LINE_QUANTITY
          ? `needs more than ${MAX_LINE_QUANTITY}, more than one Store order line takes`
          : null;
    return reason ? [{ itemId: row.id, name: row.name, reason: `“${row.name}” ${reason}` }] : [];
  });
  if (refused.length > 0) {
    throw new AppError(
      422,
      'BOM_ITEMS_NOT_ORDERABLE',
      `Only needed items with a Store product code can be ordered: ${refused.map((r) => r.reason).join('; ')}.`,
      { items: refused },
    );
  }
  const lines = ids.map((id) => {
    const row = found.get(id)!;
    return { itemId: id, code: row.code!, quantity: Math.ceil(row.quantity) };
  });
  const summed = new Map<string, number>();
  for (const line of lines) summed.set(line.code, (summed.get(line.code) ?? 0) + line.quantity);
  const byCode = [...summed].map(([code, quantity]) => ({ code, quantity }));
  if (byCode.some((line) => line.quantity > MAX_LINE_QUANTITY)) {
    throw new AppError(
      422,
      'BOM_ITEMS_NOT_ORDERABLE',
      `Together the picked items need more than ${MAX_LINE_QUANTITY} of one product; order them in parts.`,
      { items: [] },
    );
  }
  return { lines, byCode };
}

/**
 * Records a reorder before the Store hears of it, so its updates always find it. The project's
 * activity log hears of it once the Store has taken it (`recordCartFilled`, or the purchase's
 * items marked ordered).
 */
export async function recordReorder(
  db: Database,
  reorder: {
    projectId: string;
    userId: string;
    kind: 'cart' | 'purchase';
    makerspaceId?: string;
    lines: ReorderLine[];
  },
): Promise<string> {
  const [row] = await db
    .insert(bomReorders)
    .values({
      projectId: reorder.projectId,
      userId: reorder.userId,
      kind: reorder.kind,
      makerspaceId: reorder.makerspaceId ?? null,
      items: reorder.lines,
    })
    .returning({ id: bomReorders.id });
  return row!.id;
}

/** The Store filled the maker's cart from a reorder: the project's log says so. */
export async function recordCartFilled(
  db: Database,
  reorder: { reorderId: string; projectId: string; userId: string },
  added: readonly { code: string; quantity: number }[],
): Promise<void> {
  await recordProjectActivity(db, {
    projectId: reorder.projectId,
    actorId: reorder.userId,
    action: 'bom.quick-reorder',
    summary: `Sent ${added.length} BOM item${added.length === 1 ? '' : 's'} to the Store cart`,
    details: { reorderId: reorder.reorderId, added },
  });
}

/** Marks a purchase's items ordered with the order's number, at once (no payment to wait for). */
export async function markPurchaseOrdered(
  db: Database,
  purchase: { reorderId: string; projectId: string; userId: string; orderNumber: string },
  lines: readonly ReorderLine[],
  rejectedCodes: ReadonlySet<string>,
): Promise<number> {
  const ids = lines.filter((line) => !rejectedCodes.has(line.code)).map((line) => line.itemId);
  return db.transaction(async (tx) => {
    await tx
      .update(bomReorders)
      .set({ orderNumber: purchase.orderNumber })
      .where(eq(bomReorders.id, purchase.reorderId));
    if (ids.length === 0) return 0;
    const changed = await tx
      .update(bomItems)
      .set({
        status: 'ordered',
        orderNumber: purchase.orderNumber,
        reorderId: purchase.reorderId,
        updatedAt: new Date(),
      })
      .where(and(inArray(bomItems.id, ids), eq(bomItems.status, 'needed')))
      .returning({ id: bomItems.id });
    await recordProjectActivity(tx, {
      projectId: purchase.projectId,
      actorId: purchase.userId,
      action: 'bom.items-ordered',
      summary: `Marked ${changed.length} item${changed.length === 1 ? '' : 's'} ordered (order ${purchase.orderNumber})`,
      details: { reorderId: purchase.reorderId, itemIds: changed.map((row) => row.id) },
    });
    return changed.length;
  });
}

const verbs = { paid: 'ordered', delivered: 'received', cancelled: 'needed again' } as const;

/**
 * The Store's word on an order that came from a reorder. Applied once per `updateId`: the id is
 * written in the same transaction as the items' change, so a repeat finds it and changes none.
 */
export async function applyOrderUpdate(
  db: Database,
  update: BomOrderUpdate,
): Promise<BomOrderUpdateResult> {
  return db.transaction(async (tx) => {
    const [reorder] = await tx
      .select()
      .from(bomReorders)
      .where(eq(bomReorders.id, update.reorderId));
    if (!reorder) {
      throw new AppError(404, 'NOT_FOUND', `No Quick Reorder has the id ${update.reorderId}.`);
    }
    const [fresh] = await tx
      .insert(bomOrderUpdates)
      .values({ updateId: update.updateId, reorderId: update.reorderId, status: update.status })
      .onConflictDoNothing()
      .returning({ updateId: bomOrderUpdates.updateId });
    if (!fresh) return { changed: 0, duplicate: true };

    const bought = new Set(update.lines.map((line) => line.code));
    const itemIds = reorder.items.filter((line) => bought.has(line.code)).map((l) => l.itemId);
    if (itemIds.length === 0) return { changed: 0, duplicate: false };
    const ofReorder = inArray(bomItems.id, itemIds);
    const changed = await tx
      .update(bomItems)
      .set(
        update.status === 'cancelled'
          ? { status: 'needed', orderNumber: null, reorderId: null, updatedAt: new Date() }
          : {
              status: update.status === 'paid' ? 'ordered' : 'received',
              orderNumber: update.orderNumber,
              reorderId: update.reorderId,
              updatedAt: new Date(),
            },
      )
      .where(
        update.status === 'paid'
          ? and(ofReorder, eq(bomItems.status, 'needed'))
          : update.status === 'delivered'
            ? and(ofReorder, ne(bomItems.status, 'received'))
            : and(
                ofReorder,
                eq(bomItems.status, 'ordered'),
                eq(bomItems.reorderId, update.reorderId),
              ),
      )
      .returning({ id: bomItems.id });
    if (changed.length > 0) {
      await recordProjectActivity(tx, {
        projectId: reorder.projectId,
        actorId: null,
        action: `bom.order-${update.status}`,
        summary: `Marked ${changed.length} item${changed.length === 1 ? '' : 's'} ${verbs[update.status]} (order ${update.orderNumber})`,
        details: {
          reorderId: update.reorderId,
          updateId: update.updateId,
          itemIds: changed.map((r) => r.id),
        },
      });
    }
    await tx
      .update(bomReorders)
      .set({ orderNumber: sql`coalesce(${bomReorders.orderNumber}, ${update.orderNumber})` })
      .where(eq(bomReorders.id, update.reorderId));
    return { changed: changed.length, duplicate: false };
  });
}
