import type { CreatePrintOrderBody, PlacedOrder, PrintQuote, SizeMm } from '@makrx/contracts';
import { violates, type Database } from '@makrx/db';
import { defineFlow, runFlow, type FlowRunOptions } from '@makrx/service-kit';
import { createHash } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import {
  orderForIdempotencyKey,
  orderTotals,
  placedOrder,
  recordOrder,
  taxRateFor,
  type PlaceOrder,
} from '../modules/orders/service';
import { recordPrintOrder } from '../modules/print-orders/service';
import { inOneTransaction } from './store-flows';

/** The shipping method of every print order: the provider sends it (migration 0042). */
export const PRINT_SHIPPING_METHOD = 'print-provider';

/** A quote made again on the server for the customer's own upload, with the part it prices. */
export interface QuotedPrint {
  upload: { id: string; originalName: string };
  quote: PrintQuote;
  partSizeMm: SizeMm;
  volumeMm3: number;
}

/** Quotes one of the owner's uploads at one offering, or throws (404, 409 QUOTE_UNAVAILABLE). */
export type QuotePrint = (
  db: Database,
  wanted: { uploadId: string; ownerId: string; offeringId: string; quantity: number },
) => Promise<QuotedPrint>;

export interface PlacePrintOrder {
  buyer: { userId: string; email: string };
  body: CreatePrintOrderBody;
  idempotencyKey: string;
  requestId?: string;
}

interface PlacingPrint {
  readonly request: PlacePrintOrder;
  readonly order: PlaceOrder;
  readonly requestHash: string;
  readonly quotePrint: QuotePrint;
  quoted?: QuotedPrint;
  orderId?: string;
}

const MINUTES_PER_HOUR = 60;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole machine minutes for the line, rounded up: what the provider's printer is booked for. */
export const printMinutesOf = (quote: PrintQuote) =>
  Math.max(1, Math.ceil(quote.printHoursPerPart * quote.quantity * MINUTES_PER_HOUR));

/** The line as the order keeps it: one print job of `quantity` parts at the quote's total. */
function printLine({ upload, quote }: QuotedPrint) {
  return {
    kind: 'print' as const,
    variantId: null,
    sku: `PRINT-${quote.materialKey}-${quote.quality}`.toUpperCase(),
    productName: `3D print of ${upload.originalName}`,
    productSlug: '',
    options: {
      Material: quote.materialName,
      Quality: quote.quality[0]!.toUpperCase() + quote.quality.slice(1),
      Parts: String(quote.quantity),
      'Quoted by': quote.provider.name,
    },
    unitPriceCents: quote.total,
    quantity: 1,
  };
}

/**
 * Issue "Fabrication", item 5: a print is ordered at a price quoted again here, never taken
 * from the client. The store order (its money, address and payment, as for any order) and the
 * print order (model, quote, due date) are written in one transaction, whose rollback is both
 * steps' undo. Paying it is the ordinary payment of the order; routing follows the payment.
 */
export const placePrintOrderFlow = defineFlow<PlacingPrint, Database>('place-print-order', [
  {
    name: 'quote-print',
    run: async (placing, db) => {
      const { buyer, body } = placing.request;
      placing.quoted = await placing.quotePrint(db, {
        uploadId: body.uploadId,
        ownerId: buyer.userId,
        offeringId: body.offeringId,
        quantity: body.quantity,
      });
    },
  },
  inOneTransaction('in-one-transaction', [
    {
      name: 'record-order',
      run: async (placing, tx) => {
        const quoted = placing.quoted!;
        const line = printLine(quoted);
        const taxRate = await taxRateFor(tx, placing.order.shippingAddress);
        placing.orderId = await recordOrder(tx, {
          request: placing.order,
          requestHash: placing.requestHash,
          shippingMethod: PRINT_SHIPPING_METHOD,
          currency: quoted.quote.currency,
          totals: orderTotals([line], { rateCents: 0, freeFromCents: null }, taxRate),
          lines: [line],
        });
      },
    },
    {
      name: 'record-print-order',
      run: async (placing, tx) => {
        const { upload, quote, partSizeMm, volumeMm3 } = placing.quoted!;
        const leadDays = Math.max(1, quote.leadTimeDays);
        await recordPrintOrder(tx, {
          orderId: placing.orderId!,
          uploadId: upload.id,
          ownerId: placing.request.buyer.userId,
          projectId: placing.request.body.projectId ?? null,
          quote,
          partSizeMm,
          volumeMm3,
          printMinutes: printMinutesOf(quote),
          dueBy: new Date(new Date(quote.quotedAt).getTime() + leadDays * DAY_MS),
        });
      },
    },
  ]),
]);

/**
 * Places a print order; the same customer's Idempotency-Key with the same request answers
 * their first order, with another request 409 (as orders of products do).
 */
export async function placePrintOrder(
  db: Database,
  request: PlacePrintOrder,
  quotePrint: QuotePrint,
  { log: _log, ...options }: FlowRunOptions & { log: FastifyBaseLogger },
): Promise<{ order: PlacedOrder; replayed: boolean }> {
  const order: PlaceOrder = {
    buyer: request.buyer,
    items: [],
    shippingAddress: request.body.shippingAddress,
    shippingMethod: PRINT_SHIPPING_METHOD,
    idempotencyKey: request.idempotencyKey,
    ...(request.requestId ? { requestId: request.requestId } : {}),
  };
  const requestHash = createHash('sha256')
    .update(JSON.stringify({ print: request.body, buyer: request.buyer.userId }))
    .digest('hex');
  const earlier = await orderForIdempotencyKey(db, order, requestHash);
  if (earlier) return { order: earlier, replayed: true };
  try {
    const placing: PlacingPrint = { request, order, requestHash, quotePrint };
    const placed = await runFlow(placePrintOrderFlow, placing, db, options);
    return { order: await placedOrder(db, placed.orderId!), replayed: false };
  } catch (error) {
    if (!violates(error, '23505', 'orders_idempotency_scope_key_unique')) throw error;
    const first = await orderForIdempotencyKey(db, order, requestHash);
    if (!first) throw error;
    return { order: first, replayed: true };
  }
}
