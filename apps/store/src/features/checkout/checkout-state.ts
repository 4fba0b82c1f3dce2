import { redirect } from 'next/navigation';
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
  const quote =
    method && draft.address
      ? await quoteCart({ shippingAddress: draft.address, shippingMethod: method.code }).catch(
          () => undefined,
        )
      : undefined;
  return { cart, session, draft, methods, shipping, quote };
}

/** `?invalid=a,b` of a refused step, as a list of field names. */
export const invalidFields = (value: string | undefined) => (value ? value.split(',') : []);
