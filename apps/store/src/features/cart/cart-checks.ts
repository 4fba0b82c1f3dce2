import type { CartLine } from './api';

/** What stands between a cart line and checkout, in words for the buyer; null when nothing. */
export function stockWarning(line: Pick<CartLine, 'quantity' | 'stock' | 'onSale'>): string | null {
  if (!line.onSale) return 'No longer sold — remove it to check out.';
  if (line.stock <= 0) return 'Out of stock now — remove it to check out.';
  if (line.quantity > line.stock) {
    return `Only ${line.stock} left — lower the quantity to check out.`;
  }
  return null;
}

export const canCheckOut = (lines: CartLine[]) =>
  lines.length > 0 && lines.every((line) => stockWarning(line) === null);
