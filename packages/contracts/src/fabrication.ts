import { z } from 'zod';

/*
 * Print jobs between MakrX.Store and MakrCave (spec section 7, "MakrX.Store → MakrCave
 * Backend"; issue "Fabrication"). The store quotes a customer's model on the offerings the
 * cave lists, takes the payment, and asks the cave to route the paid order; the cave offers
 * it to one provider at a time and reports each change of the job back to the store.
 */

const id = z.guid();
const minorUnits = z.number().int().nonnegative();
const currency = z.string().regex(/^[A-Z]{3}$/);
const positiveMm = z.number().positive().finite();

/** The qualities a provider prints at (layer heights per technology live in @makrx/quoting). */
export const printQuality = z.enum(['draft', 'standard', 'fine']);
export type PrintQuality = z.infer<typeof printQuality>;

/** A material key of @makrx/quoting's table (`pla`, `petg`, `resin-standard`, …). */
export const printMaterialKey = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'A material key is lower-case letters, digits and dashes.');

export const sizeMm = z.object({ x: positiveMm, y: positiveMm, z: positiveMm });
export type SizeMm = z.infer<typeof sizeMm>;

export const quantityDiscountTier = z.object({
  minQuantity: z.number().int().min(1),
  percentOff: z.number().min(0).lt(100),
});

/**
 * One provider's price for one material at one quality on one of its printers: every field
 * @makrx/quoting's `Offering` needs, amounts in the minor unit of the makerspace's currency.
 */
export const providerOffering = z.object({
  id,
  materialKey: printMaterialKey,
  quality: printQuality,
  machine: z.object({
    equipmentId: id,
    name: z.string().min(1),
    buildVolumeMm: sizeMm,
  }),
  currency,
  pricePerKg: minorUnits,
  machineHourlyRate: minorUnits,
  setupFee: minorUnits,
  minimumCharge: minorUnits,
  leadTimeDays: z.number().int().min(0).max(60),
  defaultInfillPercent: z.number().min(0).max(100),
  quantityDiscounts: z.array(quantityDiscountTier).max(10),
  validityHours: z.number().int().min(1).max(720),
});
export type ProviderOffering = z.infer<typeof providerOffering>;

/** A makerspace (or shop) that takes print jobs, as the store lists and routes to it. */
export const availableProvider = z.object({
  makerspaceId: id,
  slug: z.string(),
  name: z.string(),
  city: z.string(),
  country: z.string(),
  /** Null when the provider has not placed itself on the map. */
  location: z.object({ latitude: z.number(), longitude: z.number() }).nullable(),
  /** Customers' ratings of delivered jobs (1–5); average null before the first. */
  rating: z.object({ average: z.number().nullable(), count: z.number().int().nonnegative() }),
  /** How long the provider has to accept or reject a job before it goes to the next one. */
  responseWindowMinutes: z.number().int().positive(),
  /** Free machine hours in the next 14 days on printers it offers, after bookings and jobs. */
  freeHoursNext14Days: z.number().nonnegative(),
  offerings: z.array(providerOffering),
});
export type AvailableProvider = z.infer<typeof availableProvider>;

/** `GET /api/v1/providers/available` (spec: "Query: service_type, location, capacity"). */
export const providersAvailableQuery = z.object({
  service_type: z.enum(['3d_printing']).default('3d_printing'),
  material: printMaterialKey.optional(),
  quality: printQuality.optional(),
  /** "lat,lng": providers nearest first. */
  location: z
    .string()
    .regex(/^-?\d{1,2}(\.\d+)?,-?\d{1,3}(\.\d+)?$/, 'location is "latitude,longitude".')
    .optional(),
  /** Only providers with at least this many free machine hours in the next 14 days. */
  capacity: z.coerce.number().nonnegative().max(1000).optional(),
});
export const providersAvailable = z.object({ providers: z.array(availableProvider) });
export type ProvidersAvailable = z.infer<typeof providersAvailable>;

/**
 * `POST /api/v1/jobs/route-service-order` (spec: "Payload: service_order_id, requirements,
 * preferences"). Sent by the store once the order is paid; the same `serviceOrderId` twice
 * routes once and answers the same job.
 */
