'use server';

import { redirect } from 'next/navigation';
import { ServiceError } from '../../lib/service-client';
import { cancelOrder, confirmPayment, payOrder, reorder, startBrowserPayment } from './api';
import { PAYMENT_METHOD } from './card-input';
import { findVisibleOrder, linkTokenQuery } from './order-lookup';
import type { PaymentFormProblem } from './payment-errors';

const field = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

/** The email link's secret, carried by the order pages' forms for a guest without the cookie. */
const linkToken = (form: FormData) => field(form, 'token') || undefined;

const orderPage = (number: string, form: FormData, page = '') =>
  `/orders/${encodeURIComponent(number)}${page}${linkTokenQuery(linkToken(form))}`;
const payPage = (number: string, form: FormData, query: string) =>
  `/orders/${encodeURIComponent(number)}/pay?${query}${linkTokenQuery(linkToken(form), '&')}`;
/** The pay page's query naming why the payment failed (payment-errors.ts has the words). */
const failed = (code: ServiceError['code'] | PaymentFormProblem) =>
  `failed=${encodeURIComponent(code)}`;

/**
 * The offline payment form: pays the order with the test card token chosen (or made from a
 * typed test number in the browser), then shows the result, the extra step or why it failed.
 * A card number is never among the fields.
 */
export async function payForOrder(number: string, form: FormData): Promise<never> {
  const visible = await findVisibleOrder(number, linkToken(form));
  if (!visible) redirect(orderPage(number, form));
  const paymentMethod = field(form, 'paymentMethod');
  if (!PAYMENT_METHOD.test(paymentMethod)) redirect(payPage(number, form, failed('INVALID_CARD')));
  let next: string;
  try {
    const { payment } = await payOrder(visible.order.id, paymentMethod, visible.token);
    next =
      payment.status === 'requires_action'
        ? payPage(number, form, `confirm=${payment.id}`)
        : payment.status === 'processing'
          ? orderPage(number, form)
          : orderPage(number, form, '/confirmation');
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    if (error.status === 402) next = payPage(number, form, failed(error.code));
    else if (error.status === 400) next = payPage(number, form, failed('INVALID_CARD'));
    // Already paid, cancelled or expired: the order's own page says which.
    else if (error.status === 409) next = orderPage(number, form);
    else throw error;
  }
  redirect(next);
}

/**
 * Stripe mode: a Payment Intent for the pay page's Payment Element, whose secret Stripe.js
 * confirms in the browser (card details go to Stripe only). Null when the order cannot take a
 * payment now, with the service's code for why.
 */
export async function startStripePayment(
  number: string,
  linkTokenValue: string | undefined,
): Promise<{ clientSecret: string } | { problem: string }> {
  const visible = await findVisibleOrder(number, linkTokenValue);
  if (!visible) return { problem: 'NOT_FOUND' };
  try {
    const { clientSecret } = await startBrowserPayment(visible.order.id, visible.token);
    return { clientSecret };
  } catch (error) {
    if (!(error instanceof ServiceError) || error.status >= 500) throw error;
    return { problem: error.code };
  }
}

/** The issuer's extra step, answered: the payment completes, or the buyer picks another card. */
export async function confirmOrderPayment(number: string, form: FormData): Promise<never> {
  const visible = await findVisibleOrder(number, linkToken(form));
  if (!visible) redirect(orderPage(number, form));
  if (field(form, 'decision') !== 'confirm') {
    redirect(payPage(number, form, failed('AUTHENTICATION_FAILED')));
  }
  let next: string;
  try {
    await confirmPayment(visible.order.id, field(form, 'paymentId'), visible.token);
    next = orderPage(number, form, '/confirmation');
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    if (error.status === 402 || error.status === 409 || error.status === 404) {
      next = payPage(number, form, failed(error.code));
    } else throw error;
  }
  redirect(next);
}

/** Cancels before shipment; a paid order is refunded by the service. */
export async function cancelOwnOrder(number: string, form: FormData): Promise<never> {
  const visible = await findVisibleOrder(number, linkToken(form));
  if (!visible) redirect(orderPage(number, form));
  let query = 'cancelled=1';
  try {
    await cancelOrder(visible.order.id, visible.token);
  } catch (error) {
    if (!(error instanceof ServiceError) || error.status !== 409) throw error;
    query = 'cancel=refused';
  }
  redirect(
    `${orderPage(number, form)}${orderPage(number, form).includes('?') ? '&' : '?'}${query}`,
  );
}

/** "Buy again": the past order's items go into the cart, which then shows them. */
export async function reorderOwnOrder(number: string, form: FormData): Promise<never> {
  const visible = await findVisibleOrder(number, linkToken(form));
  if (!visible) redirect(orderPage(number, form));
  let next = '/cart?reordered=1';
  try {
    await reorder(visible.order.id);
  } catch (error) {
    if (!(error instanceof ServiceError) || error.status >= 500) throw error;
    next = `/cart?problem=${encodeURIComponent(error.code)}`;
  }
  redirect(next);
}
