import type { PlacedOrder } from '@makrx/contracts';
import { violates, type Database } from '@makrx/db';
import { badRequest, defineFlow, runFlow, type FlowRunOptions } from '@makrx/service-kit';
import { emptyCart } from '../modules/cart/service';
import { takeStock, type TakenStock } from '../modules/catalog/service';
import {
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
import { inOneTransaction } from './store-flows';

interface PlacingOrder {
  readonly request: PlaceOrder;
  readonly items: OrderItem[];
  readonly requestHash: string;
  method?: Awaited<ReturnType<typeof findShippingMethod>>;
  taken?: TakenStock[];
  priced?: Awaited<ReturnType<typeof priceOrder<TakenStock>>>;
  orderId?: string;
}

/**
 * Spec flow "Order Product": one transaction takes the stock (catalog), prices what was taken
 * and records the order (orders), and empties the cart it came from (cart); its rollback is
 * every step's undo, so a failure anywhere leaves stock, cart and orders as they were.
 */
export const placeOrderFlow = defineFlow<PlacingOrder, Database>('place-order', [
  inOneTransaction('in-one-transaction', [
    {
      name: 'find-shipping-method',
      run: async (placing, tx) => {
        placing.method = await findShippingMethod(tx, placing.request.shippingMethod);
      },
    },
    {
      // Before pricing: the prices are the ones of the rows the stock was taken from.
      name: 'take-stock',
      run: async (placing, tx) => {
        placing.taken = await takeStock(tx, placing.items);
      },
    },
    {
      name: 'price-order',
      run: async (placing, tx) => {
        const address = placing.request.shippingAddress;
        placing.priced = await priceOrder(tx, placing.taken!, placing.method!, address);
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
          lines: priced!.lines,
        });
      },
    },
    {
      name: 'empty-cart',
      run: async ({ request }, tx) => {
        if (request.fromCartId) await emptyCart(tx, request.fromCartId);
      },
    },
  ]),
]);

/**
 * Places an order: prices, shipping and tax recomputed here, stock taken in the same
 * transaction by conditional updates (`stock >= quantity`), status pending_payment. The same
 * idempotency key with the same request returns the first order; with another request, 409.
 */
export async function placeOrder(
  db: Database,
  request: PlaceOrder,
  options: FlowRunOptions = {},
): Promise<{ order: PlacedOrder; replayed: boolean }> {
  const items = mergeItems(request.items);
  const requestHash = hashOrderRequest(request, items);
  const earlier = await orderForIdempotencyKey(db, request.idempotencyKey, requestHash);
  if (earlier) return { order: earlier, replayed: true };
  if (items.length === 0) {
    throw badRequest('CART_EMPTY', 'The cart is empty: add something before checking out.');
  }
  try {
    const placed = await runFlow(placeOrderFlow, { request, items, requestHash }, db, options);
    return { order: await placedOrder(db, placed.orderId!), replayed: false };
  } catch (error) {
    // A concurrent retry with the same key committed first: answer with its order.
    if (!violates(error, '23505', 'orders_idempotency_key_unique')) throw error;
    const first = await orderForIdempotencyKey(db, request.idempotencyKey, requestHash);
    if (!first) throw error;
    return { order: first, replayed: true };
  }
}
