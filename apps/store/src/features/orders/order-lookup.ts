import type { Order } from '@makrx/contracts';
import { StoreApiError } from '../catalog/api';
import { readOrder } from './api';
import { knownOrder } from './guest-orders';

/** An order as this visitor may see it, with the secret to act on it as a guest. */
export interface VisibleOrder {
  order: Order;
  /** The guest's secret for the order; undefined when the visitor's own account suffices. */
  token: string | undefined;
}

const isHidden = (error: unknown) =>
  error instanceof StoreApiError &&
  (error.status === 404 || error.status === 401 || error.status === 403);

/**
 * The order with this number, if the visitor may see it: placed in this browser (its secret in
 * the guest-orders cookie) or by the signed-in visitor. Null for anyone else, who learns
 * nothing about it.
 */
export async function findVisibleOrder(number: string): Promise<VisibleOrder | null> {
  const known = await knownOrder(number);
  if (!known) return null;
  try {
    return { order: await readOrder(known.id, known.token), token: known.token };
  } catch (error) {
    if (isHidden(error)) return null;
    throw error;
  }
}
