import type { PlacedOrder } from '@makrx/contracts';
import { violates, type Database } from '@makrx/db';
import {
  AppError,
  badRequest,
  conflict,
  defineFlow,
  runFlow,
  type FlowRunOptions,
} from '@makrx/service-kit';
import type { FastifyBaseLogger } from 'fastify';
import { emptyCart } from '../modules/cart/service';
import { stockToTake, takeStock, type TakenStock } from '../modules/catalog/service';
import {
  assertLineQuantities,
  assertWithinOpenOrderLimits,
  findShippingMethod,
  hashOrderRequest,
  mergeItems,
  orderForIdempotencyKey,
  placedOrder,
  priceOrder,
  recordOrder,
  type OrderItem,
  type PlaceOrder,
} from '../modules/orders/service';
import { redeemPromotion } from '../modules/promotions/service';
import { expirePendingOrders } from './expire-orders';
import { inOneTransaction } from './store-flows';

interface PlacingOrder {
  readonly request: PlaceOrder;
  readonly log: FastifyBaseLogger;
  readonly items: OrderItem[];
  readonly requestHash: string;
  method?: Awaited<ReturnType<typeof findShippingMethod>>;
  checked?: TakenStock[];
  priced?: Awaited<ReturnType<typeof priceOrder<TakenStock>>>;
  orderId?: string;
}

/**
 * Spec flow "Order Product": what the items are and cost, and whether they look in stock, is
 * read first (catalog); then one transaction prices them and records the order (orders),
 * empties the cart it came from (cart) and takes the stock (catalog); its rollback is every
 * step's undo, so a failure anywhere leaves stock, cart and orders as they were. The stock is taken last: a variant's row stays
 * locked from its conditional update to the commit, and every buyer of that variant waits on
 * it, so nothing else happens in between.
 */
export const placeOrderFlow = defineFlow<PlacingOrder, Database>('place-order', [
  // Reads first, outside the transaction: a buyer after a sell-out is answered without one.
  {
    name: 'find-shipping-method',
    run: async (placing, db) => {
      placing.method = await findShippingMethod(db, placing.request.shippingMethod);
    },
  },
  {
    name: 'check-stock',
    run: async (placing, db) => {
      placing.checked = await stockToTake(db, placing.items).catch(async (error: unknown) => {
        // Units held by unpaid orders whose window has closed are the next buyer's at once,
        // not when the sweep next comes round: expire those orders, then look again.
        if (!(error instanceof AppError && error.code === 'OUT_OF_STOCK')) throw error;
        if ((await expirePendingOrders(db, { log: placing.log })) === 0) throw error;
        return stockToTake(db, placing.items);
      });
    },
  },
  inOneTransaction('in-one-transaction', [
    {
      name: 'check-open-orders',
      run: async ({ request }, tx) => assertWithinOpenOrderLimits(tx, request),
    },
    {
      name: 'price-order',
      run: async (placing, tx) => {
        const { shippingAddress, discountCode, buyer } = placing.request;
        const discount = discountCode ? { code: discountCode, buyer } : undefined;
        placing.priced = await priceOrder(
          tx,
          placing.checked!,
          placing.method!,
          shippingAddress,
          discount,
        );
      },
    },
    {
      name: 'record-order',
      run: async (placing, tx) => {
        const { request, requestHash, method, priced } = placing;
        placing.orderId = await recordOrder(tx, {
          request,
          requestHash,
          shippingMethod: method!.code,
          currency: priced!.currency,
          totals: priced!.totals,
          discountCode: priced!.offer?.code ?? null,
          lines: priced!.lines,
        });
      },
    },
    {
      // The code's use is taken with the order: its row stays locked to the commit, so of
      // buyers racing for its last uses each gets one or a 409, never more uses than its limit.
      name: 'redeem-discount-code',
      run: async ({ priced, orderId, request }, tx) => {
        if (!priced!.offer) return;
        await redeemPromotion(tx, {
          offer: priced!.offer,
          orderId: orderId!,
          buyer: request.buyer,
          discountCents: priced!.totals.discountCents,
        });
      },
    },
    {
      name: 'empty-cart',
      run: async ({ request }, tx) => {
        if (request.fromCartId) await emptyCart(tx, request.fromCartId);
      },
    },
    {
      name: 'take-stock',
      run: async (placing, tx) => {
        const taken = await takeStock(tx, placing.items);
        assertPricedAsTaken(placing.checked!, taken);
      },
    },
  ]),
]);

/** A price changed between reading it and taking the units: the order is not placed at it. */
function assertPricedAsTaken(priced: readonly TakenStock[], taken: readonly TakenStock[]): void {
  const pricedAt = new Map(priced.map((line) => [line.variantId, line.unitPriceCents]));
  const changed = taken.find((line) => pricedAt.get(line.variantId) !== line.unitPriceCents);
  if (changed) {
    throw conflict(
      'PRICE_CHANGED',
      `The price of ${changed.sku} changed while the order was placed; please check it and order again.`,
      { variantId: changed.variantId, sku: changed.sku, unitPriceCents: changed.unitPriceCents },
    );
  }
}

/**
 * Places an order: prices, shipping and tax recomputed here, stock taken in the same
 * transaction by conditional updates (`stock >= quantity`), status pending_payment. The same
 * buyer's idempotency key with the same request returns their first order; with another
 * request, 409. Holds are bounded: at most MAX_UNITS_PER_LINE of an item (422 QUANTITY_LIMIT)
 * and MAX_OPEN_UNPAID_ORDERS unpaid orders per account, email and address (409
 * TOO_MANY_UNPAID_ORDERS).
 */
export async function placeOrder(
  db: Database,
  request: PlaceOrder,
  { log, ...options }: FlowRunOptions & { log: FastifyBaseLogger },
): Promise<{ order: PlacedOrder; replayed: boolean }> {
  const items = mergeItems(request.items);
  const requestHash = hashOrderRequest(request, items);
  const earlier = await orderForIdempotencyKey(db, request, requestHash);
  if (earlier) return { order: earlier, replayed: true };
  if (items.length === 0) {
    throw badRequest('CART_EMPTY', 'The cart is empty: add something before checking out.');
  }
  assertLineQuantities(items);
  try {
    const placing: PlacingOrder = { request, items, requestHash, log };
    const placed = await runFlow(placeOrderFlow, placing, db, options);
    return { order: await placedOrder(db, placed.orderId!), replayed: false };
  } catch (error) {
    // A concurrent retry with the same key committed first: answer with its order.
    if (!violates(error, '23505', 'orders_idempotency_scope_key_unique')) throw error;
    const first = await orderForIdempotencyKey(db, request, requestHash);
    if (!first) throw error;
    return { order: first, replayed: true };
  }
}
