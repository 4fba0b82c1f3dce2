import type { ShippingAddressInput } from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { AppError, badRequest } from '@makrx/service-kit';
import { and, eq } from 'drizzle-orm';
import { productsById } from '../catalog/service';
import { offerForOrder, type DiscountOffer, type PromotionBuyer } from '../promotions/service';
import { shippingMethods, taxRates } from './tables';

export interface PricedLine {
  unitPriceCents: number;
  quantity: number;
}

export interface OrderTotals {
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  taxCents: number;
  taxRateBasisPoints: number;
  totalCents: number;
}

/** An active shipping method by its code, or a 400 naming the field. */
export async function findShippingMethod(db: Database, code: string) {
  const [method] = await db
    .select()
    .from(shippingMethods)
    .where(and(eq(shippingMethods.code, code), eq(shippingMethods.active, true)));
  if (!method) {
    throw badRequest('UNKNOWN_SHIPPING_METHOD', `There is no shipping method "${code}".`, [
      { field: 'shippingMethod', message: 'not one of the shipping methods offered' },
    ]);
  }
  return method;
}

/**
 * The tax rate for a destination: the region's own rate if it has one, else the country's.
 * A country taxed only region by region (the US) needs a region. A destination without a rate
 * (a country the store has none for, or a region of one taxed by region) is refused (422
 * DESTINATION_NOT_TAXABLE) rather than sold untaxed: a missing row is never a 0 % rate, and a
 * destination that is not taxed has its own 0 % row.
 */
export async function taxRateFor(
  db: Database,
  { country, region }: Pick<ShippingAddressInput, 'country' | 'region'>,
): Promise<number> {
  const rates = await db
    .select({ region: taxRates.region, basisPoints: taxRates.rateBasisPoints })
    .from(taxRates)
    .where(eq(taxRates.country, country));
  if (rates.length === 0) {
    throw new AppError(
      422,
      'DESTINATION_NOT_TAXABLE',
      `The store cannot ship to ${country} yet: it has no tax rate for it. Choose another address.`,
      { country },
    );
  }
  const rateOf = (r: string) => rates.find((rate) => rate.region === r)?.basisPoints;
  const rate = (region ? rateOf(region) : undefined) ?? rateOf('');
  if (rate !== undefined) return rate;
  if (!region) {
    throw badRequest(
      'UNKNOWN_REGION',
      `Choose the state or region in ${country}: its tax depends on it.`,
      [{ field: 'region', message: `required for ${country}` }],
    );
  }
  throw new AppError(
    422,
    'DESTINATION_NOT_TAXABLE',
    `The store cannot ship to ${country}-${region} yet: it has no sales tax rate for it. Choose another address.`,
    { country, region },
  );
}

/**
 * What a discount takes off these lines: a percentage (rounded half up to the cent) or a fixed
 * amount, of the lines it applies to (all, or those whose product is in `productIds`), never
 * more than they cost.
 */
export function discountOf(
  lines: readonly (PricedLine & { productId?: string })[],
  offer: Pick<DiscountOffer, 'kind' | 'value' | 'productIds'> | undefined,
): number {
  if (!offer) return 0;
  const applies = (line: { productId?: string }) =>
    offer.productIds === null ||
    (line.productId !== undefined && offer.productIds.has(line.productId));
  const base = lines.filter(applies).reduce((sum, l) => sum + l.unitPriceCents * l.quantity, 0);
  const off = offer.kind === 'percent' ? Math.round((base * offer.value) / 100) : offer.value;
  return Math.min(off, base);
}

/**
 * What an order costs, all computed here and never taken from the client. A discount comes off
 * the goods first; free shipping and tax are reckoned on what the goods then cost. Tax applies
 * to goods and shipping alike and is rounded half up to the cent.
 */
export function orderTotals(
  lines: readonly (PricedLine & { productId?: string })[],
  method: { rateCents: number; freeFromCents: number | null },
  taxRateBasisPoints: number,
  offer?: Pick<DiscountOffer, 'kind' | 'value' | 'productIds'>,
): OrderTotals {
  const subtotalCents = lines.reduce((sum, l) => sum + l.unitPriceCents * l.quantity, 0);
  const discountCents = discountOf(lines, offer);
  const goodsCents = subtotalCents - discountCents;
  const freeShipping = method.freeFromCents !== null && goodsCents >= method.freeFromCents;
  const shippingCents = freeShipping ? 0 : method.rateCents;
  const taxCents = Math.round(((goodsCents + shippingCents) * taxRateBasisPoints) / 10_000);
  return {
    subtotalCents,
    discountCents,
    shippingCents,
    taxCents,
    taxRateBasisPoints,
    totalCents: goodsCents + shippingCents + taxCents,
  };
}

/** A line to price: a variant at its price now, and how many. */
export interface LineToPrice extends PricedLine {
  variantId: string;
  productId: string;
  sku: string;
  options: Record<string, string>;
}

/** A discount code the buyer entered, and who they are (for its per-buyer limit). */
export interface DiscountRequest {
  code: string;
  /** Unknown while a guest has not given their email yet (a quote). */
  buyer: PromotionBuyer | null;
}

/**
 * Prices lines for a destination and shipping method: their products' names (all in one
 * currency), the destination's tax rate, the discount code's offer and the totals. Placing an
 * order and quoting one both go through here, so a quote is what the order will cost; a code
 * that does not apply is refused (4xx) rather than quietly left out.
 */
export async function priceOrder<Line extends LineToPrice>(
  db: Database,
  lines: readonly Line[],
  method: { rateCents: number; freeFromCents: number | null },
  address: Pick<ShippingAddressInput, 'country' | 'region'>,
  discount?: DiscountRequest,
) {
  const productRows = await productsById(
    db,
    lines.map((l) => l.productId),
  );
  const currencies = new Set(productRows.map((p) => p.currency));
  if (currencies.size > 1) {
    throw badRequest('MIXED_CURRENCIES', 'These items are priced in different currencies.');
  }
  const productOf = new Map(productRows.map((p) => [p.id, p]));
  const taxRate = await taxRateFor(db, address);
  const currency = productRows[0]!.currency;
  const offer = discount
    ? await offerForOrder(db, discount.code, {
        buyer: discount.buyer,
        currency,
        subtotalCents: lines.reduce((sum, l) => sum + l.unitPriceCents * l.quantity, 0),
        productIds: lines.map((l) => l.productId),
      })
    : undefined;
  const totals = orderTotals(lines, method, taxRate, offer);
  if (offer && totals.discountCents === 0) {
    throw offerNotApplicable(offer.code);
  }
  return {
    currency,
    lines: lines.map((line) => {
      const product = productOf.get(line.productId)!;
      return { ...line, productName: product.name, productSlug: product.slug };
    }),
    totals,
    offer,
  };
}

const offerNotApplicable = (code: string) =>
  new AppError(
    422,
    'CODE_NOT_APPLICABLE',
    `The code ${code} does not apply to anything in this order.`,
    [{ field: 'discountCode', message: 'applies to none of these items' }],
  );
