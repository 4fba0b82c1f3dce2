import type {
  BrowserPayment,
  CreateOrderBody,
  Invoice,
  OrderPage,
  Order,
  Payment,
  PaymentResult,
  PlacedOrder,
  ShippingMethod,
} from '@makrx/contracts';
import { callService } from '../../lib/service-client';

/** How the store service lets a guest at their order: the secret it was placed with. */
const orderTokenHeader = (token: string | undefined) => ({ 'x-order-token': token });

export async function listShippingMethods(): Promise<ShippingMethod[]> {
  const { body } = await callService<{ items: ShippingMethod[] }>('store', '/shipping-methods');
  return body.items;
}

/**
 * Places the order (from the cart when `order.items` is left out, which empties it). `idempotencyKey` is one per checkout attempt: the same key sent twice
 * (a double submit, a retry) answers with the first order instead of making a second.
 */
export async function placeOrder(
  order: CreateOrderBody,
  idempotencyKey: string,
  guestCartToken?: string,
) {
  const { body } = await callService<PlacedOrder>('store', '/orders', {
    method: 'POST',
    json: order,
    headers: { 'idempotency-key': idempotencyKey, 'x-cart-token': guestCartToken },
  });
  return body;
}

export async function readOrder(id: string, token?: string): Promise<Order> {
  const { body } = await callService<Order>('store', `/orders/${encodeURIComponent(id)}`, {
    headers: orderTokenHeader(token),
  });
  return body;
}

/**
 * The order with this number as the signed-in visitor may see it, or with the secret from the
 * order email's link (`token`).
 */
export async function readOrderByNumber(number: string, token?: string): Promise<Order> {
  const query = token ? `?token=${encodeURIComponent(token)}` : '';
  const path = `/orders/by-number/${encodeURIComponent(number)}${query}`;
  return (await callService<Order>('store', path)).body;
}

/**
 * Asks the store to mail the order's link to the order's own address. Sent as no one: the
 * answer must not depend on who asks.
 */
export async function mailOrderLink(request: { number: string; email: string }): Promise<void> {
  await callService('store', '/orders/lookup', { method: 'POST', json: request, as: 'anonymous' });
}

/**
 * Pays with a payment method or card token the provider issued (offline: one of Stripe's test
 * tokens, such as `tok_visa`). The store never takes a card number.
 */
export async function payOrder(id: string, paymentMethod: string, token?: string) {
  const { body } = await callService<PaymentResult>('store', `/orders/${id}/payments`, {
    method: 'POST',
    json: { paymentMethod },
    headers: orderTokenHeader(token),
  });
  return body;
}

/** A Stripe Payment Intent for the browser's Payment Element to confirm, with its secret. */
export async function startBrowserPayment(id: string, token?: string) {
  const { body } = await callService<BrowserPayment>('store', `/orders/${id}/payment-intents`, {
    method: 'POST',
    headers: orderTokenHeader(token),
  });
  return body;
}

export async function confirmPayment(id: string, paymentId: string, token?: string) {
  const { body } = await callService<PaymentResult>(
    'store',
    `/orders/${id}/payments/${paymentId}/confirm`,
    {
      method: 'POST',
      headers: orderTokenHeader(token),
    },
  );
  return body;
}

export async function cancelOrder(id: string, token?: string): Promise<Order> {
  const { body } = await callService<Order>('store', `/orders/${id}/cancel`, {
    method: 'POST',
    headers: orderTokenHeader(token),
  });
  return body;
}

export type { Payment };

/** Quick reorder (ENABLE_QUICK_REORDER): the order's items go back into the signed-in cart. */
export async function reorder(id: string): Promise<void> {
  await callService('store', `/orders/${id}/reorder`, { method: 'POST' });
}

/** The invoice of a paid (or refunded) order, numbered and priced by the service. */
export async function readInvoice(id: string, token?: string): Promise<Invoice> {
  const { body } = await callService<Invoice>('store', `/orders/${id}/invoice`, {
    headers: orderTokenHeader(token),
  });
  return body;
}

/** The signed-in buyer's orders, newest first. */
export async function listMyOrders(page: number): Promise<OrderPage> {
  const { body } = await callService<OrderPage>('store', `/orders?page=${page}&pageSize=20`);
  return body;
}
