import { describe, expect, it } from 'vitest';
import { lowStockThreshold, stockLevel } from './stock-level';

describe('the stock a shopper is shown', () => {
  it('says in stock when plenty is on the shelf', () => {
    expect(stockLevel({ stock: 84, inStock: true })).toEqual({
      kind: 'in-stock',
      label: 'In stock',
    });
  });

  it('names the exact count once few are left', () => {
    expect(stockLevel({ stock: 3, inStock: true })).toEqual({ kind: 'low', label: 'Only 3 left' });
    expect(stockLevel({ stock: lowStockThreshold, inStock: true }).kind).toBe('low');
    expect(stockLevel({ stock: lowStockThreshold + 1, inStock: true }).kind).toBe('in-stock');
  });

  it('says out of stock when nothing is left or the product is not sold', () => {
    expect(stockLevel({ stock: 0, inStock: false }).label).toBe('Out of stock');
    expect(stockLevel({ stock: 12, inStock: false }).kind).toBe('out');
  });
});
