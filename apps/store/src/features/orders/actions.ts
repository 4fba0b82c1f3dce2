'use server';

import { redirect } from 'next/navigation';
import { StoreApiError } from '../catalog/api';
import { cancelOrder, confirmPayment, payOrder, reorder, type CardDetails } from './api';
import { parseExpiry } from './card-input';
import { findVisibleOrder } from './order-lookup';

const field = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

function cardFrom(form: FormData, expiry: { month: number; year: number }): CardDetails {
  return {
    number: field(form, 'cardNumber').replace(/[\s-]/g, ''),
    expMonth: expiry.month,
    expYear: expiry.year,
    cvc: field(form, 'cvc'),
  };
}

const payPage = (number: string, query: string) =>
  `/orders/${encodeURIComponent(number)}/pay?${query}`;

/** The payment form: pays the order, then shows the result, the extra step or why it failed. */
export async function payForOrder(number: string, form: FormData): Promise<never> {
  const visible = await findVisibleOrder(number);
  if (!visible) redirect(`/orders/${encodeURIComponent(number)}`);
  const expiry = parseExpiry(field(form, 'expiry'));
  if (!expiry || !/^\d{12,19}$/.test(field(form, 'cardNumber').replace(/[\s-]/g, ''))) {
    redirect(payPage(number, 'failed=INVALID_CARD'));
  }
  let next: string;
  try {
    const { payment } = await payOrder(visible.order.id, cardFrom(form, expiry), visible.token);
    next =
      payment.status === 'requires_action'
        ? payPage(number, `confirm=${payment.id}`)
        : `/orders/${encodeURIComponent(number)}/confirmation`;
  } catch (error) {
    if (!(error instanceof StoreApiError)) throw error;
    if (error.status === 402) next = payPage(number, `failed=${encodeURIComponent(error.code)}`);
    else if (error.status === 400) next = payPage(number, 'failed=INVALID_CARD');
    // Already paid, cancelled or expired: the order's own page says which.
    else if (error.status === 409) next = `/orders/${encodeURIComponent(number)}`;
    else throw error;
  }
  redirect(next);
}

/** The issuer's extra step, answered: the payment completes, or the buyer picks another card. */
export async function confirmOrderPayment(number: string, form: FormData): Promise<never> {
  const visible = await findVisibleOrder(number);
  if (!visible) redirect(`/orders/${encodeURIComponent(number)}`);
  if (field(form, 'decision') !== 'confirm') {
    redirect(payPage(number, 'failed=AUTHENTICATION_FAILED'));
  }
  let next: string;
  try {
    await confirmPayment(visible.order.id, field(form, 'paymentId'), visible.token);
    next = `/orders/${encodeURIComponent(number)}/confirmation`;
  } catch (error) {
    if (!(error instanceof StoreApiError)) throw error;
    if (error.status === 402 || error.status === 409 || error.status === 404) {
      next = payPage(number, `failed=${encodeURIComponent(error.code)}`);
    } else throw error;
  }
  redirect(next);
}

/** Cancels before shipment; a paid order is refunded by the service. */
export async function cancelOwnOrder(number: string): Promise<never> {
  const visible = await findVisibleOrder(number);
  if (!visible) redirect(`/orders/${encodeURIComponent(number)}`);
  let query = 'cancelled=1';
  try {
    await cancelOrder(visible.order.id, visible.token);
  } catch (error) {
    if (!(error instanceof StoreApiError) || error.status !== 409) throw error;
    query = 'cancel=refused';
  }
  redirect(`/orders/${encodeURIComponent(number)}?${query}`);
}

/** "Buy again": the past order's items go into the cart, which then shows them. */
export async function reorderOwnOrder(number: string): Promise<never> {
  const visible = await findVisibleOrder(number);
  if (!visible) redirect(`/orders/${encodeURIComponent(number)}`);
  let next = '/cart?reordered=1';
  try {
    await reorder(visible.order.id);
  } catch (error) {
    if (!(error instanceof StoreApiError) || error.status >= 500) throw error;
    next = `/cart?problem=${encodeURIComponent(error.code)}`;
  }
  redirect(next);
}
