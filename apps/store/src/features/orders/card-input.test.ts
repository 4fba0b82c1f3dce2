import { describe, expect, it } from 'vitest';
import { parseExpiry, passesLuhn, tokenForTypedCard } from './card-input';

const now = new Date('2026-12-04T12:00:00Z');
const typed = (number: string, expiry = '12/30', cvc = '123') =>
  tokenForTypedCard({ number, expiry, cvc }, now);

describe('an expiry date as typed', () => {
  it('reads MM/YY, MM / YYYY and MMYY', () => {
    expect(parseExpiry('12/34')).toEqual({ month: 12, year: 2034 });
    expect(parseExpiry('03 / 2031')).toEqual({ month: 3, year: 2031 });
    expect(parseExpiry('0429')).toEqual({ month: 4, year: 2029 });
  });
  it('refuses a month that does not exist, or text', () => {
    expect(parseExpiry('13/30')).toBeNull();
    expect(parseExpiry('soon')).toBeNull();
  });
});

describe('a test card typed on the pay page, read in the browser', () => {
  it('becomes the token Stripe publishes for it', () => {
    expect(typed('4242 4242 4242 4242')).toEqual({ token: 'tok_visa' });
    expect(typed('4000-0000-0000-0069')).toEqual({ token: 'tok_chargeDeclinedExpiredCard' });
  });

  it('is refused as Stripe refuses it: a number failing Luhn, an expiry in the past', () => {
    expect(passesLuhn('4242424242424241')).toBe(false);
    expect(typed('4242 4242 4242 4241')).toMatchObject({ code: 'incorrect_number' });
    expect(typed('4242')).toMatchObject({ code: 'incorrect_number' });
    expect(typed('4242424242424242', '12/20')).toEqual({
      code: 'invalid_expiry',
      message: "Your card's expiration date is in the past.",
    });
    expect(typed('4242424242424242', '11/26')).toMatchObject({ code: 'invalid_expiry' });
    expect(typed('4242424242424242', '12/26')).toEqual({ token: 'tok_visa' });
    expect(typed('4242424242424242', '12/30', '1')).toMatchObject({ code: 'invalid_cvc' });
  });

  it('takes no real card: only Stripe test numbers have a token', () => {
    expect(typed('4012 8888 8888 1881')).toMatchObject({ code: 'card_not_accepted' });
  });
});
