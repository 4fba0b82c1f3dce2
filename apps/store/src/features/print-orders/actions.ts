'use server';

import { redirect } from 'next/navigation';
import { ServiceError } from '../../lib/service-client';
import { chosenAddressFrom } from '../checkout/saved-addresses';
import { currentSession } from '../session/current-session';
import { placePrintOrder } from './api';

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
  if (!UUID.test(uploadId) || !UUID.test(offeringId) || !UUID.test(key)) redirect('/print');
  const back = (extra: Record<string, string>) =>
    `/print/${uploadId}?${new URLSearchParams({ offering: offeringId, quantity: String(quantity), ...extra })}#order`;

  const { address, errors } = await chosenAddressFrom(form, await currentSession());
  if (!address) redirect(back({ invalid: Object.keys(errors).join(',') }));
  let number: string;
  try {
    const order = await placePrintOrder(
      { uploadId, offeringId, quantity, shippingAddress: address },
      key,
    );
    number = order.number;
  } catch (error) {
    if (!(error instanceof ServiceError) || error.status >= 500) throw error;
    redirect(back({ refused: error.code }));
  }
  redirect(`/orders/${encodeURIComponent(number)}/pay`);
}
