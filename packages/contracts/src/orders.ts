import { discountCodeText } from './promotions';
import { z } from 'zod';
import { carrierCodes } from './carriers';

export const orderStatus = z.enum([
  'pending_payment',
  'paid',
  'in_fulfilment',
  'shipped',
  'delivered',
  'cancelled',
  'refunded',
]);
export type OrderStatus = z.infer<typeof orderStatus>;

const text = (max: number) => z.string().trim().min(1).max(max);

export const shippingAddress = z.object({
  name: text(120),
  line1: text(200),
  line2: z.string().trim().max(200).optional(),
  city: text(120),
  /**
   * The state or province: its ISO 3166-2 code (`CA`, `US-CA`) or its name (`California`).
   * The store keeps the code alone and refuses a region the country does not have.
   */
  region: z
    .string()
    .trim()
    .max(80)
    .regex(/^[\p{L}\p{M}0-9 .'’()-]+$/u, 'a region code such as CA, or its name')
    .optional(),
  postalCode: text(20),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'a two-letter country code such as US'),
  /** For the courier: 7 to 15 digits, with a leading + and country code (E.164 style). */
  phone: z
    .string()
    .trim()
    .max(30)
    .refine(
      (value) => /^\+?[1-9]\d{6,14}$/.test(value.replace(/[\s().-]/g, '')),
      'a phone number such as +91 80 1234 5678',
    )
    .optional(),
});
export type ShippingAddressInput = z.infer<typeof shippingAddress>;

export const orderItemInput = z.object({
  variantId: z.uuid(),
  quantity: z.number().int().min(1).max(99),
});

/** `items` may be left out once the caller has a cart: the order is then placed from it. */
export const createOrderBody = z.object({
  items: z.array(orderItemInput).min(1).max(50).optional(),
  /** Required of guests; a signed-in buyer's defaults to their account's. */
  email: z.email().max(254).optional(),
  shippingAddress,
  shippingMethod: z.string().regex(/^[a-z0-9-]+$/, 'a shipping method code such as standard'),
  /** A discount code the buyer entered; refused with a 4xx naming why when it does not apply. */
  discountCode: discountCodeText.optional(),
});
export type CreateOrderBody = z.infer<typeof createOrderBody>;

/** A line of an order: a catalog product, or a 3D print made to order (no catalog variant). */
export const orderLine = z.object({
  kind: z.enum(['product', 'print']),
  variantId: z.uuid().nullable(),
  sku: z.string(),
  productName: z.string(),
  productSlug: z.string(),
  options: z.record(z.string(), z.string()),
  unitPriceCents: z.number().int(),
  quantity: z.number().int(),
  lineTotalCents: z.number().int(),
});

export const orderStatusChange = z.object({
  fromStatus: orderStatus.nullable(),
  status: orderStatus,
  note: z.string().nullable(),
  at: z.iso.datetime({ offset: true }),
});

export const order = z.object({
  id: z.uuid(),
  number: z.string(),
  status: orderStatus,
  email: z.string(),
  currency: z.string().length(3),
  lines: z.array(orderLine),
  subtotalCents: z.number().int(),
  /** Taken off the subtotal by `discountCode`; 0 without one. */
  discountCents: z.number().int(),
  discountCode: z.string().nullable(),
  shippingCents: z.number().int(),
  taxCents: z.number().int(),
  taxRateBasisPoints: z.number().int(),
  totalCents: z.number().int(),
  shippingMethod: z.object({ code: z.string(), name: z.string() }),
  shippingAddress: shippingAddress,
  trackingNumber: z.string().nullable(),
  /** The carrier and its page for this parcel, when shipped with a carrier the store knows. */
  shipment: z
    .object({ carrier: z.enum(carrierCodes), carrierName: z.string(), trackingUrl: z.url() })
    .optional(),
  createdAt: z.iso.datetime({ offset: true }),
  /** Until then a pending order holds its stock; after it, the order is cancelled. */
  expiresAt: z.iso.datetime({ offset: true }),
  history: z.array(orderStatusChange),
  /**
   * A payment is on its way at the provider (Stripe's `processing`): the order is not paid yet
   * and takes no other payment until that one succeeds or fails. Sent with an order read alone.
   */
  paymentProcessing: z.boolean().optional(),
});
export type Order = z.infer<typeof order>;

/**
 * What placing an order answers: the order and its secret, which lets whoever holds it (a
 * guest) read, pay and cancel the order with an `x-order-token` header.
 */
export const placedOrder = order.extend({ accessToken: z.string() });
export type PlacedOrder = z.infer<typeof placedOrder>;

export const shippingMethod = z.object({
  code: z.string(),
  name: z.string(),
  description: z.string(),
  rateCents: z.number().int(),
  freeFromCents: z.number().int().nullable(),
  /** For a pick-up method: the makerspace the order waits at, and its address. */
  pickupAt: z.object({ name: z.string(), address: z.string() }).nullable().optional(),
});
export type ShippingMethod = z.infer<typeof shippingMethod>;

/**
 * What an order would cost before it is placed: the same items (or the cart), address and
 * shipping method as an order, without email, payment or Idempotency-Key.
 */
export const checkoutQuoteBody = createOrderBody.omit({ email: true });
export type CheckoutQuoteBody = z.infer<typeof checkoutQuoteBody>;

export const checkoutQuote = z.object({
  currency: z.string().length(3),
  lines: z.array(
    orderLine.extend({
      kind: z.literal('product'),
      variantId: z.uuid(),
      /** Units left now; nothing is held by a quote. */
      available: z.number().int(),
      /** Fewer left than asked for: the order would be refused until the quantity is lowered. */
      short: z.boolean(),
    }),
  ),
  subtotalCents: z.number().int(),
  discountCents: z.number().int(),
  /** The code as the store spells it, when one was given and applies. */
  discountCode: z.string().nullable(),
  shippingCents: z.number().int(),
  taxCents: z.number().int(),
  taxRateBasisPoints: z.number().int(),
  totalCents: z.number().int(),
  shippingMethod: z.object({ code: z.string(), name: z.string() }),
});
export type CheckoutQuote = z.infer<typeof checkoutQuote>;

/** A discount code tried on the cart (or a list of items) before an address is known. */
export const discountQuoteBody = z.object({
  items: z.array(orderItemInput).min(1).max(50).optional(),
  discountCode: discountCodeText,
});
export const discountQuote = z.object({
  currency: z.string().length(3),
  /** As the store spells it. */
  discountCode: z.string(),
  subtotalCents: z.number().int(),
  discountCents: z.number().int(),
});
export type DiscountQuote = z.infer<typeof discountQuote>;

/**
 * What the buyer pays with: a payment method or card token the provider issued in the browser
 * (Stripe's `pm_…` / `tok_…`, or one of its test tokens for the offline gateway). Never a card
 * number: card details go from the browser to the provider, not through MakrX, so a body with
 * a `card` (or any other field) is refused.
 */
export const paymentSource = z.strictObject({
  paymentMethod: z
    .string()
    .regex(/^(pm|tok)_[A-Za-z0-9_]{1,200}$/, 'a payment method (pm_…) or card token (tok_…)'),
});
export type PaymentSourceInput = z.infer<typeof paymentSource>;

export const paymentStatus = z.enum([
  'processing',
  'requires_action',
  'succeeded',
  'failed',
  'refunded',
]);

export const payment = z.object({
  id: z.uuid(),
  status: paymentStatus,
  /** `invoice`: ordered on a makerspace's purchasing account, billed later. */
  provider: z.enum(['offline', 'stripe', 'invoice']),
  amountCents: z.number().int(),
  currency: z.string().length(3),
  /** Why it failed, in words for the buyer: pick another card and pay again. */
  failure: z.object({ code: z.string(), message: z.string() }).nullable(),
  /** Present when the issuer wants the buyer to confirm: POST to `confirmUrl` afterwards. */
  nextAction: z.object({ type: z.literal('confirm'), confirmUrl: z.string() }).nullable(),
});
export type Payment = z.infer<typeof payment>;

export const paymentResult = z.object({ payment, order });

/**
 * A payment the browser confirms with Stripe's Payment Element: the secret Stripe.js confirms
 * it with. The outcome reaches the store by Stripe's webhook.
 */
export const browserPayment = z.object({ paymentId: z.uuid(), clientSecret: z.string() });
export type BrowserPayment = z.infer<typeof browserPayment>;
export type PaymentResult = z.infer<typeof paymentResult>;

export const cartLine = z.object({
  variantId: z.uuid(),
  sku: z.string(),
  productName: z.string(),
  productSlug: z.string(),
  options: z.record(z.string(), z.string()),
  imageUrl: z.string(),
  unitPriceCents: z.number().int(),
  quantity: z.number().int(),
  lineTotalCents: z.number().int(),
  /** Units left now; fewer than `quantity` means the line cannot be ordered as it is. */
  stock: z.number().int(),
  /**
   * False once the product was taken off sale (archived): the line stays in the cart, reported,
   * but cannot be ordered; remove it to check out.
   */
  onSale: z.boolean(),
});

export { MAX_UNITS_PER_LINE } from './line-limits';

/** A cart with prices as they are now (recomputed on every read, never stored). */
export const cart = z.object({
  lines: z.array(cartLine),
  itemCount: z.number().int(),
  subtotalCents: z.number().int(),
  currency: z.string().length(3),
});
export type Cart = z.infer<typeof cart>;

export const addToCartBody = z.object({
  variantId: z.uuid(),
  quantity: z.number().int().min(1).max(99).default(1),
});

/** One line of a buyer's or an admin's order list. */
export const orderSummary = z.object({
  id: z.uuid(),
  number: z.string(),
  status: orderStatus,
  email: z.string(),
  totalCents: z.number().int(),
  currency: z.string().length(3),
  itemCount: z.number().int(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type OrderSummary = z.infer<typeof orderSummary>;

export const orderListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  status: orderStatus.optional(),
  /** Store admins: part of the buyer's email, or the order number. */
  q: z.string().trim().min(1).max(200).optional(),
});

export const orderPage = z.object({
  items: z.array(orderSummary),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  totalPages: z.number().int(),
});
export type OrderPage = z.infer<typeof orderPage>;

export const guestOrderLookup = z.object({
  number: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^MX-\d+$/, 'an order number such as MX-100001'),
  email: z.email(),
});

/** What the app renders as the order's invoice. */
export const invoice = z.object({
  invoiceNumber: z.string(),
  orderNumber: z.string(),
  issuedAt: z.iso.datetime({ offset: true }),
  status: z.enum(['paid', 'refunded']),
  seller: z.object({ name: z.string(), address: z.string(), email: z.string() }),
  billedTo: z.object({ name: z.string(), email: z.string(), address: shippingAddress }),
  lines: z.array(
    z.object({
      description: z.string(),
      sku: z.string(),
      quantity: z.number().int(),
      unitPriceCents: z.number().int(),
      amountCents: z.number().int(),
    }),
  ),
  subtotalCents: z.number().int(),
  discountCents: z.number().int(),
  discountCode: z.string().nullable(),
  shippingCents: z.number().int(),
  shippingMethod: z.string(),
  taxRateBasisPoints: z.number().int(),
  taxCents: z.number().int(),
  totalCents: z.number().int(),
  currency: z.string().length(3),
});
export type Invoice = z.infer<typeof invoice>;

export const taxRate = z.object({
  id: z.uuid(),
  country: z.string(),
  /** '' for the whole country. */
  region: z.string(),
  rateBasisPoints: z.number().int(),
  label: z.string(),
});
export type TaxRate = z.infer<typeof taxRate>;

export const taxRateInput = z.object({
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'a two-letter country code such as US'),
  region: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9-]{0,10}$/, 'a region code such as CA, or empty for the whole country')
    .default(''),
  /** 725 is 7.25 %. */
  rateBasisPoints: z.number().int().min(0).max(10_000),
  label: z.string().trim().min(1).max(120),
});

export const shippingMethodInput = z.object({
  name: z.string().trim().min(1).max(120),
  description: z.string().trim().max(500).default(''),
  rateCents: z.number().int().min(0).max(1_000_000),
  freeFromCents: z.number().int().min(0).nullable().default(null),
  active: z.boolean().default(true),
  position: z.number().int().min(0).max(1000).default(0),
});
