import { storeSchema } from '@makrx/db/schema';
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { productVariants } from '../catalog/tables';

/** How an order travels, with its price; free from a subtotal when `freeFromCents` is set. */
export const shippingMethods = storeSchema.table(
  'shipping_methods',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    rateCents: integer('rate_cents').notNull(),
    freeFromCents: integer('free_from_cents'),
    active: boolean('active').notNull().default(true),
    position: integer('position').notNull().default(0),
    /** Where a collected order waits, for a pick-up method: the makerspace and its address. */
    pickupName: text('pickup_name'),
    pickupAddress: text('pickup_address'),
  },
  (t) => [
    check('shipping_methods_code_shape', sql`${t.code} ~ '^[a-z0-9-]+$'`),
    check('shipping_methods_rate_not_negative', sql`${t.rateCents} >= 0`),
    check(
      'shipping_methods_pickup_named_with_address',
      sql`(${t.pickupName} is null) = (${t.pickupAddress} is null)`,
    ),
  ],
);

/**
 * Sales tax by destination, in basis points (825 = 8.25 %). `region` '' is the whole
 * country; a region's own row wins over it.
 */
export const taxRates = storeSchema.table(
  'tax_rates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    country: text('country').notNull(),
    region: text('region').notNull().default(''),
    rateBasisPoints: integer('rate_basis_points').notNull(),
    label: text('label').notNull(),
  },
  (t) => [
    unique('tax_rates_destination').on(t.country, t.region),
    check('tax_rates_country_shape', sql`${t.country} ~ '^[A-Z]{2}$'`),
    check('tax_rates_rate_range', sql`${t.rateBasisPoints} between 0 and 10000`),
  ],
);

export const orderStatuses = [
  'pending_payment',
  'paid',
  'in_fulfilment',
  'shipped',
  'delivered',
  'cancelled',
  'refunded',
] as const;

export const orderNumbers = storeSchema.sequence('order_numbers', { startWith: 100001 });

export interface ShippingAddress {
  name: string;
  line1: string;
  line2?: string;
  city: string;
  region?: string;
  postalCode: string;
  country: string;
  phone?: string;
}

/**
 * A shipping address as one key, for counting the unpaid orders going to one place: street,
 * postal code and country, lower-cased, without spaces or punctuation, so "1 Main St." and
 * "1 main st" are the same address.
 */
export const shippingAddressKey = (address: AnyColumn | SQL) =>
  sql<string>`lower(regexp_replace(coalesce(${address} ->> 'line1', '') || '|' || coalesce(${address} ->> 'line2', '') || '|' || coalesce(${address} ->> 'postalCode', '') || '|' || coalesce(${address} ->> 'country', ''), '[^[:alnum:]|]', '', 'g'))`;

