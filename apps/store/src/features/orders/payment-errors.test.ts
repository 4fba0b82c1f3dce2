import { describe, expect, it } from 'vitest';
import { paymentFailureMessage } from './payment-errors';

describe('what a buyer reads after a failed payment', () => {
  it('says a declined card charged nothing and asks for another', () => {
    expect(paymentFailureMessage('CARD_DECLINED')).toBe(
      'Your card was declined. Nothing was charged — try another card.',
    );
  });

  it('points to the test cards when the offline gateway refuses a real one', () => {
    expect(paymentFailureMessage('CARD_NOT_ACCEPTED')).toMatch(/test cards listed below/);
  });

  it('asks to check the card when the form could not read it', () => {
    expect(paymentFailureMessage('INVALID_CARD')).toBe(
      'Check the card number, expiry date and security code.',
    );
  });

  it('says nothing was charged for a provider code it has no words for', () => {
    expect(paymentFailureMessage('UNEXPECTED_ANSWER')).toBe(
      'The payment did not go through. Nothing was charged — try another card.',
    );
  });
});
