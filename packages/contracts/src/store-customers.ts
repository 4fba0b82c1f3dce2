import { z } from 'zod';
import { orderSummary } from './orders';
import { pageOf, pageQuery } from './pagination';

export const customerListQuery = pageQuery.extend({
  /** Part of the buyer's name or email. */
  q: z.string().trim().min(1).max(200).optional(),
});

/**
 * Someone who ordered: an account (`key` is its user id), or a guest known only by the email
 * their orders were placed with (`key` is that email, lower-cased).
 */
export const storeCustomer = z.object({
  key: z.string(),
  kind: z.enum(['account', 'guest']),
  name: z.string(),
  email: z.string(),
  orderCount: z.number().int(),
  /** What their paid orders came to (refunded and cancelled ones left out). */
  totalSpentCents: z.number().int(),
  currency: z.string().length(3),
  lastOrderAt: z.iso.datetime({ offset: true }),
});
export type StoreCustomer = z.infer<typeof storeCustomer>;

export const customerPage = pageOf(storeCustomer);
export type CustomerPage = z.infer<typeof customerPage>;

export const customerParams = z.object({
  key: z.union([z.uuid(), z.email().max(320)], {
    message: 'An account id or a guest’s email.',
  }),
});

/** A customer with their orders, newest first (at most the last 100). */
export const customerDetail = z.object({
  customer: storeCustomer,
  orders: z.array(orderSummary),
});
export type CustomerDetail = z.infer<typeof customerDetail>;
