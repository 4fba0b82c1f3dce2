'use server';

import { redirect } from 'next/navigation';
import { ServiceError } from '../../lib/service-client';
import { chosenAddressFrom } from '../checkout/saved-addresses';
import { currentSession } from '../session/current-session';
import { findVisibleOrder } from '../orders/order-lookup';
import { printProjectOf } from '../print/quotes';
import { placePrintOrder, ratePrintOfOrder } from './api';
import { COMMENT_MAX, parseStars } from './rating';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Orders the chosen print at its quote, priced again by the store, and sends the customer to
 * pay for it as for any order. The idempotency key comes with the form, so a double submit or
 * a retry answers the first order.
 */
export async function orderPrint(form: FormData): Promise<never> {
  const uploadId = String(form.get('uploadId') ?? '');
  const offeringId = String(form.get('offeringId') ?? '');
  const quantity = Number(form.get('quantity'));
  const key = String(form.get('idempotencyKey') ?? '');
  const projectId = printProjectOf(form.get('projectId'));
  if (!UUID.test(uploadId) || !UUID.test(offeringId) || !UUID.test(key)) redirect('/print');
  const back = (extra: Record<string, string>) =>
    `/print/${uploadId}?${new URLSearchParams({ offering: offeringId, quantity: String(quantity), ...(projectId ? { project: projectId } : {}), ...extra })}#order`;

  const { address, errors } = await chosenAddressFrom(form, await currentSession());
  if (!address) redirect(back({ invalid: Object.keys(errors).join(',') }));
  let number: string;
  try {
    const order = await placePrintOrder(
      {
        uploadId,
        offeringId,
        quantity,
        shippingAddress: address,
        ...(projectId ? { projectId } : {}),
      },
      key,
    );
    number = order.number;
  } catch (error) {
    if (!(error instanceof ServiceError) || error.status >= 500) throw error;
    redirect(back({ refused: error.code }));
  }
  redirect(`/orders/${encodeURIComponent(number)}/pay`);
}

/**
 * The buyer's rating of their delivered print, from the order page's form (no script needed):
 * back to the order page, which shows the stars given or why they were refused.
 */
export async function rateOwnPrint(number: string, form: FormData): Promise<never> {
  const page = (query: string) => `/orders/${encodeURIComponent(number)}?${query}#rating`;
  const visible = await findVisibleOrder(number, undefined);
  if (!visible) redirect(`/orders/${encodeURIComponent(number)}`);
  const stars = parseStars(form.get('stars'));
  const comment = String(form.get('comment') ?? '').trim();
  if (stars === null) redirect(page('rating=NO_STARS'));
  if (comment.length > COMMENT_MAX) redirect(page('rating=COMMENT_TOO_LONG'));
  try {
    await ratePrintOfOrder(visible.order.id, comment ? { stars, comment } : { stars });
  } catch (error) {
    if (!(error instanceof ServiceError) || error.status >= 500) throw error;
    redirect(page(`rating=${encodeURIComponent(error.code)}`));
  }
  redirect(page('rated=1'));
}
