import { z } from 'zod';
import { cart } from './orders';

/** Spec section 7, MakrCave backend → MakrX.Store: product codes are the Store's SKUs. */
const code = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9-]*$/, 'a product code (SKU) such as FIL-PLA-GBK-1000');

const codeList = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (Array.isArray(value) ? value : value.split(',')))
  .pipe(z.array(code).min(1).max(100));

export const productsByCodesQuery = z.object({
  codes: codeList,
  include_inventory: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
});

export const productByCode = z.object({
  code: z.string(),
  variantId: z.uuid(),
  productName: z.string(),
  productSlug: z.string(),
  options: z.record(z.string(), z.string()),
  priceCents: z.number().int(),
  currency: z.string().length(3),
  /** Present with `include_inventory=true`. */
  stock: z.number().int().optional(),
  inStock: z.boolean().optional(),
});

export const productsByCodes = z.object({
  items: z.array(productByCode),
  unknownCodes: z.array(z.string()),
});

const codedItem = z.object({ code, quantity: z.number().int().min(1).max(99) });

export const bulkAddBody = z.object({
  userId: z.uuid(),
  items: z.array(codedItem).min(1).max(100),
  /** The cave session the request came from, for tracing. */
  sessionId: z.string().max(200).optional(),
  /**
   * The cave's Quick Reorder these items come from: when the user's next paid order holds
   * them, the Store reports it to the cave (`POST /api/v1/bom/order-updates`).
   */
  reorderId: z.uuid().optional(),
});

/**
 * A makerspace's purchasing account orders server-side: the Store places the order on the
 * makerspace's account (paid by invoice), with no cart and no card. `userId` is the admin who
 * ordered; `reorderId` as for `bulkAddBody`, and the key that makes a repeated call one order.
 */
export const quickReorderBody = z.object({
  userId: z.uuid(),
  makerspaceId: z.uuid(),
  reorderId: z.uuid(),
  bomItems: z.array(codedItem).min(1).max(100),
});
export type QuickReorderBody = z.infer<typeof quickReorderBody>;

export const quickReorderResult = z.object({
  orderId: z.uuid(),
  orderNumber: z.string(),
  status: z.string(),
  totalCents: z.number().int(),
  currency: z.string().length(3),
  /** The items that could not be ordered, with why; the others were. */
  rejected: z.array(
    z.object({
      code: z.string(),
      reason: z.enum(['UNKNOWN_CODE', 'OUT_OF_STOCK', 'QUANTITY_TOO_LARGE']),
      message: z.string(),
    }),
  ),
  /** Where the order can be seen in the Store. */
  orderUrl: z.string(),
});
export type QuickReorderResult = z.infer<typeof quickReorderResult>;

export const cartFill = z.object({
  added: z.array(z.object({ code: z.string(), quantity: z.number().int() })),
  rejected: z.array(
    z.object({
      code: z.string(),
      reason: z.enum(['UNKNOWN_CODE', 'OUT_OF_STOCK', 'QUANTITY_TOO_LARGE']),
      message: z.string(),
    }),
  ),
  cart,
  /** Where to send the user to review the cart and check out. */
  cartUrl: z.string(),
});
export type CartFill = z.infer<typeof cartFill>;
