import { z } from 'zod';
import { shippingAddress } from './orders';

/** A shipping method code as the store names them (`standard`, `express`). */
export const shippingMethodCode = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'a shipping method code such as standard');

/** An address a user keeps on MakrX.org to ship store orders to. */
export const savedAddressInput = shippingAddress.extend({
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{5,30}$/, 'a phone number such as +1 415 555 0100')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Make this the address checkout starts from. */
  isDefault: z.boolean().optional(),
});
export type SavedAddressInput = z.input<typeof savedAddressInput>;

export const savedAddress = z.object({
  id: z.uuid(),
  name: z.string(),
  line1: z.string(),
  line2: z.string().optional(),
  city: z.string(),
  region: z.string().optional(),
  postalCode: z.string(),
  country: z.string(),
  phone: z.string().optional(),
  isDefault: z.boolean(),
  updatedAt: z.iso.datetime(),
});
export type SavedAddress = z.infer<typeof savedAddress>;

/** The signed-in user's addresses (default first) and the method checkout starts from. */
export const shippingPreferences = z.object({
  addresses: z.array(savedAddress),
  defaultShippingMethod: shippingMethodCode.nullable(),
});
export type ShippingPreferences = z.infer<typeof shippingPreferences>;

export const defaultShippingMethodBody = z.object({
  defaultShippingMethod: shippingMethodCode.nullable(),
});

/** Spec section 7, MakrX.Store → MakrX.org: GET /api/v1/preferences/shipping. */
export const shippingPreferencesQuery = z.object({ userId: z.uuid() });
export const shippingPreferencesOfUser = z.object({
  addresses: z.array(savedAddress),
  default_shipping_method: shippingMethodCode.nullable(),
});
export type ShippingPreferencesOfUser = z.infer<typeof shippingPreferencesOfUser>;

/** Spec section 7, MakrX.Store → MakrX.org: POST /api/v1/activity/purchase. */
export const purchaseActivityRequest = z.object({
  user_id: z.uuid(),
  order_id: z.uuid(),
  product_categories: z
    .array(z.string().trim().min(1).max(80))
    .max(50)
    .transform((slugs) => [...new Set(slugs)]),
});
export type PurchaseActivityRequest = z.input<typeof purchaseActivityRequest>;

export const purchaseActivityRecorded = z.object({
  orderId: z.uuid(),
  /** False when this order had been recorded already: nothing changed. */
  recorded: z.boolean(),
});

/** What the owner sees of their store purchases on MakrX.org; never shown to anyone else. */
export const purchaseSummary = z.object({
  orders: z.number().int(),
  categories: z.array(z.object({ slug: z.string(), orders: z.number().int() })),
  lastPurchasedAt: z.iso.datetime().nullable(),
});
export type PurchaseSummary = z.infer<typeof purchaseSummary>;

/**
 * `GET`/`PUT /api/v1/me/purchase-activity/sharing`: whether the buyer shows their purchase
 * activity on their public profile (off until they choose it).
 */
export const purchaseSharing = z.strictObject({ shownOnProfile: z.boolean() });
export type PurchaseSharing = z.infer<typeof purchaseSharing>;

/**
 * The store's checkout view of the buyer's MakrX.org addresses; `reachable` is false when
 * MakrX.org could not be asked, and the buyer types an address instead.
 */
export const checkoutAddresses = shippingPreferences.extend({ reachable: z.boolean() });
export type CheckoutAddresses = z.infer<typeof checkoutAddresses>;
