import { MAX_UNITS_PER_LINE } from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { conflict, AppError } from '@makrx/service-kit';
import { and, eq, gt, or, sql, type SQL } from 'drizzle-orm';
import type { OrderItem, PlaceOrder } from './order-placement';
import { orders, shippingAddressKey } from './tables';

/*
 * An unpaid order holds its stock until it is paid or its window closes. Without bounds, one
 * guest could hold a product's whole stock again and again without paying; so a hold is short,
 * one line takes at most what one buyer may reasonably want, and one buyer (an account, an
 * email address, a shipping address) has only a few unpaid orders open at once.
 */

/** How long a pending order holds its stock before it expires and gives it back. */
export const PAYMENT_WINDOW_MS = 15 * 60_000;

/** Units of one item one order (and one cart line) may take. */
export { MAX_UNITS_PER_LINE };

/** Unpaid orders one account, one email address or one shipping address may have open. */
export const MAX_OPEN_UNPAID_ORDERS = 3;

/** 422 QUANTITY_LIMIT naming the first line asking for more than one order may take. */
export function assertLineQuantities(items: readonly OrderItem[]): void {
  const over = items.find((item) => item.quantity > MAX_UNITS_PER_LINE);
  if (!over) return;
  throw new AppError(
    422,
    'QUANTITY_LIMIT',
    `One order takes at most ${MAX_UNITS_PER_LINE} of an item; ${over.quantity} were asked for.`,
    { variantId: over.variantId, requested: over.quantity, limit: MAX_UNITS_PER_LINE },
  );
}

/** The same email however it was typed: one buyer. */
const normalEmail = (email: string) => email.trim().toLowerCase();

/**
 * Whose idempotency key a request's is: the signed-in user, or the guest by their cart (when
 * they order from it) and email. Another buyer sending the same key is in another scope.
 */
export function idempotencyScopeOf(request: Pick<PlaceOrder, 'buyer' | 'fromCartId'>): string {
  const { buyer, fromCartId } = request;
  if (buyer.userId) return `user:${buyer.userId}`;
  return `guest:${fromCartId ?? '-'}:${normalEmail(buyer.email)}`;
}

/**
 * 409 TOO_MANY_UNPAID_ORDERS when the buyer's account, email or shipping address already has
 * MAX_OPEN_UNPAID_ORDERS unpaid orders in their window. Runs in the transaction recording the
 * order, after taking a transaction lock on each of the three, so two orders of one buyer at
 * once are counted one after the other rather than both slipping under the limit.
 */
export async function assertWithinOpenOrderLimits(tx: Database, request: PlaceOrder) {
  const { buyer, shippingAddress } = request;
  const email = normalEmail(buyer.email);
  const { rows } = await tx.execute<{ key: string }>(
    sql`select ${shippingAddressKey(sql`${JSON.stringify(shippingAddress)}::jsonb`)} as key`,
  );
  const addressKey = rows[0]!.key;
  const lockKeys = [
    `orders-email:${email}`,
    `orders-address:${addressKey}`,
    ...(buyer.userId ? [`orders-user:${buyer.userId}`] : []),
  ].sort();
  // Always in the same order, so two buyers sharing an address and an email never deadlock.
  for (const key of lockKeys) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
  }
  const byUser: SQL = buyer.userId ? eq(orders.userId, buyer.userId) : sql`false`;
  const byEmail = sql`lower(${orders.email}) = ${email}`;
  const byAddress = sql`${shippingAddressKey(orders.shippingAddress)} = ${addressKey}`;
  const [open] = await tx
    .select({
      user: sql<number>`count(*) filter (where ${byUser})`.mapWith(Number),
      email: sql<number>`count(*) filter (where ${byEmail})`.mapWith(Number),
      address: sql<number>`count(*) filter (where ${byAddress})`.mapWith(Number),
    })
    .from(orders)
    .where(
      and(
        eq(orders.status, 'pending_payment'),
        gt(orders.expiresAt, sql`now()`),
        or(byUser, byEmail, byAddress),
      ),
    );
  const full = (['user', 'email', 'address'] as const).find(
    (by) => open![by] >= MAX_OPEN_UNPAID_ORDERS,
  );
  if (!full) return;
  const whose = { user: 'your account', email: 'this email address', address: 'this address' };
  throw conflict(
    'TOO_MANY_UNPAID_ORDERS',
    `There are already ${MAX_OPEN_UNPAID_ORDERS} unpaid orders for ${whose[full]}: pay or cancel one of them before placing another.`,
    { limit: MAX_OPEN_UNPAID_ORDERS, by: full === 'user' ? 'account' : full },
  );
}
