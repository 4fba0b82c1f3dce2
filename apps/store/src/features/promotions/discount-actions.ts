'use server';

import { redirect } from 'next/navigation';
import { ServiceError } from '../../lib/service-client';
import { quoteCartDiscount } from '../cart/api';
import { readDraft, saveDraft } from '../checkout/checkout-draft';

/** Back to the cart or the checkout page the form was on, never anywhere else. */
const backTo = (form: FormData) => {
  const returnTo = String(form.get('returnTo') ?? '');
  return /^\/checkout(\/(contact|address|shipping|review))?$/.test(returnTo) ? returnTo : '/cart';
};

/**
 * The cart's (and checkout's) discount code form: the code is tried on the cart at once, kept
 * for the checkout when it applies, and explained when it does not. Works without JavaScript.
 */
export async function applyDiscountCode(form: FormData): Promise<never> {
  const back = backTo(form);
  const typed = String(form.get('discountCode') ?? '').trim();
  let next = `${back}?discount=applied`;
  try {
    const applied = await quoteCartDiscount(typed);
    await saveDraft({ ...(await readDraft()), discountCode: applied.discountCode });
  } catch (error) {
    if (!(error instanceof ServiceError) || error.status >= 500) throw error;
    next = `${back}?discountProblem=${encodeURIComponent(error.code)}`;
  }
  redirect(next);
}

export async function removeDiscountCode(form: FormData): Promise<never> {
  const { discountCode: _removed, ...draft } = await readDraft();
  await saveDraft(draft);
  redirect(`${backTo(form)}?discount=removed`);
}