export const routeServiceOrderBody = z.object({
  serviceOrderId: id,
  orderNumber: z.string().min(1).max(40),
  customer: z.object({ userId: id.nullable(), name: z.string().min(1).max(200) }),
  /**
   * The MakrCave project the customer ordered the print for, if any: the cave lists the job on
   * that project while the customer is its owner or one of its editors.
   */
  projectId: id.optional(),
  requirements: z.object({
    materialKey: printMaterialKey,
    quality: printQuality,
    quantity: z.number().int().min(1).max(1000),
    /** The part's size as printed (the quote's orientation). */
    partSizeMm: sizeMm,
    volumeMm3: z.number().positive().finite(),
    /** Machine time for the whole line, from the quote. */
    printMinutes: z
      .number()
      .int()
      .min(1)
      .max(60 * 24 * 14),
    /** The job must be printed before this instant. */
    dueBy: z.iso.datetime({ offset: true }),
  }),
  preferences: z.object({
    /** The offering the customer's chosen quote came from: its provider is asked first. */
    offeringId: id.optional(),
    location: z.object({ latitude: z.number(), longitude: z.number() }).optional(),
  }),
  /** What the customer paid for the line, which the provider's earnings are taken from. */
  price: z.object({ total: minorUnits, currency }),
  file: z.object({
    uploadId: id,
    name: z.string().min(1).max(255),
    sizeBytes: z.number().int().positive(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
});
export type RouteServiceOrderBody = z.infer<typeof routeServiceOrderBody>;

/** Where a print job is, from the provider's first sight of it to the customer's door. */
export const serviceJobStatus = z.enum([
  'offered',
  'accepted',
  'printing',
  'quality_check',
  'shipped',
  'delivered',
  /** The provider said no (with a reason) or let the window pass: the next one is asked. */
  'rejected',
  'expired',
  /** No qualified provider is left: the store refunds the customer. */
  'unroutable',
  'cancelled',
]);
export type ServiceJobStatus = z.infer<typeof serviceJobStatus>;

export const routedServiceOrder = z.object({
  serviceOrderId: id,
  jobId: id,
  status: serviceJobStatus,
  provider: z.object({ makerspaceId: id, name: z.string() }).nullable(),
});
export type RoutedServiceOrder = z.infer<typeof routedServiceOrder>;

/**
 * The cave's report of a change to the store (`POST /api/v1/service-orders/:id/updates`,
 * cave's service token only), sent by an outbox consumer with the event id as idempotency key.
 */
export const serviceOrderUpdate = z.object({
  eventId: id,
  jobId: id,
  status: serviceJobStatus,
  provider: z.object({ makerspaceId: id, name: z.string() }).nullable(),
  /** The provider's reason for a rejection, or why no provider is left. */
  reason: z.string().max(500).nullable(),
  trackingUrl: z.url({ protocol: /^https?$/, hostname: z.regexes.domain }).nullable(),
  at: z.iso.datetime({ offset: true }),
});
export type ServiceOrderUpdate = z.infer<typeof serviceOrderUpdate>;

/** Where a print order stands, as its customer sees it. */
export const printOrderStatus = z.enum([
  'awaiting_payment',
  'routing',
  'offered',
  'accepted',
  'printing',
  'quality_check',
  'shipped',
  'delivered',
  'unroutable',
  'cancelled',
]);
export type PrintOrderStatus = z.infer<typeof printOrderStatus>;

/**
 * `POST /api/v1/print-orders` (with an Idempotency-Key header): order the print of one of the
 * customer's uploads at one of its quotes. The price is quoted again on the server; the answer
 * is the store order to pay, as any other.
 */
export const createPrintOrderBody = z.strictObject({
  uploadId: z.uuid(),
  /** The MakrCave project the print is for (the cave's project page lists it), if any. */
  projectId: z.uuid().optional(),
  offeringId: z.guid(),
  quantity: z.number().int().min(1).max(1000),
  shippingAddress: z.object({
    name: z.string().trim().min(1).max(120),
    line1: z.string().trim().min(1).max(200),
    line2: z.string().trim().max(200).optional(),
    city: z.string().trim().min(1).max(120),
    region: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9-]{1,10}$/, 'a region code such as CA')
      .optional(),
    postalCode: z.string().trim().min(1).max(20),
    country: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, 'a two-letter country code such as US'),
  }),
});
export type CreatePrintOrderBody = z.infer<typeof createPrintOrderBody>;

