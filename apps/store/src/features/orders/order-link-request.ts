'use server';

import { refusedFields } from '../../lib/form-outcome';
import { ServiceError } from '../../lib/service-client';
import { mailOrderLink } from './api';

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

/** The find-order form: the order's link is mailed to the order's own address (never the asker's). */
export async function requestOrderLink(
  _previous: FindOrderState,
  form: FormData,
): Promise<FindOrderState> {
  const values = {
    number: String(form.get('number') ?? '').trim(),
    email: String(form.get('email') ?? '').trim(),
  };
  try {
    await mailOrderLink(values);
    return { sent: true, errors: {}, values: {} };
  } catch (error) {
    if (!(error instanceof ServiceError) || error.status >= 500) throw error;
    if (error.code === 'TOO_MANY_REQUESTS') {
      return {
        problem: 'That order or address was asked about too often. Try again in an hour.',
        errors: {},
        values,
      };
    }
    const errors = refusedFields(error, {
      fieldOf: (path) => (path === 'number' || path === 'email' ? path : undefined),
      advice: fieldAdvice,
    });
    return { problem: 'Check the fields marked below.', errors, values };
  }
}
