import type { Order } from '@makrx/contracts';
import { ServiceError } from '../../lib/service-client';
import { currentSession } from '../session/current-session';
import { readOrder, readOrderByNumber } from './api';
import { knownOrder } from './guest-orders';

/** An order as this visitor may see it, with the secret to act on it as a guest. */
export interface VisibleOrder {
  order: Order;
  /** The guest's secret for the order; undefined when the visitor's own account suffices. */
  token: string | undefined;
}

const isHidden = (error: unknown) =>
  error instanceof ServiceError &&
  (error.status === 404 || error.status === 401 || error.status === 403 || error.status === 400);

/**
 * The order with this number, if the visitor may see it: placed in this browser (its secret in
 * the guest-orders cookie), opened from the confirmation email's link (`token`), or the
 * signed-in visitor's own (or any, for a store admin). Null for anyone else, who learns
 * nothing about it.
 */
export async function findVisibleOrder(
  number: string,
  linkToken?: string | null,
): Promise<VisibleOrder | null> {
  try {
    const known = await knownOrder(number);
    if (known) return { order: await readOrder(known.id, known.token), token: known.token };
    if (linkToken) return { order: await readOrderByNumber(number, linkToken), token: linkToken };
    if (await currentSession()) return { order: await readOrderByNumber(number), token: undefined };
    return null;
  } catch (error) {
    if (isHidden(error)) return null;
    throw error;
  }
}

/** `?token=` that carries the email link's secret on to the order's other pages. */
export const linkTokenQuery = (token: string | undefined | null, prefix: '?' | '&' = '?') =>
  token ? `${prefix}token=${encodeURIComponent(token)}` : '';
