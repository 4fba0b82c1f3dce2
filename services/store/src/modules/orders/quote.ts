import type { CheckoutQuote, CheckoutQuoteBody, DiscountQuote } from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { AppError, badRequest } from '@makrx/service-kit';
import { notForSale, productsById, variantsById } from '../catalog/service';
import { mergeItems } from './order-placement';
import { offerForOrder, type PromotionBuyer } from '../promotions/service';
import { discountOf, findShippingMethod, priceOrder } from './pricing';

/**
 * What an order of these items to this address would cost, priced by the rules placing it
 * uses. Nothing is written and no stock is held: a line with fewer units left than asked for
 * is reported as short.
 */
export async function quoteOrder(
  db: Database,
  request: Omit<CheckoutQuoteBody, 'items'> & { items: { variantId: string; quantity: number }[] },
  buyer: PromotionBuyer | null = null,
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
  const { discountCode } = request;
  const discount = discountCode ? { code: discountCode, buyer } : undefined;
  const { currency, lines, totals, offer } = await priceOrder(
    db,
    wanted,
    method,
    request.shippingAddress,
    discount,
  );
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
    discountCents: totals.discountCents,
    discountCode: offer?.code ?? null,
    shippingCents: totals.shippingCents,
    taxCents: totals.taxCents,
    taxRateBasisPoints: totals.taxRateBasisPoints,
    totalCents: totals.totalCents,
    shippingMethod: { code: method.code, name: method.name },
  };
}

/**
 * What a discount code takes off these items before an address is known (the cart): the same
 * checks and the same discount as pricing the order, without shipping or tax. A code that does
 * not apply is a 4xx saying why.
 */
export async function quoteDiscount(
  db: Database,
  request: { items: { variantId: string; quantity: number }[]; discountCode: string },
  buyer: PromotionBuyer | null,
): Promise<DiscountQuote> {
  const items = mergeItems(request.items);
  if (items.length === 0) {
    throw badRequest('CART_EMPTY', 'The cart is empty: add something before checking out.');
  }
  const variants = await variantsById(
    db,
    items.map((i) => i.variantId),
  );
  if (variants.length < items.length) {
    throw badRequest('UNKNOWN_VARIANT', 'One of the items is not in the catalog.', [
      { field: 'items', message: 'no such product variant' },
    ]);
  }
  const quantityOf = new Map(items.map((i) => [i.variantId, i.quantity]));
  const lines = variants.map((v) => ({
    productId: v.productId,
    unitPriceCents: v.priceCents,
    quantity: quantityOf.get(v.variantId)!,
  }));
  const currency = (
    await productsById(
      db,
      lines.map((l) => l.productId),
    )
  )[0]!.currency;
  const subtotalCents = lines.reduce((sum, l) => sum + l.unitPriceCents * l.quantity, 0);
  const offer = await offerForOrder(db, request.discountCode, {
    buyer,
    currency,
    subtotalCents,
    productIds: lines.map((l) => l.productId),
  });
  const discountCents = discountOf(lines, offer);
  if (discountCents === 0) {
    throw new AppError(
      422,
      'CODE_NOT_APPLICABLE',
      `The code ${offer.code} does not apply to anything in this order.`,
      [{ field: 'discountCode', message: 'applies to none of these items' }],
    );
  }
  return { currency, discountCode: offer.code, subtotalCents, discountCents };
}
