import type { ProductSummary } from '@makrx/contracts';

/** At or below this many units a shopper is told exactly how many are left. */
export const lowStockThreshold = 5;

export type StockLevel =
  | { kind: 'in-stock'; label: string }
  | { kind: 'low'; label: string }
  | { kind: 'out'; label: string };

export function stockLevel(product: Pick<ProductSummary, 'stock' | 'inStock'>): StockLevel {
  if (!product.inStock || product.stock <= 0) return { kind: 'out', label: 'Out of stock' };
  if (product.stock <= lowStockThreshold) {
    return { kind: 'low', label: `Only ${product.stock} left` };
  }
  return { kind: 'in-stock', label: 'In stock' };
}
