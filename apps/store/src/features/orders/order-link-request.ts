'use server';

import { StoreApiError } from '../catalog/api';
import { callStore, errorDetailsOf } from '../../lib/store-service';

export interface FindOrderState {
  /** The same words whether or not the order exists. */
  sent?: boolean;
  problem?: string;
  errors: { number?: string; email?: string };
  values: { number?: string; email?: string };
}

const fieldAdvice = {
  number: 'Enter the order number from your receipt, like MX-100001.',
  email: 'Enter the email address you placed the order with.',
} as const;

/** Asks the store to mail the order's link to the order's own address (never to the asker). */
export async function requestOrderLink(
  _previous: FindOrderState,
  form: FormData,
): Promise<FindOrderState> {
  const values = {
    number: String(form.get('number') ?? '').trim(),
    email: String(form.get('email') ?? '').trim(),
  };
  try {
    await callStore('/orders/lookup', { method: 'POST', body: values, asVisitor: false });
    return { sent: true, errors: {}, values: {} };
  } catch (error) {
    if (!(error instanceof StoreApiError) || error.status >= 500) throw error;
    if (error.status === 429) {
      return {
        problem: 'That order or address was asked about too often. Try again in an hour.',
        errors: {},
        values,
      };
    }
    const details = errorDetailsOf(error);
    const errors: FindOrderState['errors'] = {};
    for (const detail of Array.isArray(details) ? (details as Array<{ field?: unknown }>) : []) {
      if (detail.field === 'number' || detail.field === 'email') {
        errors[detail.field] = fieldAdvice[detail.field];
      }
    }
    return { problem: 'Check the fields marked below.', errors, values };
  }
}
