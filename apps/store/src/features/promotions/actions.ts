'use server';

import { redirect } from 'next/navigation';
import { ServiceError } from '../../lib/service-client';
import { createPromotion, updatePromotion } from './api';
import { promotionBodyFrom } from './promotion-form-values';

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

export async function createPromotionFromForm(form: FormData): Promise<never> {
  const body = promotionBodyFrom(form);
  return change(
    () => createPromotion(body),
    `Discount code ${body.code} created.`,
    '/admin/promotions/new',
  );
}

export async function updatePromotionFromForm(form: FormData): Promise<never> {
  const id = String(form.get('id') ?? '');
  const body = promotionBodyFrom(form);
  return change(
    () => updatePromotion(id, body),
    `Discount code ${body.code} saved.`,
    `/admin/promotions/${encodeURIComponent(id)}`,
  );
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
