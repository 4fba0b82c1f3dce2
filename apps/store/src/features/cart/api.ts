import type {
  Cart as ServiceCart,
  CheckoutQuote,
  CheckoutQuoteBody,
  DiscountQuote,
} from '@makrx/contracts';
import { callService, storeMediaUrl, type ServiceAnswer } from '../../lib/service-client';
import { currentSession } from '../session/current-session';
import { guestCartToken } from './cart-token';

export type Cart = ServiceCart;
export type CartLine = Cart['lines'][number];

/** A cart after a change, with the guest cart token the service issued for a new guest cart. */
export interface ChangedCart {
  cart: Cart;
  issuedToken: string | null;
}

export const emptyCart: Cart = { lines: [], currency: 'USD', subtotalCents: 0, itemCount: 0 };

/** Whose cart: a signed-in visitor's goes by their token; a guest's by the cart token cookie. */
async function cartHeaders(): Promise<Record<string, string | undefined>> {
  if (await currentSession()) return {};
  return { 'x-cart-token': await guestCartToken() };
}

/** The service names images by path on itself; the browser fetches them from it directly. */
const withAbsoluteImages = (cart: Cart): Cart => ({
  ...cart,
  lines: cart.lines.map((line) => ({ ...line, imageUrl: storeMediaUrl(line.imageUrl) })),
});

const changed = ({ body, headers }: ServiceAnswer<Cart>): ChangedCart => ({
  cart: withAbsoluteImages(body),
  issuedToken: headers.get('x-cart-token'),
});

/** The cart at the prices and stock of this moment, as the service computes them. */
export async function readCart(): Promise<Cart> {
  if (!(await currentSession()) && !(await guestCartToken())) return emptyCart;
  const { body } = await callService<Cart>('store', '/cart', { headers: await cartHeaders() });
  return withAbsoluteImages(body);
}

export async function addCartItem(variantId: string, quantity: number): Promise<ChangedCart> {
  return changed(
    await callService<Cart>('store', '/cart/items', {
      method: 'POST',
      json: { variantId, quantity },
      headers: await cartHeaders(),
    }),
  );
}

export async function setCartItemQuantity(
  variantId: string,
  quantity: number,
): Promise<ChangedCart> {
  return changed(
    await callService<Cart>('store', `/cart/items/${encodeURIComponent(variantId)}`, {
      method: 'PUT',
      json: { quantity },
      headers: await cartHeaders(),
    }),
  );
}

export async function removeCartItem(variantId: string): Promise<ChangedCart> {
  return changed(
    await callService<Cart>('store', `/cart/items/${encodeURIComponent(variantId)}`, {
      method: 'DELETE',
      headers: await cartHeaders(),
    }),
  );
}

/**
 * After a guest signs in: their guest cart's items move into their account's cart. Called
 * from the sign-in callback, before the session cookie exists, hence the explicit token.
 */
export async function mergeGuestCart(accessToken: string, cartToken: string): Promise<void> {
  await callService('store', '/cart/merge', {
    method: 'POST',
    headers: { 'x-cart-token': cartToken },
    as: { accessToken },
  });
}

/**
 * What the cart would cost shipped to `details`: shipping, tax and total, priced by the service
 * as the order will be. Nothing is held or written.
 */
export async function quoteCart(
  details: Pick<CheckoutQuoteBody, 'shippingAddress' | 'shippingMethod' | 'discountCode'>,
): Promise<CheckoutQuote> {
  const { body } = await callService<CheckoutQuote>('store', '/checkout/quote', {
    method: 'POST',
    json: details,
    headers: await cartHeaders(),
  });
  return body;
}

/** What a discount code takes off the cart before shipping and tax; a 4xx says why not. */
export async function quoteCartDiscount(discountCode: string): Promise<DiscountQuote> {
  const { body } = await callService<DiscountQuote>('store', '/checkout/discount', {
    method: 'POST',
    json: { discountCode },
    headers: await cartHeaders(),
  });
  return body;
}
