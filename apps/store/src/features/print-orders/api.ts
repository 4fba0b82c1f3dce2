import type { CreatePrintOrderBody, PlacedOrder, PrintOrderView } from '@makrx/contracts';
import { callService, ServiceError } from '../../lib/service-client';

/** The print behind an order, or null when the order has none. */
export async function readPrintOfOrder(
  orderId: string,
  token?: string,
): Promise<PrintOrderView | null> {
  try {
    const { body } = await callService<PrintOrderView>(
      'store',
      `/orders/${encodeURIComponent(orderId)}/print`,
      { headers: { 'x-order-token': token } },
    );
    return body;
  } catch (error) {
    if (error instanceof ServiceError && error.status === 404) return null;
    throw error;
  }
}

/** Orders a print at a quote; the same key twice answers the first order. */
export async function placePrintOrder(
  order: CreatePrintOrderBody,
  idempotencyKey: string,
): Promise<PlacedOrder> {
  const { body } = await callService<PlacedOrder>('store', '/print-orders', {
    method: 'POST',
    json: order,
    headers: { 'idempotency-key': idempotencyKey },
  });
  return body;
}

/** The buyer's rating of their delivered print; the same rating twice answers the first. */
export async function ratePrintOfOrder(
  orderId: string,
  rating: { stars: number; comment?: string },
): Promise<PrintOrderView> {
  const { body } = await callService<PrintOrderView>(
    'store',
    `/orders/${encodeURIComponent(orderId)}/print/rating`,
    { method: 'POST', json: rating },
  );
  return body;
}
