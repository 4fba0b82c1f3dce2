import { describe, expect, it } from 'vitest';
import { orderRefusalMessage, refusalsShownInCart } from './checkout-messages';

describe('what a buyer reads when the order was not placed', () => {
  it('sends stock and catalog refusals to the cart, which shows the stock as it is now', () => {
    expect(refusalsShownInCart.has('OUT_OF_STOCK')).toBe(true);
    expect(refusalsShownInCart.has('UNKNOWN_VARIANT')).toBe(true);
    expect(refusalsShownInCart.has('EMAIL_REQUIRED')).toBe(false);
  });

  it('asks a guest for their email address', () => {
    expect(orderRefusalMessage('EMAIL_REQUIRED')).toBe(
      'Give an email address to check out as a guest.',
    );
  });

  it('asks to check the order for a refusal it has no words for', () => {
    expect(orderRefusalMessage('MIXED_CURRENCIES')).toBe(
      'Something in the order was not accepted. Check it and try again.',
    );
  });
});
