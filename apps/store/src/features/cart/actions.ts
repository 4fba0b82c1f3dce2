'use server';

import { redirect } from 'next/navigation';
import { ServiceError } from '../../lib/service-client';
import { MAX_UNITS_PER_LINE } from '@makrx/contracts';
import { currentSession } from '../session/current-session';
import { addToCartFromForm } from './add-to-cart';
import { removeCartItem, setCartItemQuantity, type ChangedCart } from './api';
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

/** Adds a variant from a form and shows the cart (the product page posts to /cart/add). */
export async function addToCart(form: FormData): Promise<never> {
  redirect(await addToCartFromForm(form));
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
