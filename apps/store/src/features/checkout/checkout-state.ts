import { redirect } from 'next/navigation';
import type { CheckoutQuote, CheckoutQuoteBody } from '@makrx/contracts';
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
    method && draft.address
      ? await quoteWithDiscount(
          { shippingAddress: draft.address, shippingMethod: method.code },
          draft.discountCode,
        )
      : {};
  return { cart, session, draft, methods, shipping, ...priced };
}

/**
 * The cart priced for an address and method with the buyer's discount code; a code that no
 * longer applies is priced without, and its refusal's code is handed back to explain it.
 */
export async function quoteWithDiscount(
  details: Pick<CheckoutQuoteBody, 'shippingAddress' | 'shippingMethod'>,
  discountCode: string | undefined,
): Promise<{ quote?: CheckoutQuote; discountRefused?: string }> {
  try {
    return { quote: await quoteCart({ ...details, discountCode }) };
  } catch (error) {
    if (!(error instanceof ServiceError) || !discountCode || !discountCodes.has(error.code)) {
      return {};
    }
    return {
      quote: await quoteCart(details).catch(() => undefined),
      discountRefused: error.code,
    };
  }
}

/** `?invalid=a,b` of a refused step, as a list of field names. */
export const invalidFields = (value: string | undefined) => (value ? value.split(',') : []);
