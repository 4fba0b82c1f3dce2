import { cookies } from 'next/headers';
import { readStoreConfig } from '../../lib/config';
import { seal, unseal } from '../session/sealed-value';
import { cookieOptions } from '../session/session-cookies';

/** An order this browser placed, with the secret that lets a guest read, pay and cancel it. */
export interface KnownOrder {
  id: string;
  number: string;
  token: string;
}

const COOKIE = 'makrx_store_orders';
const PURPOSE = 'store-guest-orders';
/** The email link keeps working after this; the cookie only spares a guest the email. */
const KEEP_SECONDS = 90 * 24 * 60 * 60;
const MAX_KEPT = 10;

export async function knownOrders(): Promise<KnownOrder[]> {
  const jar = await cookies();
  const sealed = jar.get(COOKIE)?.value;
  const known = await unseal<KnownOrder[]>(sealed, {
    secret: readStoreConfig().sessionSecret,
    purpose: PURPOSE,
  });
  return Array.isArray(known) ? known : [];
}

export async function knownOrder(number: string): Promise<KnownOrder | undefined> {
  return (await knownOrders()).find((order) => order.number === number);
}

/** Remembers an order placed here (newest first); only from a server action or route handler. */
export async function rememberOrder(order: KnownOrder): Promise<void> {
  const kept = [order, ...(await knownOrders()).filter((o) => o.id !== order.id)].slice(
    0,
    MAX_KEPT,
  );
  const sealed = await seal(kept, {
    secret: readStoreConfig().sessionSecret,
    purpose: PURPOSE,
    expiresInSeconds: KEEP_SECONDS,
  });
  (await cookies()).set(COOKIE, sealed, { ...cookieOptions(), maxAge: KEEP_SECONDS });
}
