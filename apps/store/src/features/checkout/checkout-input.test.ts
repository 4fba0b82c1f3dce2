import { describe, expect, it } from 'vitest';
import { addressFrom, emailFrom } from './checkout-input';

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

describe('checkout input', () => {
  it('takes a complete address, upper-casing the country; the region is the store service’s to read', () => {
    const { address, errors } = addressFrom(
      form({
        name: 'Ada',
        line1: '1 Way',
        city: 'SF',
        region: 'California',
        postalCode: '94107',
        country: 'us',
        phone: '+1 415 555 0100',
      }),
    );
    expect(errors).toEqual({});
    expect(address).toMatchObject({
      region: 'California',
      country: 'US',
      phone: '+1 415 555 0100',
    });
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

  it('refuses a phone number that is not one, naming the field', () => {
    const { errors } = addressFrom(
      form({
        name: 'Ada',
        line1: '1 Way',
        city: 'SF',
        postalCode: '94107',
        country: 'US',
        phone: 'soon',
      }),
    );
    expect(Object.keys(errors)).toEqual(['phone']);
  });

  it('refuses an email that is not one', () => {
    expect(emailFrom(form({ email: 'nope' })).errors.email).toMatch(/email address/);
    expect(emailFrom(form({ email: 'guest@example.com' })).email).toBe('guest@example.com');
  });
});
