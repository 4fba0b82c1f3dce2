import { createHash, randomBytes } from 'node:crypto';
import { MAX_UNITS_PER_LINE, type Cart } from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { badRequest, conflict } from '@makrx/service-kit';
import { and, asc, eq, sql } from 'drizzle-orm';
import { notForSale, variantsById, type VariantView } from '../catalog/service';
import { cartItems, carts } from './tables';

export { cartOwnerOf } from './cart-owner';

/** Whose cart a request is about: a signed-in user's, or a guest's by its token. */
export type CartOwner = { userId: string } | { guestToken: string };

export const hashCartToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const newCartToken = () => randomBytes(24).toString('base64url');

const ownerCondition = (owner: CartOwner) =>
  'userId' in owner
    ? eq(carts.userId, owner.userId)
    : eq(carts.guestTokenHash, hashCartToken(owner.guestToken));

export async function findCartId(db: Database, owner: CartOwner): Promise<string | undefined> {
  const [row] = await db.select({ id: carts.id }).from(carts).where(ownerCondition(owner));
  return row?.id;
}

async function ensureCart(db: Database, owner: CartOwner): Promise<string> {
  const values =
    'userId' in owner
      ? { userId: owner.userId }
      : { guestTokenHash: hashCartToken(owner.guestToken) };
  await db.insert(carts).values(values).onConflictDoNothing();
  return (await findCartId(db, owner))!;
}

/** The cart at today's prices and stock: the catalog's variants, in the order they were added. */
export async function readCart(db: Database, cartId: string | undefined): Promise<Cart> {
  const items = cartId
    ? await db
        .select({ variantId: cartItems.variantId, quantity: cartItems.quantity })
        .from(cartItems)
        .where(eq(cartItems.cartId, cartId))
        .orderBy(asc(cartItems.addedAt), asc(cartItems.variantId))
    : [];
  const variants = await variantsById(
    db,
    items.map((item) => item.variantId),
  );
  const byId = new Map(variants.map((v) => [v.variantId, v]));
  const lines = cartLines(items, byId);
  return {
    lines,
    itemCount: lines.reduce((sum, l) => sum + l.quantity, 0),
    subtotalCents: lines.reduce((sum, l) => sum + l.lineTotalCents, 0),
    currency: (lines[0] && byId.get(lines[0].variantId)?.currency) ?? 'USD',
  };
}

function cartLines(
  items: { variantId: string; quantity: number }[],
  variants: Map<string, VariantView>,
): Cart['lines'] {
  return items.flatMap(({ variantId, quantity }) => {
    const variant = variants.get(variantId);
    if (!variant) return [];
    const { sku, productName, productSlug, options, imageUrl, priceCents, stock, onSale } = variant;
    return [
      {
        variantId,
        sku,
        productName,
        productSlug,
        options,
        imageUrl,
        unitPriceCents: priceCents,
        quantity,
        stock,
        onSale,
        lineTotalCents: priceCents * quantity,
      },
    ];
  });
}

/** The variant to put in a cart: 400 UNKNOWN_VARIANT, or 409 NOT_FOR_SALE once archived. */
async function variantForSale(db: Database, variantId: string) {
  const [variant] = await variantsById(db, [variantId]);
  if (!variant) {
    throw badRequest('UNKNOWN_VARIANT', 'That item is not in the catalog.', [
      { field: 'variantId', message: 'no such product variant' },
    ]);
  }
  if (!variant.onSale) throw notForSale(variant, variant);
  return variant;
}

function outOfStock(sku: string, available: number, requested: number) {
  return conflict(
    'OUT_OF_STOCK',
    available === 0
      ? `${sku} is sold out.`
      : `Only ${available} of ${sku} left; the cart would hold ${requested}.`,
    { sku, available, requested },
  );
}

/**
 * Puts `quantity` more of a variant in the cart (or sets it, with `replace`), if that many
 * are in stock now. Stock is checked again, and taken, when the order is placed.
 */
export async function putInCart(
  db: Database,
  owner: CartOwner,
  item: { variantId: string; quantity: number },
  { replace = false } = {},
): Promise<string> {
  return db.transaction(async (tx) => {
    const variant = await variantForSale(tx, item.variantId);
    const cartId = await ensureCart(tx, owner);
    const [existing] = await tx
      .select({ quantity: cartItems.quantity })
      .from(cartItems)
      .where(and(eq(cartItems.cartId, cartId), eq(cartItems.variantId, item.variantId)))
      .for('update');
    const quantity = replace ? item.quantity : (existing?.quantity ?? 0) + item.quantity;
    if (quantity > MAX_UNITS_PER_LINE) {
      throw badRequest(
        'QUANTITY_TOO_LARGE',
        `A cart holds at most ${MAX_UNITS_PER_LINE} of one item.`,
        [{ field: 'quantity', message: `at most ${MAX_UNITS_PER_LINE} in the cart` }],
      );
    }
    if (quantity > variant.stock) throw outOfStock(variant.sku, variant.stock, quantity);
    await tx
      .insert(cartItems)
      .values({ cartId, variantId: item.variantId, quantity })
      .onConflictDoUpdate({ target: [cartItems.cartId, cartItems.variantId], set: { quantity } });
    await tx.update(carts).set({ updatedAt: new Date() }).where(eq(carts.id, cartId));
    return cartId;
  });
}

export async function removeFromCart(db: Database, cartId: string, variantId: string) {
  await db
    .delete(cartItems)
    .where(and(eq(cartItems.cartId, cartId), eq(cartItems.variantId, variantId)));
}

/**
 * Moves a guest's cart into the signed-in user's: quantities of the same item add up (at most
 * MAX_UNITS_PER_LINE), and the guest cart is gone afterwards.
 */
export async function mergeGuestCart(db: Database, guestToken: string, userId: string) {
  await db.transaction(async (tx) => {
    const guestCartId = await findCartId(tx, { guestToken });
    if (!guestCartId) return;
    const userCartId = await ensureCart(tx, { userId });
    await tx.execute(sql`
      insert into store.cart_items (cart_id, variant_id, quantity, added_at)
      select ${userCartId}, variant_id, quantity, added_at from store.cart_items
      where cart_id = ${guestCartId}
      on conflict (cart_id, variant_id)
      do update set quantity = least(${MAX_UNITS_PER_LINE}, store.cart_items.quantity + excluded.quantity)`);
    await tx.delete(carts).where(eq(carts.id, guestCartId));
    await tx.update(carts).set({ updatedAt: new Date() }).where(eq(carts.id, userCartId));
  });
}

/** The cart's items, for placing an order from it. */
export async function cartItemsOf(db: Database, cartId: string) {
  return db
    .select({ variantId: cartItems.variantId, quantity: cartItems.quantity })
    .from(cartItems)
    .where(eq(cartItems.cartId, cartId));
}

export async function emptyCart(db: Database, cartId: string) {
  await db.delete(cartItems).where(eq(cartItems.cartId, cartId));
}
export { cartExportOf, eraseCart } from './privacy';
