'use server';

import { carriers, type CarrierCode } from '@makrx/contracts/carriers';
import { redirect } from 'next/navigation';
import { ServiceError } from '../../lib/service-client';
import type { OrderStepProblem } from './admin-messages';
import { moveOrder, type AdminOrderStep } from './api';

const detail = (id: string, query: string) => `/admin/orders/${encodeURIComponent(id)}?${query}`;
/** The order page's query naming why a step was refused (admin-messages.ts has the words). */
const refused = (code: ServiceError['code'] | OrderStepProblem) =>
  `problem=${encodeURIComponent(code)}`;

/** One of the order's buttons on the admin page: the service moves it on, or says why not. */
export async function changeOrder(id: string, form: FormData): Promise<never> {
  const step = String(form.get('step') ?? '');
  let change: AdminOrderStep;
  if (step === 'ship') {
    const trackingNumber = String(form.get('trackingNumber') ?? '').trim();
    if (!/^[A-Za-z0-9-]{4,60}$/.test(trackingNumber))
      redirect(detail(id, refused('TRACKING_NUMBER')));
    const carrier = String(form.get('carrier') ?? '');
    if (carrier && !(carrier in carriers)) redirect(detail(id, refused('CARRIER')));
    change = carrier
      ? { step, trackingNumber, carrier: carrier as CarrierCode }
      : { step, trackingNumber };
  } else if (step === 'refund') {
    const note = String(form.get('note') ?? '').trim();
    change = note ? { step, note } : { step };
  } else if (step === 'fulfil' || step === 'deliver' || step === 'cancel') {
    change = { step };
  } else {
    redirect(detail(id, refused('UNKNOWN_STEP')));
  }
  let next: string;
  try {
    await moveOrder(id, change);
    next = detail(id, `done=${change.step}`);
  } catch (error) {
    if (!(error instanceof ServiceError) || error.status >= 500) throw error;
    next = detail(id, refused(error.code));
  }
  redirect(next);
}
