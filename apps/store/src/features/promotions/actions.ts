'use server';

import { redirect } from 'next/navigation';
import { ServiceError } from '../../lib/service-client';
import { createPromotion, updatePromotion } from './api';
import { refusedForm, type FormOutcome } from '../../lib/form-outcome';
import {
  promotionBodyFrom,
  promotionRefusals,
  promotionValuesFrom,
  type PromotionField,
} from './promotion-form-values';

/** The service's refusal in words an admin can act on, naming the field it is about. */
function refusalWords(error: ServiceError): string {
  const details = Array.isArray(error.details)
    ? (error.details as { field?: string; message?: string }[])
    : [];
  const fields = details
    .filter((d) => d.field)
    .map((d) => `${d.field}: ${d.message ?? 'not accepted'}`);
  return fields.length > 0 ? `${error.message} (${fields.join('; ')})` : error.message;
}

async function change(
  work: () => Promise<{ id: string }>,
  done: string,
  back: string,
): Promise<never> {
  let next: string;
  try {
    const saved = await work();
    next = `/admin/promotions?notice=${encodeURIComponent(done)}&saved=${saved.id}`;
  } catch (error) {
    if (!(error instanceof ServiceError) || error.status >= 500) throw error;
    next = `${back}?problem=${encodeURIComponent(refusalWords(error))}`;
  }
  redirect(next);
}

/**
 * The create and edit forms: saved, the list says so; refused, the form comes back with what
 * was typed and each refused field marked (works without JavaScript too).
 */
export async function savePromotion(
  previous: FormOutcome<PromotionField>,
  form: FormData,
): Promise<FormOutcome<PromotionField>> {
  const id = String(form.get('id') ?? '');
  const body = promotionBodyFrom(form);
  let saved: { id: string };
  try {
    saved = id ? await updatePromotion(id, body) : await createPromotion(body);
  } catch (error) {
    if (!(error instanceof ServiceError) || error.status >= 500) throw error;
    const summary = `The discount code was not ${id ? 'saved' : 'created'}: check the fields marked below.`;
    return refusedForm(previous, promotionValuesFrom(form), error, promotionRefusals, summary);
  }
  const done = `Discount code ${body.code} ${id ? 'saved' : 'created'}.`;
  redirect(`/admin/promotions?notice=${encodeURIComponent(done)}&saved=${saved.id}`);
}

export async function setPromotionStatus(form: FormData): Promise<never> {
  const id = String(form.get('id') ?? '');
  const status = form.get('status') === 'active' ? 'active' : 'archived';
  return change(
    () => updatePromotion(id, { status }),
    status === 'archived' ? 'Discount code archived.' : 'Discount code back in use.',
    `/admin/promotions/${encodeURIComponent(id)}`,
  );
}
