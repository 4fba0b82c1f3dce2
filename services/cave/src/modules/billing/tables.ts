import { makrcaveSchema, users } from '@makrx/db/schema';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { equipment } from '../equipment/tables';
import { makerspaces } from '../makerspaces/tables';

/**
 * How a makerspace bills: the prefix of its invoice numbers, the time zone its months are
 * counted in and how long an invoice may stay open. A makerspace without a row bills with the
 * defaults (its slug's initials, 14 days), written on its first invoice. Periods are the
 * makerspace's own months, in its time zone (makerspace settings).
 */
export const billingSettings = makrcaveSchema.table(
  'billing_settings',
  {
    makerspaceId: uuid('makerspace_id')
      .primaryKey()
      .references(() => makerspaces.id, { onDelete: 'cascade' }),
    invoicePrefix: text('invoice_prefix').notNull(),
    paymentDueDays: integer('payment_due_days').notNull().default(14),
  },
  (t) => [
    check('billing_settings_prefix_shape', sql`${t.invoicePrefix} ~ '^[A-Z]{2,6}$'`),
    check('billing_settings_due_days_range', sql`${t.paymentDueDays} between 0 and 90`),
  ],
);

/** A makerspace's membership plans; an archived plan keeps its subscriptions, takes no new ones. */
export const membershipPlans = makrcaveSchema.table(
  'membership_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    makerspaceId: uuid('makerspace_id')
      .notNull()
      .references(() => makerspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    interval: text('interval', { enum: ['monthly', 'yearly'] }).notNull(),
    priceCents: integer('price_cents').notNull(),
    currency: text('currency').notNull(),
    includedHours: integer('included_hours').notNull().default(0),
    discountPercent: integer('discount_percent').notNull().default(0),
    premium: boolean('premium').notNull().default(false),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('membership_plans_interval_known', sql`${t.interval} in ('monthly', 'yearly')`),
    check('membership_plans_price_not_negative', sql`${t.priceCents} >= 0`),
    check('membership_plans_currency_shape', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check('membership_plans_hours_not_negative', sql`${t.includedHours} >= 0`),
    check('membership_plans_discount_range', sql`${t.discountPercent} between 0 and 100`),
    unique('membership_plans_name_per_makerspace').on(t.makerspaceId, t.name),
  ],
);

/**
 * A member on a plan for the days `[starts_on, ends_on)`; `ends_on` is null while it runs.
 * One member holds at most one subscription at a time in a makerspace: the exclusion
 * constraint `membership_subscriptions_no_overlap` (custom migration) keeps the day ranges of
 * one member's subscriptions apart, so a plan change is the old one ending where the new one
 * starts.
 */
export const membershipSubscriptions = makrcaveSchema.table(
  'membership_subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    makerspaceId: uuid('makerspace_id')
      .notNull()
      .references(() => makerspaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    planId: uuid('plan_id')
      .notNull()
      .references(() => membershipPlans.id),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'membership_subscriptions_ends_after_start',
      sql`${t.endsOn} is null or ${t.endsOn} > ${t.startsOn}`,
    ),
    index('membership_subscriptions_makerspace_idx').on(t.makerspaceId),
  ],
);

/**
 * The last invoice number given in a makerspace in a year. Issuing locks the row, takes the
 * next number and writes it back in the invoice's transaction, so a rolled-back invoice gives
 * its number back and the numbers have no gaps.
 */
export const invoiceCounters = makrcaveSchema.table(
  'invoice_counters',
  {
    makerspaceId: uuid('makerspace_id')
      .notNull()
      .references(() => makerspaces.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.makerspaceId, t.year] })],
);

/**
 * A subscription's invoice for one month (`invoices_once_per_period`: whoever issues it,
 * however often, there is one). Totals are integer minor units of `currency`.
 */
export const membershipInvoices = makrcaveSchema.table(
  'membership_invoices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    makerspaceId: uuid('makerspace_id')
      .notNull()
      .references(() => makerspaces.id, { onDelete: 'cascade' }),
    subscriptionId: uuid('subscription_id')
      .notNull()
      .references(() => membershipSubscriptions.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    planId: uuid('plan_id')
      .notNull()
      .references(() => membershipPlans.id),
    number: text('number').notNull(),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    dueOn: date('due_on').notNull(),
    status: text('status', { enum: ['open', 'paid', 'void'] })
      .notNull()
      .default('open'),
    currency: text('currency').notNull(),
    subtotalCents: integer('subtotal_cents').notNull(),
    taxCents: integer('tax_cents').notNull().default(0),
    totalCents: integer('total_cents').notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    paymentMethod: text('payment_method'),
    paymentReference: text('payment_reference'),
    /** The key a member's card payment was made under: the same request again is answered, not charged. */
    paymentIdempotencyKey: text('payment_idempotency_key'),
  },
  (t) => [
    unique('invoices_once_per_period').on(t.subscriptionId, t.periodStart),
    unique('invoices_number_per_makerspace').on(t.makerspaceId, t.number),
    check('membership_invoices_status_known', sql`${t.status} in ('open', 'paid', 'void')`),
    check(
      'membership_invoices_total_adds_up',
      sql`${t.totalCents} = ${t.subtotalCents} + ${t.taxCents}`,
    ),
    check(
      'membership_invoices_paid_has_payment',
      sql`(${t.status} = 'paid') = (${t.paidAt} is not null and ${t.paymentMethod} is not null)`,
    ),
    check('membership_invoices_period_order', sql`${t.periodEnd} >= ${t.periodStart}`),
    index('membership_invoices_user_idx').on(t.makerspaceId, t.userId),
  ],
);

/** An invoice's lines in order: the plan's fee, machine time per machine, the plan's discount. */
export const membershipInvoiceLines = makrcaveSchema.table(
  'membership_invoice_lines',
  {
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => membershipInvoices.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind', { enum: ['plan', 'usage', 'discount'] }).notNull(),
    description: text('description').notNull(),
    quantity: integer('quantity').notNull(),
    unitPriceCents: integer('unit_price_cents').notNull(),
    amountCents: integer('amount_cents').notNull(),
    equipmentId: uuid('equipment_id').references(() => equipment.id, { onDelete: 'set null' }),
  },
  (t) => [
    primaryKey({ columns: [t.invoiceId, t.position] }),
    check('membership_invoice_lines_kind_known', sql`${t.kind} in ('plan', 'usage', 'discount')`),
  ],
);
