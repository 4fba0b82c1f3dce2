import { z } from 'zod';

/*
 * Bills of materials (spec 3, MakrCave "BOM management and ordering integration"; spec 6,
 * "Quick Reorder (Cave → Store)"; spec 7, "Product Codes & Inventory"). A BOM item names a
 * Store product by its code (SKU). The cave fills the buyer's Store cart from picked items;
 * the Store tells the cave when such an order is paid or delivered, and pushes stock and price
 * changes of the codes BOMs use.
 */

/** A Store product code (SKU), as the Store writes it. */
export const productCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9-]*$/, 'a product code (SKU) such as FIL-PLA-GBK-1000')
  .max(64);

export const bomItemStatus = z.enum(['needed', 'ordered', 'received']);
export type BomItemStatus = z.infer<typeof bomItemStatus>;

/**
 * Spec 7, MakrX.Store → MakrCave `POST /api/v1/bom/sync-inventory`: the stock and price of
 * the codes BOMs use, in parallel lists. `critical` marks a push sent at once because a code
 * ran low (below `lowStockBelow`); the hourly push of everything that changed is not critical.
 */
export const bomInventorySync = z
  .object({
    product_codes: z.array(productCode).min(1).max(1000),
    quantities: z.array(z.number().int().min(0)),
    prices_cents: z.array(z.number().int().min(0)),
    currency: z.string().length(3),
    /** The Store's low-stock threshold: a code with fewer in stock than this is running low. */
    lowStockBelow: z.number().int().min(0),
    critical: z.boolean(),
    /** When the Store read these levels; an older push never overwrites a newer one. */
    at: z.iso.datetime({ offset: true }),
  })
  .refine(
    (body) =>
      body.quantities.length === body.product_codes.length &&
      body.prices_cents.length === body.product_codes.length,
    { message: 'product_codes, quantities and prices_cents must be lists of the same length' },
  );
export type BomInventorySync = z.infer<typeof bomInventorySync>;

export const bomInventorySyncResult = z.object({
  /** How many of the codes some BOM uses; the others are ignored. */
  matched: z.number().int(),
  /** How many BOM items were newly flagged as running low. */
  lowStockWarnings: z.number().int(),
});
export type BomInventorySyncResult = z.infer<typeof bomInventorySyncResult>;

/**
 * MakrX.Store → MakrCave `POST /api/v1/bom/order-updates`: an order that came from a Quick
 * Reorder was paid (its BOM items become "ordered" with its number), delivered ("received"),
 * or cancelled (back to "needed"). `updateId` is the idempotency key: the same update sent
 * twice changes the items once.
 */
export const bomOrderUpdate = z.object({
  updateId: z.uuid(),
  /** The cave's id for the Quick Reorder the order came from (sent with `cart/bulk-add`). */
  reorderId: z.uuid(),
  orderNumber: z.string().min(1).max(40),
  status: z.enum(['paid', 'delivered', 'cancelled']),
  /** The order's lines by code: only the reorder's items whose codes were bought change. */
  lines: z.array(z.object({ code: productCode, quantity: z.number().int().positive() })).max(200),
  at: z.iso.datetime({ offset: true }),
});
export type BomOrderUpdate = z.infer<typeof bomOrderUpdate>;

export const bomOrderUpdateResult = z.object({
  /** The BOM items this update changed (0 when it had been applied before). */
  changed: z.number().int(),
  duplicate: z.boolean(),
});
export type BomOrderUpdateResult = z.infer<typeof bomOrderUpdateResult>;

/*
 * The cave app's view of a project's BOM (`/api/v1/projects/:projectSlug/bom`).
 */

/** Up to three decimals (0.25 m of wire, 1.5 kg of resin); more than that is a typo. */
export const bomQuantity = z
  .number()
  .positive()
  .max(1_000_000)
  .refine((n) => Math.abs(n * 1000 - Math.round(n * 1000)) < 1e-6, 'at most three decimals');

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((text) => (text === '' ? null : text))
    .nullable();

export const bomItemInput = z.strictObject({
  name: z.string().trim().min(1).max(200),
  quantity: bomQuantity,
  unit: z.string().trim().min(1).max(20).default('pcs'),
  /** The Store product code (SKU); written as the Store writes it (upper case). */
  code: z
    .union([productCode, z.literal('').transform(() => null)])
    .nullable()
    .default(null),
  supplier: optionalText(120).default(null),
  notes: optionalText(1000).default(null),
});
export type BomItemInput = z.input<typeof bomItemInput>;

