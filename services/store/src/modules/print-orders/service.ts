import type { PrintQuote, ServiceOrderUpdate, SizeMm } from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { publishEvent } from '@makrx/events';
import { AppError, conflict, notFound } from '@makrx/service-kit';
import { and, asc, desc, eq } from 'drizzle-orm';
import {
  printOrders,
  printOrderUpdates,
  type PrintOrderRow,
  type PrintOrderStatus,
} from './tables';

/*
 * The print-orders module's service: what the store's flows and other modules may ask of it.
 */

export type { PrintOrderRow, PrintOrderStatus } from './tables';

export interface NewPrintOrder {
  orderId: string;
  uploadId: string;
  ownerId: string;
  /** The MakrCave project it is for, as the customer named it; the cave checks it is theirs. */
  projectId: string | null;
  quote: PrintQuote;
  partSizeMm: SizeMm;
  volumeMm3: number;
  printMinutes: number;
  dueBy: Date;
}

export async function recordPrintOrder(tx: Database, print: NewPrintOrder): Promise<PrintOrderRow> {
  const [row] = await tx.insert(printOrders).values(print).returning();
  return row!;
}

export async function printOrderOfOrder(
  db: Database,
  orderId: string,
): Promise<PrintOrderRow | undefined> {
  const [row] = await db.select().from(printOrders).where(eq(printOrders.orderId, orderId));
  return row;
}

export async function printOrderById(db: Database, id: string): Promise<PrintOrderRow> {
  const [row] = await db.select().from(printOrders).where(eq(printOrders.id, id));
  if (!row) throw notFound('The print order');
  return row;
}

/** A customer's print orders, the most recently changed first (their "My ecosystem"). */
export async function latestPrintOrdersOf(
  db: Database,
  ownerId: string,
  limit: number,
): Promise<PrintOrderRow[]> {
  return db
    .select()
    .from(printOrders)
    .where(eq(printOrders.ownerId, ownerId))
    .orderBy(desc(printOrders.updatedAt), desc(printOrders.id))
    .limit(limit);
}

/** The cave's reports on a print order, oldest first: the customer's timeline. */
export async function printOrderTimeline(db: Database, printOrderId: string) {
  return db
    .select({
      status: printOrderUpdates.status,
      providerName: printOrderUpdates.providerName,
      reason: printOrderUpdates.reason,
      at: printOrderUpdates.at,
    })
    .from(printOrderUpdates)
    .where(eq(printOrderUpdates.printOrderId, printOrderId))
    .orderBy(asc(printOrderUpdates.at), asc(printOrderUpdates.receivedAt));
}

export interface PrintRating {
  stars: number;
  comment: string | null;
}

/**
 * Keeps the buyer's rating of their delivered print, once, under the print order's row lock,
 * and publishes it in the same transaction for the cave's job (its provider's rating). The
 * same rating again changes nothing (`replayed`); another one, someone other than the buyer,
 * or a print not delivered, is refused.
 */
export async function ratePrint(
  db: Database,
  input: { printOrderId: string; buyerId: string; rating: PrintRating },
): Promise<{ print: PrintOrderRow; replayed: boolean }> {
  const { rating } = input;
  return db.transaction(async (tx) => {
    const [print] = await tx
      .select()
      .from(printOrders)
      .where(eq(printOrders.id, input.printOrderId))
      .for('update');
    if (!print) throw notFound('The print order');
    if (print.ownerId !== input.buyerId) {
      throw new AppError(
        403,
        'NOT_THE_BUYER',
        'Only the customer who bought this print can rate it.',
      );
    }
    if (print.ratingStars !== null) {
      if (print.ratingStars === rating.stars && print.ratingComment === rating.comment) {
        return { print, replayed: true };
      }
      throw conflict('PRINT_ALREADY_RATED', 'You rated this print already.', {
        stars: print.ratingStars,
      });
    }
    if (print.status !== 'delivered' || print.jobId === null) {
      throw conflict('PRINT_NOT_DELIVERED', 'A print can be rated once it is delivered.', {
        status: print.status,
      });
    }
    const now = new Date();
    const [rated] = await tx
      .update(printOrders)
      .set({
        ratingStars: rating.stars,
        ratingComment: rating.comment,
        ratedAt: now,
        updatedAt: now,
      })
      .where(eq(printOrders.id, print.id))
      .returning();
    await publishEvent(tx, {
      type: 'store.print.rated',
      source: 'store',
      payload: {
        printOrderId: print.id,
        jobId: print.jobId,
        stars: rating.stars,
        comment: rating.comment,
      },
    });
    return { print: rated!, replayed: false };
  });
}

