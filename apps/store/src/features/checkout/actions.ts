'use server';

import { redirect } from 'next/navigation';
import { ServiceError } from '../../lib/service-client';
import { readCart } from '../cart/api';
import { guestCartToken } from '../cart/cart-token';
import { placeOrder } from '../orders/api';
import { rememberOrder } from '../orders/guest-orders';
import { currentSession } from '../session/current-session';
import type { StoreSession } from '../session/store-session';
import { checkAddress } from './api';
import { addressFrom, emailFrom, type FieldErrors } from './checkout-input';
import { refusalsShownInCart } from './checkout-messages';
import { clearDraft, readDraft, saveDraft, type CheckoutDraft } from './checkout-draft';
import { discountCodes } from '../promotions/discount-messages';
import { chosenAddressFrom } from './saved-addresses';

const invalid = (path: string, errors: FieldErrors) =>
  `${path}?invalid=${encodeURIComponent(Object.keys(errors).join(','))}`;

function shippingMethodFrom(form: FormData): string | undefined {
  const method = String(form.get('shippingMethod') ?? '');
  return /^[a-z0-9-]+$/.test(method) ? method : undefined;
}

export async function saveContact(form: FormData): Promise<never> {
  const draft = await readDraft();
  const { email, errors } = emailFrom(form);
  await saveDraft({ ...draft, email: email ?? String(form.get('email') ?? '') });
  redirect(email ? '/checkout/address' : invalid('/checkout/contact', errors));
}

/**
 * The address of a checkout form as the store service keeps it (the region as its code), or
 * why not: fields it refused, or a destination it cannot price. A saved address it refuses
 * opens in the typed form, filled in, so the buyer fixes it there.
 */
async function checkedAddressFrom(form: FormData, session: StoreSession | null) {
  const chosen = await chosenAddressFrom(form, session);
  if (!chosen.address) return { ...chosen, refused: undefined, savedToFix: false };
  const checked = await checkAddress(chosen.address);
  if (checked.address) return { address: checked.address, errors: {}, savedToFix: false };
  const entered =
    chosen.entered ??
    Object.fromEntries(Object.entries(chosen.address).map(([key, value]) => [key, String(value)]));
  const errors: FieldErrors = Object.fromEntries(
    (checked.fields ?? []).map((field) => [field, 'refused']),
  );
  return { entered, errors, refused: checked.refused, savedToFix: !chosen.entered };
}

const refusedAt = (path: string, code: string) => `${path}?refused=${encodeURIComponent(code)}`;

export async function saveAddress(form: FormData): Promise<never> {
  const draft = await readDraft();
  const checked = await checkedAddressFrom(form, await currentSession());
  const { address, entered, errors } = checked;
  await saveDraft({
    ...draft,
    address: address ?? draft.address,
    enteredAddress: address ? undefined : entered,
  });
  if (address) redirect('/checkout/shipping');
  if (checked.refused) redirect(refusedAt('/checkout/address', checked.refused));
  const back = invalid('/checkout/address', errors);
  redirect(checked.savedToFix ? `${back}&saved=fix` : back);
}

/**
 * With JavaScript, the one-page checkout's address is checked as soon as it is complete, so
 * the summary is priced for it before the form is sent; an incomplete or refused one changes
 * nothing (sending the form names its mistakes).
 */
export async function previewAddress(form: FormData): Promise<void> {
  if (String(form.get('savedAddress') ?? '')) return;
  const { address } = addressFrom(form);
  if (!address) return;
  const checked = await checkAddress(address);
  if (!checked.address) return;
  const draft = await readDraft();
  await saveDraft({ ...draft, address: checked.address, enteredAddress: undefined });
}

/** With JavaScript, a shipping method chosen on the page prices the summary at once. */
export async function chooseShippingMethod(code: string): Promise<void> {
  if (!/^[a-z0-9-]{1,40}$/.test(code)) return;
  const draft = await readDraft();
  await saveDraft({ ...draft, shippingMethod: code });
}