export const orders = storeSchema.table(
  'orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** What people read out on the phone: `MX-100001`. */
    number: text('number')
      .notNull()
      .unique()
      .default(sql`'MX-' || nextval('store.order_numbers')`),
    /** Null for a guest's order. */
    userId: uuid('user_id'),
    email: text('email').notNull(),
    status: text('status', { enum: orderStatuses }).notNull().default('pending_payment'),
    currency: text('currency').notNull(),
    subtotalCents: integer('subtotal_cents').notNull(),
    /** Taken off the subtotal by a discount code (promotions module); tax is on what is left. */
    discountCents: integer('discount_cents').notNull().default(0),
    /** The discount code as the buyer's order used it, for the order page, invoice and email. */
    discountCode: text('discount_code'),
    shippingCents: integer('shipping_cents').notNull(),
    taxCents: integer('tax_cents').notNull(),
    totalCents: integer('total_cents').notNull(),
    taxRateBasisPoints: integer('tax_rate_basis_points').notNull(),
    shippingMethod: text('shipping_method')
      .notNull()
      .references(() => shippingMethods.code),
    shippingAddress: jsonb('shipping_address').$type<ShippingAddress>().notNull(),
    trackingNumber: text('tracking_number'),
    /** Who carries the parcel (a code of `carriers` in the contracts), for the tracking link. */
    carrier: text('carrier'),
    /**
     * A random secret handed to whoever placed the order (and in its confirmation email link):
     * it lets a guest read, pay and cancel this one order.
     */
    accessToken: text('access_token').notNull(),
    /** A retried create with the same key returns this order (spec: no second order). */
    idempotencyKey: text('idempotency_key').notNull(),
    /**
     * Whose key it is: `user:<id>` for a signed-in buyer, `guest:<cart id or ->:<email>` for a
     * guest. Keys are unique per scope, so another buyer's key is never theirs to replay.
     */
    idempotencyScope: text('idempotency_scope').notNull(),
    /** sha256 of the create request, so the same key with a different request is refused. */
    requestHash: text('request_hash').notNull(),
    /** A pending order not paid by then gives its stock back. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'orders_status_known',
      sql`${t.status} in ('pending_payment', 'paid', 'in_fulfilment', 'shipped', 'delivered', 'cancelled', 'refunded')`,
    ),
    check(
      'orders_totals_add_up',
      sql`${t.totalCents} = ${t.subtotalCents} - ${t.discountCents} + ${t.shippingCents} + ${t.taxCents}`,
    ),
    check(
      'orders_discount_within_subtotal',
      sql`${t.discountCents} between 0 and ${t.subtotalCents}`,
    ),
    check(
      'orders_shipped_have_tracking',
      sql`${t.status} <> 'shipped' or ${t.trackingNumber} is not null`,
    ),
    unique('orders_idempotency_scope_key_unique').on(t.idempotencyScope, t.idempotencyKey),
    index('orders_user_idx').on(t.userId, t.createdAt),
    // The unpaid orders holding stock, counted per email and per address (order-holds.ts).
    index('orders_pending_email_idx')
      .on(sql`lower(${t.email})`)
      .where(sql`${t.status} = 'pending_payment'`),
    index('orders_pending_address_idx')
      .on(shippingAddressKey(t.shippingAddress))
      .where(sql`${t.status} = 'pending_payment'`),
    index('orders_pending_expiry_idx')
      .on(t.expiresAt)
      .where(sql`${t.status} = 'pending_payment'`),
  ],
);

export const orderLines = storeSchema.table(
  'order_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    /** A product from the catalog, or a 3D print made to order (print-orders module). */
    kind: text('kind', { enum: ['product', 'print'] })
      .notNull()
      .default('product'),
    /** The catalog variant of a product line; a print line has none. */
    variantId: uuid('variant_id').references(() => productVariants.id),
    /** What was bought, as it read then: names and prices change later. */
    sku: text('sku').notNull(),
    productName: text('product_name').notNull(),
    productSlug: text('product_slug').notNull(),
    options: jsonb('options').$type<Record<string, string>>().notNull(),
    unitPriceCents: integer('unit_price_cents').notNull(),
    quantity: integer('quantity').notNull(),
    lineTotalCents: integer('line_total_cents').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [
    check('order_lines_quantity_positive', sql`${t.quantity} > 0`),
    check('order_lines_kind_known', sql`${t.kind} in ('product', 'print')`),
    check(
      'order_lines_product_has_variant',
      sql`(${t.kind} = 'product') = (${t.variantId} is not null)`,
    ),
    check('order_lines_total', sql`${t.lineTotalCents} = ${t.unitPriceCents} * ${t.quantity}`),
    index('order_lines_order_idx').on(t.orderId),
  ],
);

/** Every status an order has been in, with who moved it there. */
export const orderStatusHistory = storeSchema.table(
  'order_status_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status'),
    status: text('status').notNull(),
    note: text('note'),
    actorId: uuid('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('order_status_history_order_idx').on(t.orderId, t.id)],
);

/**
 * Guests asking for their order's link by number and email, kept a day to limit how often one
 * order or one address can be asked about; the address is kept only as its sha256.
 */
export const orderLinkRequests = storeSchema.table(
  'order_link_requests',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orderNumber: text('order_number').notNull(),
    emailHash: text('email_hash').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('order_link_requests_number_idx').on(t.orderNumber, t.requestedAt),
    index('order_link_requests_email_idx').on(t.emailHash, t.requestedAt),
    index('order_link_requests_at_idx').on(t.requestedAt),
  ],
);

/**
 * The fulfilment mails an order has had, one per kind ('order-shipped', 'order-delivered'):
 * the row is claimed before the mail leaves and marked sent after, so a replayed event or a
 * retried delivery never mails the buyer twice about the same step.
 */
export const orderMails = storeSchema.table(
  'order_mails',
  {
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    /** When a sender took it on; a claim left unsent for long (a crash) may be taken again. */
    claimedAt: timestamp('claimed_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.kind] })],
);
