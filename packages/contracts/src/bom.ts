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
