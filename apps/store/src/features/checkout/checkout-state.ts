import type { CheckoutQuote, ShippingAddressInput } from '@makrx/contracts';
import { redirect } from 'next/navigation';
import { ServiceError } from '../../lib/service-client';
import { quoteCart, readCart } from '../cart/api';
import { discountCodes } from '../promotions/discount-messages';
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
    method && draft.address ? await quoteFor(draft.address, method.code, draft.discountCode) : {};
  return { cart, session, draft, methods, shipping, ...priced };
}

/**
 * The service's price for the cart at this address and method with the buyer's discount code,
 * or the code it refused it with (a destination it cannot tax, say): shown, never taken for a
 * price without tax. A code that no longer applies is priced without, and its refusal's code
 * is handed back to explain it.
 */
export async function quoteFor(
  shippingAddress: ShippingAddressInput,
  shippingMethod: string,
  discountCode?: string,
): Promise<{ quote?: CheckoutQuote; quoteRefused?: string; discountRefused?: string }> {
  const details = { shippingAddress, shippingMethod };
  try {
    return { quote: await quoteCart({ ...details, discountCode }) };
  } catch (error) {
    if (!(error instanceof ServiceError) || !discountCode || !discountCodes.has(error.code)) {
      return refusalOf(error);
    }
    try {
      return { quote: await quoteCart(details), discountRefused: error.code };
    } catch (withoutCode) {
      return { ...refusalOf(withoutCode), discountRefused: error.code };
    }
  }
}

/** A refusal the buyer can act on (4xx) is named; anything else leaves the summary unpriced. */
function refusalOf(error: unknown): { quoteRefused?: string } {
  return error instanceof ServiceError && error.status >= 400 && error.status < 500
    ? { quoteRefused: error.code }
    : {};
}

/** `?invalid=a,b` of a refused step, as a list of field names. */
export const invalidFields = (value: string | undefined) => (value ? value.split(',') : []);
