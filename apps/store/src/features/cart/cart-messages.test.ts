import { describe, expect, it } from 'vitest';
import { cartProblemMessage } from './cart-messages';

describe('what the cart tells a buyer about a refused change', () => {
  it('says there are not that many in stock when the service answers OUT_OF_STOCK', () => {
    expect(cartProblemMessage('OUT_OF_STOCK')).toBe(
      'We don’t have that many in stock. The quantity shows what is available.',
    );
  });

  it('says an item that left the catalog is no longer sold', () => {
    expect(cartProblemMessage('UNKNOWN_VARIANT')).toBe('That item is no longer sold.');
  });

  it('names the limit of 99 of one item', () => {
    expect(cartProblemMessage('QUANTITY_TOO_LARGE')).toBe('A cart holds at most 20 of one item.');
  });

  it('asks to try again for a code it has no words for, even one every object answers to', () => {
    const tryAgain = 'That change could not be made. Please try again.';
    expect(cartProblemMessage('INSUFFICIENT_STOCK')).toBe(tryAgain);
    expect(cartProblemMessage('constructor')).toBe(tryAgain);
  });

  it('says nothing when nothing was refused', () => {
    expect(cartProblemMessage(undefined)).toBeNull();
  });
});
