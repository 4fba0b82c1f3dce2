import {
  bomInventorySyncResult,
  type BomInventorySync,
  type BomOrderUpdate,
} from '@makrx/contracts';
import type { BackgroundJob, EventConsumer } from '@makrx/service-kit';
import type { FastifyInstance } from 'fastify';
import { boughtLines } from '../orders/service';
import { LOW_STOCK } from '../catalog/service';
import { linesOfReorder, linkPaidOrder, reordersOfOrder, stableUuid } from './reorders';
import {
  changedSinceTold,
  forgetUnaskedCodes,
  levelsOf,
  recordTold,
  watchedAmong,
  type CodeLevel,
} from './watched-codes';

/*
 * What the store tells the cave about BOMs (spec 7): how a Quick Reorder's order goes
 * (`POST /api/v1/bom/order-updates`), and the stock and price of the codes BOMs use
 * (`POST /api/v1/bom/sync-inventory`). Each is sent from the outbox or a job, outside any
 * transaction; a failure is retried by the consumer's retry, and what was sent is recorded after.
 */

/** One order update; a cave that knows no such reorder (404) will never take it: dropped. */
async function sendOrderUpdate(app: FastifyInstance, update: BomOrderUpdate) {
  const response = await app.peers.fetch('cave', '/api/v1/bom/order-updates', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(update),
  });
  await response.body?.cancel();
  if (response.status === 404) {
    app.log.warn(
      { reorderId: update.reorderId, updateId: update.updateId },
      'the cave knows no such reorder; the order update was dropped',
    );
    return;
  }
  if (!response.ok) {
    throw new Error(`the cave answered ${response.status} to order update ${update.updateId}`);
  }
}

/**
 * Spec flow "Quick Reorder": "Order completed → Update BOM status in Cave". The paid order is
 * linked to its buyer's open reorders whose codes it holds (or was linked when an account placed
 * it), and the cave hears of each with the order's matching lines.
 */
export const reportPaidReorders: EventConsumer<'store.order.paid'> = {
  name: 'report-paid-reorders',
  eventTypes: ['store.order.paid'],
  outsideTransaction: true,
  async handle(event, { app }) {
    const paid = event.payload;
    const linked = await linkPaidOrder(app.db, {
      orderId: paid.orderId,
      userId: paid.userId,
      skus: paid.lines.map((line) => line.sku),
      paidAt: event.createdAt,
    });
    for (const reorder of linked) {
      await sendOrderUpdate(app, {
        updateId: stableUuid(event.id, reorder.reorderId),
        reorderId: reorder.reorderId,
        orderNumber: paid.orderNumber,
        status: 'paid',
        lines: linesOfReorder(reorder, paid.lines),
        at: event.createdAt.toISOString(),
      });
    }
  },
};

/** Delivered: "received" in the cave; cancelled or refunded before delivery: needed again. */
function bomStatusOf(change: { from: string; to: string }): BomOrderUpdate['status'] | undefined {
  if (change.to === 'delivered') return 'delivered';
  if (change.to === 'cancelled') return 'cancelled';
  if (change.to === 'refunded' && change.from !== 'delivered') return 'cancelled';
  return undefined;
}

export const reportReorderFulfilment: EventConsumer<'store.order.fulfilment-changed'> = {
  name: 'report-reorder-fulfilment',
  eventTypes: ['store.order.fulfilment-changed'],
  outsideTransaction: true,
  async handle(event, { app }) {
    const change = event.payload;
    const status = bomStatusOf(change);
    if (!status) return;
    const linked = await reordersOfOrder(app.db, change.orderId);
    if (linked.length === 0) return;
    const lines = await boughtLines(app.db, change.orderId);
    for (const reorder of linked) {
      await sendOrderUpdate(app, {
        updateId: stableUuid(event.id, reorder.reorderId),
        reorderId: reorder.reorderId,
        orderNumber: change.orderNumber,
        status,
        lines: linesOfReorder(reorder, lines),
        at: event.createdAt.toISOString(),
      });
    }
  },
};

/** Pushes the levels to the cave in lists of at most 1000 codes, then records them as told. */
async function pushLevels(
  app: FastifyInstance,
  levels: readonly CodeLevel[],
  at: Date,
  critical: boolean,
) {
  for (let start = 0; start < levels.length; start += 1000) {
    const batch = levels.slice(start, start + 1000);
    const body: BomInventorySync = {
      product_codes: batch.map((level) => level.code),
      quantities: batch.map((level) => level.stock),
      prices_cents: batch.map((level) => level.priceCents),
      currency: batch[0]!.currency,
      lowStockBelow: LOW_STOCK,
      critical,
      at: at.toISOString(),
    };
    await app.peers.json('cave', '/api/v1/bom/sync-inventory', bomInventorySyncResult, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    await recordTold(app.db, batch, at);
  }
}

/** Levels grouped by currency: one push carries one currency. */
function byCurrency(levels: readonly CodeLevel[]): CodeLevel[][] {
  const groups = new Map<string, CodeLevel[]>();
  for (const level of levels)
    groups.set(level.currency, [...(groups.get(level.currency) ?? []), level]);
  return [...groups.values()];
}

/** Spec 7, "Sync Schedule": critical stock levels in real time, for the codes BOMs use. */
export const pushLowStockToCave: EventConsumer<'store.catalog.stock-low'> = {
  name: 'push-low-stock-to-cave',
  eventTypes: ['store.catalog.stock-low'],
  outsideTransaction: true,
  async handle(event, { app }) {
    const watched = await watchedAmong(app.db, event.payload.skus);
    if (watched.length === 0) return;
    const at = new Date();
    for (const group of byCurrency(await levelsOf(app.db, watched))) {
      await pushLevels(app, group, at, true);
    }
  },
};

/** Every watched code whose stock or price changed since the cave last heard; forgets old ones. */
export async function syncInventoryToCave(app: FastifyInstance) {
  await forgetUnaskedCodes(app.db);
  const at = new Date();
  const changed = await changedSinceTold(app.db, at);
  for (const group of byCurrency(changed)) await pushLevels(app, group, at, false);
  return changed.length;
}

/** Spec 7, "Sync Schedule": inventory levels and pricing changes hourly. */
export const syncInventoryHourly: BackgroundJob = {
  name: 'sync-bom-inventory-to-cave',
  everyMs: 60 * 60 * 1000,
  run: syncInventoryToCave,
};
