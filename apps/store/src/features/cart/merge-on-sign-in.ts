import { cookieOptions, type CookieSource } from '../session/session-cookies';
import { mergeGuestCart } from './api';
import { GUEST_CART_COOKIE } from './cart-token';

interface CookieWriter {
  set(
    name: string,
    value: string,
    options: ReturnType<typeof cookieOptions> & { maxAge?: number },
  ): unknown;
}

/**
 * A guest who signs in keeps their guest cart (issue 6): its items move into their account's
 * cart and the guest cookie goes. If the store service cannot be reached the cookie stays, so
 * the next sign-in tries again rather than losing the items.
 */
export async function mergeGuestCartOnSignIn(
  request: CookieSource,
  response: CookieWriter,
  accessToken: string,
): Promise<void> {
  const cartToken = request.get(GUEST_CART_COOKIE)?.value;
  if (!cartToken) return;
  try {
    await mergeGuestCart(accessToken, cartToken);
  } catch (error) {
    console.error('The guest cart could not be merged at sign-in; keeping it:', error);
    return;
  }
  response.set(GUEST_CART_COOKIE, '', { ...cookieOptions(), maxAge: 0 });
}