/** `GET /api/v1/orders/:id/print`: the print behind an order, and every step it went through. */
export const printOrderView = z.object({
  id: id,
  orderId: id,
  status: printOrderStatus,
  upload: z.object({ id, originalName: z.string() }),
  quote: z.object({
    materialName: z.string(),
    quality: printQuality,
    quantity: z.number().int(),
    machineName: z.string(),
    total: minorUnits,
    currency,
  }),
  provider: z.object({ makerspaceId: id, name: z.string() }).nullable(),
  trackingUrl: z.string().nullable(),
  dueBy: z.iso.datetime({ offset: true }),
  timeline: z.array(
    z.object({
      status: serviceJobStatus,
      providerName: z.string().nullable(),
      reason: z.string().nullable(),
      at: z.iso.datetime({ offset: true }),
    }),
  ),
  /** The customer's rating of the delivered print; null until they rate it. */
  rating: z
    .object({
      stars: z.number().int().min(1).max(5),
      comment: z.string().nullable(),
      ratedAt: z.iso.datetime({ offset: true }),
    })
    .nullable(),
});
export type PrintOrderView = z.infer<typeof printOrderView>;

/** `GET /api/v1/me/print-orders`: the caller's latest prints, most recently changed first. */
export const myPrintOrdersQuery = z.object({
  limit: z.coerce.number().int().min(1).max(20).default(5),
});
export const myPrintOrder = z.object({
  id: id,
  orderId: id,
  /** The store order it belongs to; its page is `/orders/<number>`. */
  orderNumber: z.string(),
  status: printOrderStatus,
  fileName: z.string(),
  materialName: z.string(),
  quantity: z.number().int(),
  providerName: z.string().nullable(),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type MyPrintOrder = z.infer<typeof myPrintOrder>;
export const myPrintOrderList = z.object({ items: z.array(myPrintOrder) });
export type MyPrintOrderList = z.infer<typeof myPrintOrderList>;

/**
 * `POST /api/v1/orders/:id/print/rating`: the buyer rates their delivered print, once. The
 * same rating sent again is answered as the first (200); another one is refused (409).
 */
export const printRatingBody = z.strictObject({
  stars: z.number().int().min(1, 'from 1 to 5 stars').max(5, 'from 1 to 5 stars'),
  comment: z
    .string()
    .trim()
    .max(1000, 'at most 1000 characters')
    .optional()
    .transform((comment) => (comment ? comment : null)),
});
export type PrintRatingBody = z.input<typeof printRatingBody>;

/**
 * `POST /api/v1/jobs/:jobId/rating` in the cave (the store's service token only): the
 * customer's rating of a delivered job, sent from the store's outbox. The same rating again
 * is answered 200; another rating of a rated job is refused (409).
 */
export const jobRatingBody = z.strictObject({
  serviceOrderId: id,
  stars: z.number().int().min(1).max(5),
  comment: z.string().max(1000).nullable(),
});
export type JobRatingBody = z.infer<typeof jobRatingBody>;
export const jobRating = z.object({
  jobId: id,
  stars: z.number().int().min(1).max(5),
  comment: z.string().nullable(),
});

/*
 * The provider's side in MakrCave ("Service provider tools"): its settings, its offerings, the
 * jobs offered to it and what they earned. Routes under `/api/v1/makerspaces/:slug/provider`.
 */

/** How a makerspace takes print jobs. */
export const providerSettings = z.object({
  takesPrintJobs: z.boolean(),
  /** How long it has to accept or reject an offered job before the next provider is asked. */
  responseWindowMinutes: z
    .number()
    .int()
    .min(15)
    .max(7 * 24 * 60),
  location: z
    .object({
      latitude: z.number().min(-90).max(90),
      longitude: z.number().min(-180).max(180),
    })
    .nullable(),
  /** The platform's share of each job's price, in basis points (1000 = 10 %). */
  platformFeeBps: z.number().int().min(0).max(10_000),
  /** The makerspace's currency, which its offerings' prices are in. */
  currency,
});
export type ProviderSettings = z.infer<typeof providerSettings>;

/** `PUT …/provider/settings`: the fields sent change (the fee is the platform's, not sent). */
export const providerSettingsUpdate = z
  .strictObject({
    takesPrintJobs: providerSettings.shape.takesPrintJobs,
    responseWindowMinutes: providerSettings.shape.responseWindowMinutes,
    location: providerSettings.shape.location,
  })
  .partial()
  .refine((update) => Object.keys(update).length > 0, 'name at least one setting to change');
export type ProviderSettingsUpdate = z.input<typeof providerSettingsUpdate>;

const maxMinor = minorUnits.max(100_000_000);

/** `POST …/provider/offerings` (and `PUT …/offerings/:id`, the whole offering again). */
export const offeringInput = z.strictObject({
  materialKey: printMaterialKey,
  quality: printQuality,
  /** One of the makerspace's own 3D printers (not archived) with a build volume. */
  equipmentId: id,
  pricePerKg: maxMinor,
  machineHourlyRate: maxMinor,
  setupFee: maxMinor.default(0),
  minimumCharge: maxMinor.default(0),
  leadTimeDays: providerOffering.shape.leadTimeDays.default(3),
  defaultInfillPercent: providerOffering.shape.defaultInfillPercent.default(20),
  quantityDiscounts: providerOffering.shape.quantityDiscounts.default([]),
  validityHours: providerOffering.shape.validityHours.default(72),
  active: z.boolean().default(true),
});
export type OfferingInput = z.input<typeof offeringInput>;

/** An offering as its provider edits it: the public shape plus whether it is listed. */
export const providerOfferingRow = providerOffering.extend({ active: z.boolean() });
export type ProviderOfferingRow = z.infer<typeof providerOfferingRow>;
export const providerOfferingList = z.object({ items: z.array(providerOfferingRow) });

/** A print job as the provider it was offered to sees it. */
export const providerJob = z.object({
  id,
  orderNumber: z.string(),
  /** Where the job is; for a provider that passed it on, `rejected` or `expired`. */
  status: serviceJobStatus,
  /** Until when the provider may accept or reject (an offered job). */
  respondBy: z.iso.datetime().nullable(),
  customerName: z.string(),
  file: routeServiceOrderBody.shape.file,
  materialKey: printMaterialKey,
  quality: printQuality,
  quantity: z.number().int(),
  partSizeMm: sizeMm,
  volumeMm3: z.number(),
  printMinutes: z.number().int(),
  dueBy: z.iso.datetime(),
  price: z.object({ total: minorUnits, currency }),
  /** The machine the job is offered or booked on. */
  machine: z.object({ equipmentId: id, name: z.string() }).nullable(),
  /** The booked slot, once accepted. */
  slot: z.object({ startsAt: z.iso.datetime(), endsAt: z.iso.datetime() }).nullable(),
  /** The earliest free slot on the machine, for the accept form (offered jobs only). */
  suggestedStart: z.iso.datetime().nullable(),
  reason: z.string().nullable(),
  trackingUrl: z.string().nullable(),
  offeredAt: z.iso.datetime(),
});
export type ProviderJob = z.infer<typeof providerJob>;
export const providerJobList = z.object({ items: z.array(providerJob) });
export type ProviderJobList = z.infer<typeof providerJobList>;

/** `POST …/provider/jobs/:id/accept`: the machine and start (both default to the earliest). */
export const acceptJobBody = z.strictObject({
  equipmentId: id.optional(),
  startsAt: z.iso.datetime({ offset: true }).optional(),
});
export type AcceptJobBody = z.infer<typeof acceptJobBody>;

/** `POST …/provider/jobs/:id/reject`. */
export const rejectJobBody = z.strictObject({ reason: z.string().trim().min(3).max(500) });

/** `POST …/provider/jobs/:id/status`: forward only; shipping names its tracking link. */
export const jobStatusChange = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('printing') }),
  z.strictObject({ status: z.literal('quality_check') }),
  z.strictObject({ status: z.literal('shipped'), trackingUrl: z.url({ protocol: /^https?$/ }) }),
  z.strictObject({ status: z.literal('delivered') }),
]);
export type JobStatusChange = z.infer<typeof jobStatusChange>;

