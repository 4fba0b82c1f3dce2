'use server';

import { redirect } from 'next/navigation';
import { ServiceError } from '../../lib/service-client';
import { createPurchasingAccount, updatePurchasingAccount } from './api';

const PAGE = '/admin/purchasing-accounts';
const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

/** A limit typed in the store's currency (e.g. 5000.00) as cents; unreadable is NaN (refused). */
const limitCents = (form: FormData) => Math.round(Number(text(form, 'monthlyLimit')) * 100);

/** Runs one change and comes back to the page saying what happened (works without JS). */
async function change(done: string, work: () => Promise<unknown>): Promise<never> {
  let outcome = `notice=${encodeURIComponent(done)}`;
  try {
    await work();
  } catch (error) {
    if (!(error instanceof ServiceError) || error.status >= 500) throw error;
    outcome = `problem=${encodeURIComponent(error.message)}`;
  }
  redirect(`${PAGE}?${outcome}`);
}

export async function openPurchasingAccount(form: FormData): Promise<never> {
  const region = text(form, 'region');
  return change(`Purchasing account for ${text(form, 'name')} opened.`, () =>
    createPurchasingAccount({
      makerspaceId: text(form, 'makerspaceId'),
      name: text(form, 'name'),
      billingEmail: text(form, 'billingEmail'),
      billingAddress: {
        name: text(form, 'name'),
        line1: text(form, 'line1'),
        city: text(form, 'city'),
        ...(region ? { region } : {}),
        postalCode: text(form, 'postalCode'),
        country: text(form, 'country'),
      },
      monthlyLimitCents: limitCents(form),
      active: true,
    }),
  );
}

/** A new monthly limit, and whether the account may still order. */
export async function changePurchasingAccount(form: FormData): Promise<never> {
  return change(`Purchasing account ${text(form, 'name')} saved.`, () =>
    updatePurchasingAccount(text(form, 'id'), {
      monthlyLimitCents: limitCents(form),
      active: form.get('active') === 'on',
    }),
  );
}
