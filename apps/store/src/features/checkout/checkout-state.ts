import type { CheckoutQuote, ShippingAddressInput } from '@makrx/contracts';
import { redirect } from 'next/navigation';
import { ServiceError } from '../../lib/service-client';
import { quoteCart, readCart } from '../cart/api';
import { canCheckOut } from '../cart/cart-checks';
import { listShippingMethods } from '../orders/api';
import { currentSession } from '../session/current-session';
import { readDraft } from './checkout-draft';
import { rateFor } from './components/checkout-fields';

/**
 * Everything a checkout page shows; a cart that cannot be bought sends the buyer back to it.
 * Once the address and shipping method are known, the service's quote gives tax and total.
 */
export async function loadCheckout() {
  const [cart, session, draft, methods] = await Promise.all([
    readCart(),
    currentSession(),
    readDraft(),
    listShippingMethods(),
  ]);
  if (!canCheckOut(cart.lines)) redirect('/cart');
  const method = methods.find((m) => m.code === draft.shippingMethod);
  const shipping = method
    ? { name: method.name, cents: rateFor(method, cart.subtotalCents) }
    : undefined;
  const priced =
    method && draft.address
      ? await quoteFor(draft.address, method.code)
      : { quote: undefined, quoteRefused: undefined };
  return { cart, session, draft, methods, shipping, ...priced };
}

/**
 * The service's price for the cart at this address and method, or the code it refused it with
 * (a destination it cannot tax, say): shown, never taken for a price without tax.
 */
export async function quoteFor(
  shippingAddress: ShippingAddressInput,
  shippingMethod: string,
): Promise<{ quote?: CheckoutQuote; quoteRefused?: string }> {
  try {
    return { quote: await quoteCart({ shippingAddress, shippingMethod }) };
  } catch (error) {
    if (error instanceof ServiceError && error.status >= 400 && error.status < 500) {
      return { quoteRefused: error.code };
    }
    return {};
  }
}

/** `?invalid=a,b` of a refused step, as a list of field names. */
export const invalidFields = (value: string | undefined) => (value ? value.split(',') : []);
