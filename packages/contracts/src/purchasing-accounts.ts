import { z } from 'zod';
import { shippingAddress } from './orders';

/*
 * A makerspace's purchasing account at MakrX.Store (spec 7, `POST /api/v1/orders/quick-reorder`):
 * its admins order from BOMs on it, billed by invoice to its address, up to a monthly limit.
 * Store admins keep the accounts.
 */

export const purchasingAccountCreate = z.object({
  makerspaceId: z.uuid(),
  name: z.string().trim().min(2).max(120),
  billingEmail: z.email().max(254),
  billingAddress: shippingAddress,
  /** What the account may order per calendar month (UTC), in the store's currency's cents. */
  monthlyLimitCents: z.number().int().min(0).max(100_000_000),
  active: z.boolean().default(true),
});
export type PurchasingAccountCreate = z.infer<typeof purchasingAccountCreate>;

export const purchasingAccountUpdate = purchasingAccountCreate
  .omit({ makerspaceId: true })
  .partial()
  .refine((value) => Object.keys(value).length > 0, { message: 'change at least one field' });
export type PurchasingAccountUpdate = z.infer<typeof purchasingAccountUpdate>;

export const purchasingAccount = z.object({
  id: z.uuid(),
  makerspaceId: z.uuid(),
  name: z.string(),
  billingEmail: z.string(),
  billingAddress: shippingAddress,
  monthlyLimitCents: z.number().int(),
  active: z.boolean(),
  /** Ordered on the account this calendar month (UTC), cancelled and refunded orders left out. */
  spentThisMonthCents: z.number().int(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type PurchasingAccount = z.infer<typeof purchasingAccount>;

export const purchasingAccountList = z.object({ accounts: z.array(purchasingAccount) });
export type PurchasingAccountList = z.infer<typeof purchasingAccountList>;
