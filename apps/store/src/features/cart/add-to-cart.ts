import { ServiceError } from '../../lib/service-client';
import { MAX_UNITS_PER_LINE } from '@makrx/contracts/line-limits';
import { currentSession } from '../session/current-session';
import { addCartItem } from './api';
import { keepGuestCartToken } from './cart-token';

/** Only a path on the store itself: never another site after an add. */
const localPath = (path: string) => (path.startsWith('/') && !path.startsWith('//') ? path : '/');

/**
 * Adds the product page's chosen variant and answers where the shopper goes next: the cart,
 * or back to the product (`returnTo`) with the service's reason when it refused. Only from a
 * server action or route handler (it may keep a guest's cart token in a cookie).
 */
export async function addToCartFromForm(form: FormData): Promise<string> {
  const quantity = Math.trunc(Number(form.get('quantity') ?? 1));
  const units = Number.isFinite(quantity) ? Math.min(Math.max(quantity, 1), MAX_UNITS_PER_LINE) : 1;
  try {
    const { issuedToken } = await addCartItem(String(form.get('variantId') ?? ''), units);
    if (issuedToken && !(await currentSession())) await keepGuestCartToken(issuedToken);
    return '/cart?added=1';
  } catch (error) {
    // Why the service refused, as a code the product page explains; anything else is a fault.
    if (!(error instanceof ServiceError && error.status >= 400 && error.status < 500)) throw error;
    const back = localPath(String(form.get('returnTo') ?? '/'));
    return `${back}${back.includes('?') ? '&' : '?'}cartError=${encodeURIComponent(error.code)}`;
  }
}
