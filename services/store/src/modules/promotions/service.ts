/**
 * The promotions module's service: discount codes as checkout and the flows use them. Other
 * modules and the flows import this file only, never the promotions' tables or other files.
 */
export {
  buyerKeyOf,
  offerForOrder,
  redeemPromotion,
  releasePromotionsOf,
  type DiscountOffer,
  type OrderToDiscount,
  type PromotionBuyer,
} from './redemptions';
