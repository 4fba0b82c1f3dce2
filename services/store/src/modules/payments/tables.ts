import { storeSchema } from '@makrx/db/schema';
import { sql } from 'drizzle-orm';
import { check, index, integer, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orders } from '../orders/tables';

export const paymentStatuses = [
  'processing',
  'requires_action',
  'succeeded',
  'failed',
  'refunded',
] as const;

/** One attempt to pay an order; a declined card leaves a failed row and the order payable. */
export const payments = storeSchema.table(
  'payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    /** `invoice`: an order on a makerspace's purchasing account, billed by invoice later. */
    provider: text('provider', { enum: ['offline', 'stripe', 'invoice'] }).notNull(),
    /** The provider's id (a Payment Intent's `pi_…`); null until the provider answered. */
    providerPaymentId: text('provider_payment_id').unique(),
    status: text('status', { enum: paymentStatuses }).notNull(),
    amountCents: integer('amount_cents').notNull(),
    currency: text('currency').notNull(),
    failureCode: text('failure_code'),
    failureMessage: text('failure_message'),
    providerRefundId: text('provider_refund_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'payments_status_known',
      sql`${t.status} in ('processing', 'requires_action', 'succeeded', 'failed', 'refunded')`,
    ),
    check('payments_amount_positive', sql`${t.amountCents} > 0`),
    // An order is paid once: a second successful payment is refused by the database (and
    // then refunded, see settlePayment).
    uniqueIndex('payments_one_success_per_order')
      .on(t.orderId)
      .where(sql`${t.status} = 'succeeded'`),
    index('payments_order_idx').on(t.orderId),
  ],
);

/** Webhook events already handled, so a redelivered event changes nothing (Stripe retries). */
export const processedWebhookEvents = storeSchema.table('processed_webhook_events', {
  eventId: text('event_id').primaryKey(),
  provider: text('provider').notNull(),
  type: text('type').notNull(),
  processedAt: timestamp('processed_at', { withTimezone: true }).notNull().defaultNow(),
});
