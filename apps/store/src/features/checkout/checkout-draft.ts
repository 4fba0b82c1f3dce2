import { randomUUID } from 'node:crypto';
import type { ShippingAddressInput } from '@makrx/contracts';
import { cookies } from 'next/headers';
import { readStoreConfig } from '../../lib/config';
import { seal, unseal } from '../session/sealed-value';
import { cookieOptions } from '../session/session-cookies';

/** What the buyer has told the checkout so far, kept between its steps. */
export interface CheckoutDraft {
  email?: string;
  address?: ShippingAddressInput;
  shippingMethod?: string;
  /** A discount code the buyer applied in the cart or checkout. */
  discountCode?: string;
  /** The address as last typed, kept while it still has mistakes to correct. */
  enteredAddress?: Record<string, string>;
  /**
   * The Idempotency-Key of this checkout attempt: the review form carries it, so a double
   * submit or a retried request finds the order already placed instead of making another.
   */
  attemptKey: string;
}

const COOKIE = 'makrx_store_checkout';
const PURPOSE = 'store-checkout';
const KEEP_SECONDS = 24 * 60 * 60;

export const newDraft = (): CheckoutDraft => ({ attemptKey: randomUUID() });

export async function readDraft(): Promise<CheckoutDraft> {
  const sealed = (await cookies()).get(COOKIE)?.value;
  const draft = await unseal<CheckoutDraft>(sealed, {
    secret: readStoreConfig().sessionSecret,
    purpose: PURPOSE,
  });
  return draft?.attemptKey ? draft : newDraft();
}

/** Only from a server action or route handler. */
export async function saveDraft(draft: CheckoutDraft): Promise<void> {
  const sealed = await seal(draft, {
    secret: readStoreConfig().sessionSecret,
    purpose: PURPOSE,
    expiresInSeconds: KEEP_SECONDS,
  });
  (await cookies()).set(COOKIE, sealed, { ...cookieOptions(), maxAge: KEEP_SECONDS });
}

/** After an order was placed: the next checkout is a new attempt with a new key. */
export async function clearDraft(): Promise<void> {
  (await cookies()).set(COOKIE, '', { ...cookieOptions(), maxAge: 0 });
}