/** An edit: any of the fields, and the status (an editor may set an item back to needed). */
export const bomItemPatch = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  quantity: bomQuantity.optional(),
  unit: z.string().trim().min(1).max(20).optional(),
  code: z
    .union([productCode, z.literal('').transform(() => null)])
    .nullable()
    .optional(),
  supplier: optionalText(120).optional(),
  notes: optionalText(1000).optional(),
  status: bomItemStatus.optional(),
  position: z.number().int().min(0).max(10_000).optional(),
});
export type BomItemPatch = z.input<typeof bomItemPatch>;

const money = z.object({ cents: z.number().int(), currency: z.string().length(3) });

export const bomWarning = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('out_of_stock'), message: z.string() }),
  z.object({
    kind: z.literal('low_stock'),
    message: z.string(),
    stock: z.number().int(),
    lowStockBelow: z.number().int().nullable(),
  }),
  z.object({
    kind: z.literal('price_changed'),
    message: z.string(),
    was: money,
    now: money,
  }),
]);
export type BomWarning = z.infer<typeof bomWarning>;

/** What the Store says of an item's code: live (by-codes) or the last synced levels. */
export const bomItemMatch = z.object({
  productName: z.string().nullable(),
  productUrl: z.string().nullable(),
  priceCents: z.number().int(),
  currency: z.string().length(3),
  stock: z.number().int().nullable(),
  inStock: z.boolean().nullable(),
  source: z.enum(['live', 'synced']),
  /** When the Store read these levels (synced), or when the cave asked it (live). */
  at: z.string(),
});
export type BomItemMatch = z.infer<typeof bomItemMatch>;

export const bomItem = z.object({
  id: z.uuid(),
  name: z.string(),
  quantity: z.number(),
  unit: z.string(),
  code: z.string().nullable(),
  supplier: z.string().nullable(),
  notes: z.string().nullable(),
  status: bomItemStatus,
  orderNumber: z.string().nullable(),
  position: z.number().int(),
  priceWhenAdded: money.nullable(),
  match: bomItemMatch.nullable(),
  /** A code the Store does not know (live answer only). */
  unknownCode: z.boolean(),
  warnings: z.array(bomWarning),
  updatedAt: z.string(),
});
export type BomItem = z.infer<typeof bomItem>;

export const bomShortage = z.object({
  itemId: z.uuid(),
  name: z.string(),
  code: z.string(),
  needed: z.number(),
  stock: z.number().int(),
});

export const bomView = z.object({
  project: z.object({ slug: z.string(), title: z.string() }),
  items: z.array(bomItem),
  /** Matched items × quantity, in the Store's currency; null while nothing is matched. */
  total: z
    .object({
      cents: z.number().int(),
      currency: z.string().length(3),
      matchedItems: z.number().int(),
      unmatchedItems: z.number().int(),
    })
    .nullable(),
  /** Needed items the Store cannot supply in full now. */
  shortages: z.array(bomShortage),
  /** The live Store answer's time; null when the Store could not be reached. */
  store: z.object({ checkedAt: z.string() }).nullable(),
  /** A sentence for the reader when the Store could not be asked. */
  notice: z.string().nullable(),
  /** What the caller may do here. */
  caller: z.object({
    canEdit: z.boolean(),
    /** "Order from Store" (ENABLE_BOM_ORDERING and ENABLE_QUICK_REORDER on, an editor). */
    canQuickReorder: z.boolean(),
    /** The makerspace purchasing account, for its admins; names the makerspace. */
    purchaseAs: z.object({ makerspaceSlug: z.string() }).nullable(),
  }),
});
export type BomView = z.infer<typeof bomView>;

/** CSV import: a text/csv body, or JSON `{ csv }`. */
export const bomImportBody = z.strictObject({ csv: z.string().max(1024 * 1024) });

export const bomImportResult = z.object({
  imported: z.number().int(),
  rejected: z.array(z.object({ line: z.number().int(), message: z.string() })),
});
export type BomImportResult = z.infer<typeof bomImportResult>;

export const bomItemIds = z.strictObject({
  itemIds: z.array(z.uuid()).min(1).max(100),
});

/** What a Quick Reorder did: the Store cart's answer, where to send the browser. */
export const bomQuickReorderResult = z.object({
  reorderId: z.uuid(),
  cartUrl: z.string(),
  added: z.array(z.object({ code: z.string(), quantity: z.number().int() })),
  rejected: z.array(z.object({ code: z.string(), reason: z.string(), message: z.string() })),
});
export type BomQuickReorderResult = z.infer<typeof bomQuickReorderResult>;

export const bomPurchaseResult = z.object({
  reorderId: z.uuid(),
  orderNumber: z.string(),
  orderUrl: z.string(),
  totalCents: z.number().int(),
  currency: z.string().length(3),
  /** The BOM items marked ordered. */
  ordered: z.number().int(),
  rejected: z.array(z.object({ code: z.string(), reason: z.string(), message: z.string() })),
});
export type BomPurchaseResult = z.infer<typeof bomPurchaseResult>;