/** Paid: the order is handed to the cave for routing (from awaiting payment only). */
export async function markRouting(tx: Database, printOrderId: string): Promise<void> {
  await tx
    .update(printOrders)
    .set({ status: 'routing', updatedAt: new Date() })
    .where(and(eq(printOrders.id, printOrderId), eq(printOrders.status, 'awaiting_payment')));
}

/**
 * The print order's status for a job status the cave reports. A rejection or a lapsed offer
 * means the cave is asking the next provider: the order is routing again.
 */
export function printStatusFor(update: ServiceOrderUpdate['status']): PrintOrderStatus {
  switch (update) {
    case 'rejected':
    case 'expired':
      return 'routing';
    default:
      return update;
  }
}

/** How far along each status is; a report never moves an order back. */
const progress: Record<PrintOrderStatus, number> = {
  awaiting_payment: 0,
  routing: 1,
  offered: 2,
  accepted: 3,
  printing: 4,
  quality_check: 5,
  shipped: 6,
  delivered: 7,
  unroutable: 8,
  cancelled: 8,
};

export type RecordedUpdate =
  | { applied: false; reason: 'already-recorded' | 'stale' }
  | { applied: true; before: PrintOrderRow; after: PrintOrderRow };

/**
 * Records one of the cave's reports, once per event id, under the print order's row lock. A
 * report of another job than the one the order is with, or one older than the order's state
 * (routing again after an acceptance, say), is kept in the timeline but changes nothing.
 */
export async function recordUpdate(
  tx: Database,
  printOrderId: string,
  update: ServiceOrderUpdate,
): Promise<RecordedUpdate> {
  const [before] = await tx
    .select()
    .from(printOrders)
    .where(eq(printOrders.id, printOrderId))
    .for('update');
  if (!before) throw notFound('The print order');
  if (before.status === 'awaiting_payment') {
    throw conflict('PRINT_ORDER_NOT_PAID', 'This print order is not paid, so it has no job yet.');
  }
  const inserted = await tx
    .insert(printOrderUpdates)
    .values({
      eventId: update.eventId,
      printOrderId,
      jobId: update.jobId,
      status: update.status,
      providerName: update.provider?.name ?? null,
      reason: update.reason,
      at: new Date(update.at),
    })
    .onConflictDoNothing()
    .returning({ eventId: printOrderUpdates.eventId });
  if (inserted.length === 0) return { applied: false, reason: 'already-recorded' };

  const next = printStatusFor(update.status);
  const movesForward =
    progress[next] > progress[before.status] ||
    // The next provider is asked after a rejection: same stage, another job.
    (next === 'offered' && before.status === 'offered' && update.jobId !== before.jobId);
  // A rejection or a lapsed offer counts for the job the order is with, not an earlier one.
  const backToRouting =
    next === 'routing' &&
    (before.status === 'routing' || before.status === 'offered') &&
    (before.jobId === null || before.jobId === update.jobId);
  if (!movesForward && !backToRouting) {
    return { applied: false, reason: 'stale' };
  }
  const [after] = await tx
    .update(printOrders)
    .set({
      status: next,
      jobId: update.jobId,
      providerMakerspaceId: next === 'routing' ? null : (update.provider?.makerspaceId ?? null),
      providerName: next === 'routing' ? null : (update.provider?.name ?? null),
      ...(update.trackingUrl ? { trackingUrl: update.trackingUrl } : {}),
      updatedAt: new Date(),
    })
    .where(eq(printOrders.id, printOrderId))
    .returning();
  return { applied: true, before, after: after! };
}
export { printOrdersExportOf } from './privacy';
