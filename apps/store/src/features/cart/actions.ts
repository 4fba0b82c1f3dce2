'use server';

import { redirect } from 'next/navigation';
import { ServiceError } from '../../lib/service-client';
import { MAX_UNITS_PER_LINE } from '@makrx/contracts';
import { currentSession } from '../session/current-session';
import { addCartItem, removeCartItem, setCartItemQuantity, type ChangedCart } from './api';
import { keepGuestCartToken } from './cart-token';

function quantityOf(form: FormData): number {
  const quantity = Math.trunc(Number(form.get('quantity') ?? 1));
  return Number.isFinite(quantity) ? Math.min(Math.max(quantity, 0), MAX_UNITS_PER_LINE) : 1;
}

const variantOf = (form: FormData) => String(form.get('variantId') ?? '');

async function keepToken({ issuedToken }: ChangedCart) {
  if (issuedToken && !(await currentSession())) await keepGuestCartToken(issuedToken);
}

/** Why the service refused, as a code the cart page explains; anything else is a real fault. */
function refusal(error: unknown): string {
  if (error instanceof ServiceError && error.status >= 400 && error.status < 500) return error.code;
  throw error;
}

/** The product page's form: adds the chosen variant and shows the cart. */
export async function addToCart(form: FormData): Promise<never> {
  const returnTo = String(form.get('returnTo') ?? '/');
  let next = '/cart?added=1';
  try {
    await keepToken(await addCartItem(variantOf(form), Math.max(quantityOf(form), 1)));
  } catch (error) {
    const code = refusal(error);
    const back = returnTo.startsWith('/') && !returnTo.startsWith('//') ? returnTo : '/';
    next = `${back}${back.includes('?') ? '&' : '?'}cartError=${encodeURIComponent(code)}`;
  }
  redirect(next);
}

export async function updateCartLine(form: FormData): Promise<never> {
  let next = '/cart';
  try {
    const quantity = quantityOf(form);
    await keepToken(
      quantity === 0
        ? await removeCartItem(variantOf(form))
        : await setCartItemQuantity(variantOf(form), quantity),
    );
  } catch (error) {
    next = `/cart?problem=${encodeURIComponent(refusal(error))}`;
  }
  redirect(next);
}

export async function removeCartLine(form: FormData): Promise<never> {
  let next = '/cart?removed=1';
  try {
    await keepToken(await removeCartItem(variantOf(form)));
  } catch (error) {
    next = `/cart?problem=${encodeURIComponent(refusal(error))}`;
  }
  redirect(next);
}
