import {
  MAX_UNITS_PER_LINE,
  type QuickReorderBody,
  type QuickReorderResult,
} from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { AppError, conflict } from '@makrx/service-kit';
import {
  activeAccountOf,
  assertWithinMonthlyLimit,
  claimReorder,
  recordReorderItems,
  reorderById,
  type AccountRow,
} from '../modules/bom-orders/service';
import { stockToTake, variantsBySku } from '../modules/catalog/service';
import {
  changeOrderStatus,
  findShippingMethod,
  loadOrder,
  priceOrder,
  type OrderItem,
} from '../modules/orders/service';
import { recordPaymentOnAccount } from '../modules/payments/service';
import type { StoreLinks } from '../store-links';
import { cancelOrder } from './cancel-order';
import { placeOrder } from './place-order';
import { announceOrderPaid, whatWasBought } from './settle-payment';
import type { FlowInput } from './store-flows';

type QuickReorder = QuickReorderBody;
type Rejected = QuickReorderResult['rejected'][number];

export interface AccountOrderInput extends FlowInput {
  links: StoreLinks;
}

/** Account orders travel the store's standard way, billed to the account's address. */
const SHIPPING_METHOD = 'standard';

/**
 * Which of the BOM's items can be ordered now, by code (the same code twice is one line), and
 * why each other cannot: unknown or no longer sold, more than one order takes, not in stock.
 */
async function orderableItems(items: QuickReorder['bomItems'], db: Database) {
  const wanted = new Map<string, number>();
  for (const { code, quantity } of items) wanted.set(code, (wanted.get(code) ?? 0) + quantity);
  const variants = new Map((await variantsBySku(db, [...wanted.keys()])).map((v) => [v.sku, v]));
  const ordered: { code: string; quantity: number }[] = [];
  const lines: OrderItem[] = [];
  const rejected: Rejected[] = [];
  for (const [code, quantity] of wanted) {
    const variant = variants.get(code);
    if (!variant || !variant.onSale) {
      rejected.push({
        code,
        reason: 'UNKNOWN_CODE',
        message: `No product on sale has the code ${code}.`,
      });
    } else if (quantity > MAX_UNITS_PER_LINE) {
      rejected.push({
        code,
        reason: 'QUANTITY_TOO_LARGE',
        message: `One order takes at most ${MAX_UNITS_PER_LINE} of ${code}; ${quantity} were asked for.`,
      });
    } else if (variant.stock < quantity) {
      rejected.push({
        code,
        reason: 'OUT_OF_STOCK',
        message:
          variant.stock === 0
            ? `${code} is sold out.`
            : `Only ${variant.stock} of ${code} left; ${quantity} were asked for.`,
      });
    } else {
      ordered.push({ code, quantity });
      lines.push({ variantId: variant.variantId, quantity });
    }
  }
  return { ordered, lines, rejected };
}

async function resultOf(
  db: Database,
  links: StoreLinks,
  orderId: string,
  rejected: Rejected[],
): Promise<QuickReorderResult> {
  const { row } = (await loadOrder(db, { id: orderId }))!;
  return {
    orderId: row.id,
    orderNumber: row.number,
    status: row.status,
    totalCents: row.totalCents,
    currency: row.currency,
    rejected,
    orderUrl: links.order(row.number, row.accessToken),
  };
}

/**
 * Pays the placed order on the account, in one transaction: the account's row locked and its
 * month's spend counted again (two orders at once are counted one after the other), the order
 * paid with an invoice payment, the reorder linked to it, and `store.order.paid` published, so
 * the order then flows like any paid order (fulfilment, the cave's BOM update).
 */
async function payOnAccount(
  db: Database,
  input: AccountOrderInput,
  body: QuickReorder,
  order: { id: string; totalCents: number },
  ordered: { code: string; quantity: number }[],
) {
  const acting = { actorId: body.userId, requestId: input.requestId ?? null };
  await db.transaction(async (tx) => {
    const account: AccountRow = await assertWithinMonthlyLimit(
      tx,
      body.makerspaceId,
      order.totalCents,
      { lock: true },
    );
    const paid = await changeOrderStatus(tx, order.id, {
      to: 'paid',
      from: ['pending_payment'],
      action: 'order.paid',
      note: `Paid on account: ${account.name}, invoiced to ${account.billingEmail}`,
      ...acting,
    });
    await recordPaymentOnAccount(tx, paid, account, acting);
    const { reorderId, userId, makerspaceId } = body;
    await claimReorder(tx, { reorderId, userId, makerspaceId });
    await recordReorderItems(tx, reorderId, ordered, order.id);
    await announceOrderPaid(tx, paid, await whatWasBought(tx, order.id), input.links);
  });
}

/**
 * Spec 7, `POST /api/v1/orders/quick-reorder`: a makerspace's purchasing account orders a BOM's
 * items server-side. Priced as checkout prices, stock taken as any order takes it (placeOrder),
 * then paid on the account. The reorder id is the key: the same reorder again answers the same
 * order. A failure after the order was placed leaves it awaiting payment: the cave's retry with
 * the same reorder id and items is the same order request (placeOrder's idempotency key), so it
 * finds and pays that order rather than placing another; left unpaid, it gives its stock back
 * when its payment window closes. A retry made when the first order holds the last units reads
 * them as short and is refused, until that window closes.
 */
export async function placeOrderOnAccount(
  db: Database,
  input: AccountOrderInput,
  body: QuickReorder,
): Promise<QuickReorderResult> {
  const earlier = await reorderById(db, body.reorderId);
  if (earlier && (earlier.userId !== body.userId || earlier.makerspaceId !== body.makerspaceId)) {
    throw conflict('REORDER_ID_TAKEN', 'This reorder id belongs to another reorder.');
  }
  const { ordered, lines, rejected } = await orderableItems(body.bomItems, db);
  if (earlier?.orderId) {
    const orderedBefore = new Set(earlier.items.map((item) => item.code));
    return resultOf(
      db,
      input.links,
      earlier.orderId,
      rejected.filter((item) => !orderedBefore.has(item.code)),
    );
  }
  const account = await activeAccountOf(db, body.makerspaceId);
  if (lines.length === 0) {
    throw new AppError(422, 'NOTHING_TO_ORDER', 'None of the items can be ordered now.', {
      rejected,
    });
  }
  // Refused before anything is taken when the order is plainly over the month's limit.
  const method = await findShippingMethod(db, SHIPPING_METHOD);
  const quoted = await priceOrder(db, await stockToTake(db, lines), method, account.billingAddress);
  await assertWithinMonthlyLimit(db, body.makerspaceId, quoted.totals.totalCents);

  const { order } = await placeOrder(
    db,
    {
      buyer: { userId: body.userId, email: account.billingEmail },
      items: lines,
      shippingAddress: account.billingAddress,
      shippingMethod: SHIPPING_METHOD,
      idempotencyKey: `quick-reorder:${body.reorderId}`,
      requestId: input.requestId ?? undefined,
    },
    { log: input.log },
  );
  if (order.status === 'pending_payment') {
    try {
      await payOnAccount(db, input, body, order, ordered);
    } catch (error) {
      // The same reorder, sent at the same time, paid it first: answer that.
      if (!(error instanceof AppError) || error.code !== 'ORDER_STATUS_CONFLICT') {
        if (error instanceof AppError && error.status === 422) {
          // Another order on the account got there first: this one gives its units back.
          const { row } = (await loadOrder(db, { id: order.id }))!;
          await cancelOrder(db, input, row);
        }
        throw error;
      }
    }
  }
  return resultOf(db, input.links, order.id, rejected);
}
