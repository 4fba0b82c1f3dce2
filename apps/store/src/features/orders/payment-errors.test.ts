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

  it('asks to choose a card when the form sent none', () => {
    expect(paymentFailureMessage('INVALID_CARD')).toBe('Choose one of the cards to pay with.');
  });

  it('says an expired card was declined', () => {
    expect(paymentFailureMessage('EXPIRED_CARD')).toBe(
      'Your card has expired. Nothing was charged — use another card.',
    );
  });

  it('says nothing was charged for a provider code it has no words for', () => {
    expect(paymentFailureMessage('UNEXPECTED_ANSWER')).toBe(
      'The payment did not go through. Nothing was charged — try another card.',
    );
  });
});
