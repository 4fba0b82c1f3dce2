import { describe, expect, it } from 'vitest';
import { canCheckOut, stockWarning } from './cart-checks';
import type { CartLine } from './api';

const line = (quantity: number, stock: number, onSale = true): CartLine => ({
  variantId: '00000000-0000-4000-8000-000000000001',
  sku: 'FIL-PLA-BLK-1KG',
  productName: 'PLA filament',
  productSlug: 'pla-filament',
  options: {},
  imageUrl: 'http://localhost:8003/media/products/pla.svg',
  unitPriceCents: 2499,
  quantity,
  lineTotalCents: 2499 * quantity,
  stock,
  onSale,
});

describe('stock warnings in the cart', () => {
  it('say how many are left when the cart holds more than the store has', () => {
    expect(stockWarning(line(5, 2))).toBe('Only 2 left — lower the quantity to check out.');
    expect(stockWarning(line(1, 0))).toMatch(/Out of stock/);
    expect(stockWarning(line(2, 2))).toBeNull();
  });
  it('say an item taken off sale cannot be ordered', () => {
    expect(stockWarning(line(1, 5, false))).toBe('No longer sold — remove it to check out.');
    expect(canCheckOut([line(1, 5, false)])).toBe(false);
  });
  it('keep a cart with a problem, or an empty one, from checkout', () => {
    expect(canCheckOut([line(1, 3)])).toBe(true);
    expect(canCheckOut([line(1, 3), line(4, 3)])).toBe(false);
    expect(canCheckOut([])).toBe(false);
  });
});
