import {
  AppError,
  type BomItemPatch,
  type BomItemStatus,
  type bomItemPatch,
} from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordProjectActivity } from '../projects/service';
import { bomItems } from './tables';

/*
 * A project's BOM items: added, edited, removed and imported by its owner and editors. Each
 * change writes the project's activity log in its own transaction.
 */

/** How many items one BOM holds at most; an import that would pass it keeps nothing. */
export const MAX_BOM_ITEMS = 1000;

export type BomItemRow = typeof bomItems.$inferSelect;

/** An item as added or imported: the fields a person writes. */
export interface NewBomItem {
  name: string;
  quantity: number;
  unit: string;
  code: string | null;
  supplier: string | null;
  notes: string | null;
}

export interface BomChange {
  projectId: string;
  actorId: string;
}

/** The BOM's items in their order. */
export function bomItemsOf(db: Database, projectId: string): Promise<BomItemRow[]> {
  return db
    .select()
    .from(bomItems)
    .where(eq(bomItems.projectId, projectId))
    .orderBy(asc(bomItems.position), asc(bomItems.createdAt));
}

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/**
 * The next free positions, with the project's items locked against a second writer counting
 * at the same time (two imports at once would pass the limit together otherwise).
 */
async function nextPositions(tx: Tx, projectId: string, adding: number): Promise<number> {
  const [row] = await tx
    .select({
      count: sql<number>`cast(count(*) as integer)`,
      next: sql<number>`cast(coalesce(max(${bomItems.position}) + 1, 0) as integer)`,
    })
    .from(bomItems)
    .where(eq(bomItems.projectId, projectId));
  const count = row?.count ?? 0;
  if (count + adding > MAX_BOM_ITEMS) {
    throw new AppError(
      422,
      'BOM_TOO_LARGE',
      `A BOM holds at most ${MAX_BOM_ITEMS} items; this one has ${count}, and ${adding} more would pass that.`,
      { limit: MAX_BOM_ITEMS, count, adding },
    );
  }
  return row?.next ?? 0;
}

/** Serialises BOM writers of one project for the rest of the transaction. */
const lockBom = (tx: Tx, projectId: string) =>
  tx.execute(sql`select pg_advisory_xact_lock(hashtext('bom'), hashtext(${projectId}))`);

/** Adds items at the end of the BOM: one by hand, or the good rows of an imported file. */
export async function addBomItems(
  db: Database,
  change: BomChange,
  items: readonly NewBomItem[],
  how: 'added' | 'imported',
): Promise<BomItemRow[]> {
  if (items.length === 0) return [];
  return db.transaction(async (tx) => {
    await lockBom(tx, change.projectId);
    const first = await nextPositions(tx, change.projectId, items.length);
    const rows = await tx
      .insert(bomItems)
      .values(
        items.map((item, i) => ({ ...item, projectId: change.projectId, position: first + i })),
      )
      .returning();
    await recordProjectActivity(tx, {
      projectId: change.projectId,
      actorId: change.actorId,
      action: how === 'added' ? 'bom.item-added' : 'bom.items-imported',
      summary:
        how === 'added'
          ? `Added “${items[0]!.name}” to the BOM`
          : `Imported ${items.length} BOM item${items.length === 1 ? '' : 's'} from CSV`,
      details: { itemIds: rows.map((row) => row.id) },
    });
    return rows;
  });
}

const itemNotFound = (id: string) =>
  new AppError(404, 'NOT_FOUND', `BOM item ${id} was not found in this project.`);

/**
 * Which status an editor may set by hand: forward along needed → ordered → received, or back
 * to needed (an order that will not come). Received never goes back to ordered.
 */
function checkStatusChange(from: BomItemStatus, to: BomItemStatus): void {
  const order: BomItemStatus[] = ['needed', 'ordered', 'received'];
  if (to === 'needed' || order.indexOf(to) >= order.indexOf(from)) return;
  throw new AppError(
    422,
    'BOM_STATUS_ORDER',
    `An item that is ${from} cannot become ${to}; set it back to needed instead.`,
    { status: from, next: to },
  );
}

/** Changes one item; a new code forgets the price it was added at (the new code's is taken). */
export async function updateBomItem(
  db: Database,
  change: BomChange,
  itemId: string,
  patch: z.output<typeof bomItemPatch>,
): Promise<BomItemRow> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(bomItems)
      .where(and(eq(bomItems.id, itemId), eq(bomItems.projectId, change.projectId)))
      .for('update');
    if (!before) throw itemNotFound(itemId);
    if (patch.status !== undefined) checkStatusChange(before.status, patch.status);
    const codeChanged = patch.code !== undefined && patch.code !== before.code;
    const backToNeeded = patch.status === 'needed' && before.status !== 'needed';
    const [after] = await tx
      .update(bomItems)
      .set({
        ...patch,
        ...(codeChanged ? { priceWhenAddedCents: null, currency: null } : {}),
        ...(backToNeeded ? { orderNumber: null, reorderId: null } : {}),
        updatedAt: new Date(),
      })
      .where(eq(bomItems.id, itemId))
      .returning();
    const changed = (Object.keys(patch) as (keyof BomItemPatch)[]).filter(
      (key) => patch[key] !== before[key],
    );
    await recordProjectActivity(tx, {
      projectId: change.projectId,
      actorId: change.actorId,
      action:
        patch.status && patch.status !== before.status ? 'bom.item-status' : 'bom.item-edited',
      summary:
        patch.status && patch.status !== before.status
          ? `Marked “${after!.name}” ${patch.status}`
          : `Edited “${after!.name}” in the BOM`,
      details: { itemId, changed },
    });
    return after!;
  });
}

export async function deleteBomItem(db: Database, change: BomChange, itemId: string) {
  await db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(bomItems)
      .where(and(eq(bomItems.id, itemId), eq(bomItems.projectId, change.projectId)))
      .returning({ name: bomItems.name });
    if (!gone) throw itemNotFound(itemId);
    await recordProjectActivity(tx, {
      projectId: change.projectId,
      actorId: change.actorId,
      action: 'bom.item-removed',
      summary: `Removed “${gone.name}” from the BOM`,
      details: { itemId },
    });
  });
}

/**
 * Keeps the Store price an item's code had when it was first matched: set once, by the first
 * BOM read that finds the code in the Store, and never overwritten.
 */
export async function rememberFirstPrices(
  db: Database,
  prices: readonly { itemId: string; priceCents: number; currency: string }[],
): Promise<void> {
  for (const { itemId, priceCents, currency } of prices) {
    await db
      .update(bomItems)
      .set({ priceWhenAddedCents: priceCents, currency })
      .where(and(eq(bomItems.id, itemId), sql`${bomItems.priceWhenAddedCents} is null`));
  }
}
