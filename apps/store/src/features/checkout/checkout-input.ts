import { shippingAddress, type ShippingAddressInput } from '@makrx/contracts';
import { z } from 'zod';

export type FieldErrors = Partial<Record<string, string>>;

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

const emailInput = z.email().max(254);

export function emailFrom(form: FormData): { email?: string; errors: FieldErrors } {
  const email = text(form, 'email');
  return emailInput.safeParse(email).success
    ? { email, errors: {} }
    : { errors: { email: fieldMessages.email! } };
}

export const fieldMessages: Record<string, string> = {
  email: 'Enter an email address such as you@example.com.',
  shippingMethod: 'Choose how to ship your order.',
  name: 'Enter the name to deliver to.',
  line1: 'Enter the street and number.',
  city: 'Enter the town or city.',
  region: 'Choose the state or province from the list, for the country chosen above.',
  phone: 'Enter a phone number with its country code, such as +1 415 555 0100, or leave it empty.',
  postalCode: 'Enter the postal code.',
  country: 'Choose a country.',
};

/** The address fields of a form, checked with the same rules the store service applies. */
export function addressFrom(form: FormData): {
  address?: ShippingAddressInput;
  entered: Record<string, string>;
  errors: FieldErrors;
} {
  const entered = Object.fromEntries(
    ['name', 'line1', 'line2', 'city', 'region', 'postalCode', 'country', 'phone'].map((name) => [
      name,
      text(form, name),
    ]),
  );
  const parsed = shippingAddress.safeParse({
    ...entered,
    line2: entered.line2 || undefined,
    region: entered.region || undefined,
    phone: entered.phone || undefined,
  });
  if (parsed.success) return { address: parsed.data, entered, errors: {} };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    errors[field] ??= fieldMessages[field] ?? issue.message;
  }
  return { entered, errors };
}
