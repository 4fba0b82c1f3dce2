import {
  bulkAddBody,
  cartFill,
  errorBody,
  productsByCodes,
  productsByCodesQuery,
  type CartFill,
} from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { AppError, type FastifyPluginAsyncZod } from '@makrx/service-kit';
import { storeLinks } from '../../store-links';
import { claimReorder, recordReorderItems, watchCodes } from '../bom-orders/service';
import { variantsBySku } from '../catalog/service';
import { findCartId, putInCart, readCart } from './service';

const cartOf = async (db: Database, userId: string) =>
  readCart(db, await findCartId(db, { userId }));

/**
 * Puts coded items into a user's cart one by one; an unknown code or a short stock rejects
 * that item only, with a reason, and the rest go in.
 */
export async function fillCart(
  db: Database,
  userId: string,
  items: { code: string; quantity: number }[],
): Promise<Omit<CartFill, 'cartUrl'>> {
  const variants = new Map(
    (
      await variantsBySku(
        db,
        items.map((i) => i.code),
      )
    ).map((v) => [v.sku, v]),
  );
  const added: CartFill['added'] = [];
  const rejected: CartFill['rejected'] = [];
  for (const { code, quantity } of items) {
    const variant = variants.get(code);
    if (!variant) {
      rejected.push({ code, reason: 'UNKNOWN_CODE', message: `No product has the code ${code}.` });
      continue;
    }
    try {
      await putInCart(db, { userId }, { variantId: variant.variantId, quantity });
      added.push({ code, quantity });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const reason = error.code === 'OUT_OF_STOCK' ? 'OUT_OF_STOCK' : 'QUANTITY_TOO_LARGE';
      rejected.push({ code, reason, message: error.message });
    }
  }
  return { added, rejected, cart: await cartOf(db, userId) };
}

/** Spec section 7, MakrCave backend → MakrX.Store. Only the cave's service token may call. */
export const storeIntegrationRoutes: FastifyPluginAsyncZod = async (app) => {
  const links = storeLinks(app.config);

  app.get(
    '/products/by-codes',
    {
      config: { access: { serviceClients: ['makrcave-backend'] } },
      schema: {
        tags: ['integration'],
        summary: 'Products by SKU codes, with inventory (for MakrCave BOMs)',
        querystring: productsByCodesQuery,
        response: { 200: productsByCodes, 400: errorBody, 401: errorBody, 403: errorBody },
      },
    },
    async (request) => {
      const { codes, include_inventory: withInventory } = request.query;
      const found = await variantsBySku(app.db, codes);
      // The codes BOMs use, whose stock and price changes are pushed to the cave from now on.
      await watchCodes(app.db, codes, withInventory);
      const known = new Set(found.map((v) => v.sku));
      return {
        items: found.map((variant) => ({
          code: variant.sku,
          variantId: variant.variantId,
          productName: variant.productName,
          productSlug: variant.productSlug,
          options: variant.options,
          priceCents: variant.priceCents,
          currency: variant.currency,
          ...(withInventory ? { stock: variant.stock, inStock: variant.stock > 0 } : {}),
        })),
        unknownCodes: [...new Set(codes)].filter((c) => !known.has(c)),
      };
    },
  );

  app.post(
    '/cart/bulk-add',
    {
      config: { access: { serviceClients: ['makrcave-backend'] } },
      schema: {
        tags: ['integration'],
        summary: "Add BOM items to a user's cart by code (for MakrCave)",
        body: bulkAddBody,
        response: { 200: cartFill, 400: errorBody, 401: errorBody, 403: errorBody },
      },
    },
    async (request) => {
      const { userId, items, reorderId } = request.body;
      await watchCodes(
        app.db,
        items.map((item) => item.code),
        false,
      );
      if (!reorderId)
        return { ...(await fillCart(app.db, userId, items)), cartUrl: links.cartSignedIn() };
      // A reorder fills the cart once: the same reorder sent again answers the cart as it is.
      const filled = await app.db.transaction(async (tx) => {
        const earlier = await claimReorder(tx, { reorderId, userId });
        if (earlier) return { added: earlier.items, rejected: [], cart: await cartOf(tx, userId) };
        const fill = await fillCart(tx, userId, items);
        await recordReorderItems(tx, reorderId, fill.added);
        return fill;
      });
      return { ...filled, cartUrl: links.cartSignedIn() };
    },
  );
};
