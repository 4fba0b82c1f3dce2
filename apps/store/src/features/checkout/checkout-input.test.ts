import { describe, expect, it } from 'vitest';
import { addressFrom, emailFrom } from './checkout-input';

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

describe('checkout input', () => {
  it('takes a complete address, normalising codes as the service does', () => {
    const { address, errors } = addressFrom(
      form({
        name: 'Ada',
        line1: '1 Way',
        city: 'SF',
        region: 'ca',
        postalCode: '94107',
        country: 'us',
      }),
    );
    expect(errors).toEqual({});
    expect(address).toMatchObject({ region: 'CA', country: 'US' });
    expect(address?.line2).toBeUndefined();
  });

  it('names each missing field in words, keeping what was typed', () => {
    const { address, entered, errors } = addressFrom(form({ name: 'Ada', country: 'US' }));
    expect(address).toBeUndefined();
    expect(entered.name).toBe('Ada');
    expect(errors).toMatchObject({
      line1: 'Enter the street and number.',
      city: 'Enter the town or city.',
      postalCode: 'Enter the postal code.',
    });
  });

  it('refuses an email that is not one', () => {
    expect(emailFrom(form({ email: 'nope' })).errors.email).toMatch(/email address/);
    expect(emailFrom(form({ email: 'guest@example.com' })).email).toBe('guest@example.com');
  });
});