export async function saveShipping(form: FormData): Promise<never> {
  const draft = await readDraft();
  const shippingMethod = shippingMethodFrom(form);
  if (!shippingMethod) redirect(invalid('/checkout/shipping', { shippingMethod: 'missing' }));
  await saveDraft({ ...draft, shippingMethod });
  redirect('/checkout/review');
}

/** Where a refused order sends the buyer back to, by the service's reason. */
function pathForRefusal(error: ServiceError, checkoutPath: string): string {
  if (refusalsShownInCart.has(error.code)) {
    return `/cart?problem=${error.code}`;
  }
  return `${checkoutPath}?refused=${encodeURIComponent(error.code)}`;
}

/**
 * Places the order from the cart with the attempt's Idempotency-Key (from the form, so a
 * double submit of the same form sends the same key and gets the same order), then pays.
 */
async function placeFromCart(
  draft: CheckoutDraft,
  attemptKey: string,
  checkoutPath: string,
): Promise<never> {
  const session = await currentSession();
  const cart = await readCart();
  if (cart.lines.length === 0) redirect('/cart');
  if (!draft.address || !draft.shippingMethod || (!session && !draft.email)) redirect(checkoutPath);
  let next: string;
  try {
    const placed = await placeOrder(
      {
        ...(session ? {} : { email: draft.email }),
        shippingAddress: draft.address,
        shippingMethod: draft.shippingMethod,
        ...(draft.discountCode ? { discountCode: draft.discountCode } : {}),
      },
      attemptKey,
      session ? undefined : await guestCartToken(),
    );
    await rememberOrder({ id: placed.id, number: placed.number, token: placed.accessToken });
    await clearDraft();
    next = `/orders/${encodeURIComponent(placed.number)}/pay`;
  } catch (error) {
    if (!(error instanceof ServiceError) || error.status >= 500) throw error;
    if (discountCodes.has(error.code) && draft.discountCode) {
      // The code no longer applies (used up meanwhile, say): nothing was ordered. It is taken
      // off and the buyer sees why and the price without it, and decides.
      const { discountCode: _refused, ...withoutCode } = draft;
      await saveDraft(withoutCode);
      next = `${checkoutPath}?discountProblem=${encodeURIComponent(error.code)}`;
    } else {
      next = pathForRefusal(error, checkoutPath);
    }
  }
  redirect(next);
}

const attemptKeyOf = (form: FormData, draft: CheckoutDraft) => {
  const key = String(form.get('attemptKey') ?? '');
  return /^[\w-]{8,200}$/.test(key) ? key : draft.attemptKey;
};

/** The classic checkout's last step: the reviewed order is placed. */
export async function placeReviewedOrder(form: FormData): Promise<never> {
  const draft = await readDraft();
  return placeFromCart(draft, attemptKeyOf(form, draft), '/checkout/review');
}

/** The one-page checkout: contact, address and shipping in one form, then the order. */
export async function placeOnePageOrder(form: FormData): Promise<never> {
  const draft = await readDraft();
  const session = await currentSession();
  const contact = session ? { errors: {} } : emailFrom(form);
  const checked = await checkedAddressFrom(form, session);
  const { address, entered, errors: addressErrors } = checked;
  const shippingMethod = shippingMethodFrom(form);
  const errors: FieldErrors = {
    ...contact.errors,
    ...addressErrors,
    ...(shippingMethod ? {} : { shippingMethod: 'missing' }),
  };
  const updated: CheckoutDraft = {
    ...draft,
    email: 'email' in contact ? contact.email : draft.email,
    address: address ?? draft.address,
    enteredAddress: address ? undefined : entered,
    shippingMethod: shippingMethod ?? draft.shippingMethod,
  };
  if (!session && !contact.email) updated.email = String(form.get('email') ?? '');
  await saveDraft(updated);
  if (checked.refused) redirect(refusedAt('/checkout', checked.refused));
  if (Object.keys(errors).length > 0) {
    const back = invalid('/checkout', errors);
    redirect(checked.savedToFix ? `${back}&saved=fix&address=new` : back);
  }
  return placeFromCart(updated, attemptKeyOf(form, draft), '/checkout');
}
