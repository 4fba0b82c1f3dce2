import type { Database } from '@makrx/db';
import { violates } from '@makrx/db';
import { AppError, badRequest, conflict } from '@makrx/service-kit';
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { productsUnderCategories } from '../catalog/service';
import { promotionCategories, promotionRedemptions, promotions } from './tables';

/** Who uses a code, for its per-buyer limit: an account, or a guest by their email. */
export interface PromotionBuyer {
  userId: string | null;
  email: string;
}

export const buyerKeyOf = (buyer: PromotionBuyer) =>
  buyer.userId ? `user:${buyer.userId}` : `email:${buyer.email.trim().toLowerCase()}`;

/** What a code takes off an order, as the pricing function applies it (orders/pricing.ts). */
export interface DiscountOffer {
  promotionId: string;
  /** As the store spells it. */
  code: string;
  kind: 'percent' | 'fixed';
  value: number;
  /** The products it applies to; null: every line. */
  productIds: ReadonlySet<string> | null;
}

const field = (message: string) => [{ field: 'discountCode', message }];

export interface OrderToDiscount {
  buyer: PromotionBuyer | null;
  currency: string;
  subtotalCents: number;
  productIds: readonly string[];
}

/**
 * The offer of the code the buyer typed for this order, or a 4xx saying why there is none:
 * unknown (or archived), not yet valid, expired, below its minimum, in another currency, used
 * up, or used by this buyer as often as one buyer may. Reads only: the use is taken when the
 * order is placed (`redeemPromotion`), under the code's row lock, which settles a race.
 */
export async function offerForOrder(
  db: Database,
  typed: string,
  order: OrderToDiscount,
): Promise<DiscountOffer> {
  const [found] = await db
    .select({
      promotion: promotions,
      now: sql<string>`now()`.mapWith((v: string | Date) => new Date(v)),
    })
    .from(promotions)
    .where(sql`lower(${promotions.code}) = lower(${typed.trim()})`);
  const promotion = found?.promotion;
  if (!promotion || promotion.status !== 'active') {
    throw badRequest(
      'CODE_UNKNOWN',
      `There is no discount code ${typed.trim()}.`,
      field('unknown code'),
    );
  }
  const now = found.now;
  const { code } = promotion;
  if (now < promotion.validFrom) {
    throw new AppError(
      422,
      'CODE_NOT_YET_VALID',
      `The code ${code} can be used from ${promotion.validFrom.toISOString().slice(0, 10)}.`,
      { validFrom: promotion.validFrom.toISOString(), fields: field('not valid yet') },
    );
  }
  if (promotion.validUntil && now >= promotion.validUntil) {
    throw new AppError(422, 'CODE_EXPIRED', `The code ${code} has expired.`, {
      validUntil: promotion.validUntil.toISOString(),
      fields: field('expired'),
    });
  }
  if (promotion.currency !== order.currency && promotion.kind === 'fixed') {
    throw new AppError(
      422,
      'CODE_NOT_APPLICABLE',
      `The code ${code} is for orders in ${promotion.currency}.`,
      field('for another currency'),
    );
  }
  if (order.subtotalCents < promotion.minSubtotalCents) {
    throw new AppError(
      422,
      'CODE_BELOW_MINIMUM',
      `The code ${code} needs a subtotal of at least ${(promotion.minSubtotalCents / 100).toFixed(2)} ${promotion.currency}.`,
      {
        minSubtotalCents: promotion.minSubtotalCents,
        currency: promotion.currency,
        fields: field('subtotal below the minimum'),
      },
    );
  }
  if (promotion.usageLimit !== null && promotion.used >= promotion.usageLimit) throw usedUp(code);
  if (order.buyer) {
    const [mine] = await db
      .select({ n: count() })
      .from(promotionRedemptions)
      .where(
        and(
          eq(promotionRedemptions.promotionId, promotion.id),
          eq(promotionRedemptions.buyer, buyerKeyOf(order.buyer)),
        ),
      );
    if (mine!.n >= promotion.perBuyerLimit) throw alreadyUsed(code);
  }
  const limitedTo = await db
    .select({ categoryId: promotionCategories.categoryId })
    .from(promotionCategories)
    .where(eq(promotionCategories.promotionId, promotion.id));
  const productIds =
    limitedTo.length === 0
      ? null
      : await productsUnderCategories(
          db,
          limitedTo.map((c) => c.categoryId),
          order.productIds,
        );
  return {
    promotionId: promotion.id,
    code,
    kind: promotion.kind,
    value: promotion.value,
    productIds,
  };
}

const usedUp = (code: string) =>
  conflict('CODE_USED_UP', `The code ${code} has been used up; the order was not placed.`, {
    fields: field('used up'),
  });
const alreadyUsed = (code: string) =>
  conflict('CODE_ALREADY_USED', `You have already used the code ${code}.`, {
    fields: field('already used by this buyer'),
  });

/**
 * Takes one use of the code for this order, in the transaction that records it: the count goes
 * up only while it is below the limit (a conditional update, which holds the code's row until
 * the commit, so racing buyers take its last uses one at a time and the rest are told 409
 * CODE_USED_UP), and the buyer's use gets the first free number up to the per-buyer limit
 * (unique), else 409 CODE_ALREADY_USED.
 */
export async function redeemPromotion(
  tx: Database,
  use: { offer: DiscountOffer; orderId: string; buyer: PromotionBuyer; discountCents: number },
): Promise<void> {
  const { offer } = use;
  const [taken] = await tx
    .update(promotions)
    .set({ used: sql`${promotions.used} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(promotions.id, offer.promotionId),
        eq(promotions.status, 'active'),
        sql`(${promotions.usageLimit} is null or ${promotions.used} < ${promotions.usageLimit})`,
      ),
    )
    .returning({ perBuyerLimit: promotions.perBuyerLimit });
  if (!taken) throw usedUp(offer.code);
  const buyer = buyerKeyOf(use.buyer);
  try {
    const inserted = await tx.execute<{ id: string }>(sql`
      insert into ${promotionRedemptions} (promotion_id, order_id, buyer, buyer_use, discount_cents)
      select ${offer.promotionId}, ${use.orderId}, ${buyer}, n, ${use.discountCents}
      from generate_series(1, ${taken.perBuyerLimit}::int) n
      where not exists (
        select 1 from ${promotionRedemptions} r
        where r.promotion_id = ${offer.promotionId} and r.buyer = ${buyer} and r.buyer_use = n)
      order by n limit 1
      returning id`);
    if (inserted.rows.length === 0) throw alreadyUsed(offer.code);
  } catch (error) {
    if (violates(error, '23505', 'promotion_redemptions_buyer_use_unique')) {
      throw alreadyUsed(offer.code);
    }
    throw error;
  }
}

/**
 * Gives back the uses an order took (it was cancelled, or expired unpaid): its redemptions go
 * and their codes' counts come down, in the closing transaction. Nothing when it used none.
 */
export async function releasePromotionsOf(tx: Database, orderId: string): Promise<void> {
  const released = await tx
    .delete(promotionRedemptions)
    .where(eq(promotionRedemptions.orderId, orderId))
    .returning({ promotionId: promotionRedemptions.promotionId });
  if (released.length === 0) return;
  await tx
    .update(promotions)
    .set({ used: sql`${promotions.used} - 1`, updatedAt: new Date() })
    .where(
      inArray(
        promotions.id,
        released.map((r) => r.promotionId),
      ),
    );
}
