import type { CheckoutQuote, CheckoutQuoteBody } from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { badRequest } from '@makrx/service-kit';
import { notForSale, variantsById } from '../catalog/service';
import { mergeItems } from './order-placement';
import { findShippingMethod, priceOrder } from './pricing';

/**
 * What an order of these items to this address would cost, priced by the rules placing it
 * uses. Nothing is written and no stock is held: a line with fewer units left than asked for
 * is reported as short.
 */
export async function quoteOrder(
  db: Database,
  request: Omit<CheckoutQuoteBody, 'items'> & { items: { variantId: string; quantity: number }[] },
): Promise<CheckoutQuote> {
  const items = mergeItems(request.items);
  if (items.length === 0) {
    throw badRequest('CART_EMPTY', 'The cart is empty: add something before checking out.');
  }
  const method = await findShippingMethod(db, request.shippingMethod);
  const variantOf = new Map(
    (
      await variantsById(
        db,
        items.map((i) => i.variantId),
      )
    ).map((v) => [v.variantId, v]),
  );
  const wanted = items.map((item) => {
    const variant = variantOf.get(item.variantId);
    if (!variant) {
      throw badRequest('UNKNOWN_VARIANT', 'One of the items is not in the catalog.', [
        { field: 'items', variantId: item.variantId, message: 'no such product variant' },
      ]);
    }
    if (!variant.onSale) throw notForSale(item, variant);
    const { productId, sku, options, priceCents, stock } = variant;
    return { ...item, productId, sku, options, unitPriceCents: priceCents, stock };
  });
  const { currency, lines, totals } = await priceOrder(db, wanted, method, request.shippingAddress);
  return {
    currency,
    lines: lines.map((line) => ({
      kind: 'product' as const,
      variantId: line.variantId,
      sku: line.sku,
      productName: line.productName,
      productSlug: line.productSlug,
      options: line.options,
      unitPriceCents: line.unitPriceCents,
      quantity: line.quantity,
      lineTotalCents: line.unitPriceCents * line.quantity,
      available: line.stock,
      short: line.stock < line.quantity,
    })),
    subtotalCents: totals.subtotalCents,
    shippingCents: totals.shippingCents,
    taxCents: totals.taxCents,
    taxRateBasisPoints: totals.taxRateBasisPoints,
    totalCents: totals.totalCents,
    shippingMethod: { code: method.code, name: method.name },
  };
}