/** `GET …/provider/earnings`: each accepted job's price, the platform's fee and what is owed. */
export const providerEarnings = z.object({
  items: z.array(
    z.object({
      jobId: id,
      orderNumber: z.string(),
      status: serviceJobStatus,
      acceptedAt: z.iso.datetime(),
      currency,
      paidTotal: minorUnits,
      platformFeeBps: z.number().int(),
      platformFee: minorUnits,
      owed: minorUnits,
    }),
  ),
  totals: z.array(
    z.object({ currency, paidTotal: minorUnits, platformFee: minorUnits, owed: minorUnits }),
  ),
});
export type ProviderEarnings = z.infer<typeof providerEarnings>;

/** `GET /api/v1/projects/:projectSlug/print-orders` (cave): the prints ordered for a project. */
export const projectPrintOrder = z.object({
  jobId: id,
  orderNumber: z.string(),
  fileName: z.string(),
  materialKey: printMaterialKey,
  quality: printQuality,
  quantity: z.number().int(),
  status: serviceJobStatus,
  provider: z.object({ name: z.string() }).nullable(),
  orderedBy: z.string(),
  orderedAt: z.iso.datetime({ offset: true }),
});
export type ProjectPrintOrder = z.infer<typeof projectPrintOrder>;

export const projectPrintOrders = z.object({ items: z.array(projectPrintOrder) });
export type ProjectPrintOrders = z.infer<typeof projectPrintOrders>;
