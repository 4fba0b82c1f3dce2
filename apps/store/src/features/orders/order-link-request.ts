'use server';

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
    if (error.status === 429) {
      return {
        problem: 'That order or address was asked about too often. Try again in an hour.',
        errors: {},
        values,
      };
    }
    const { details } = error;
    const errors: FindOrderState['errors'] = {};
    for (const detail of Array.isArray(details) ? (details as Array<{ field?: unknown }>) : []) {
      if (detail.field === 'number' || detail.field === 'email') {
        errors[detail.field] = fieldAdvice[detail.field];
      }
    }
    return { problem: 'Check the fields marked below.', errors, values };
  }
}
