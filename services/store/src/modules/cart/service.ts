import { createHash, randomBytes } from 'node:crypto';
import type { Cart } from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { badRequest, conflict } from '@makrx/service-kit';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { products, productVariants } from '../catalog/tables';
import { cartItems, carts } from './tables';

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

/** The cart at today's prices and stock. */
export async function readCart(db: Database, cartId: string | undefined): Promise<Cart> {
  const rows = cartId
    ? await db
        .select({
          variantId: productVariants.id,
          sku: productVariants.sku,
          productName: products.name,
          productSlug: products.slug,
          options: productVariants.options,
          imageUrl: products.imageUrl,
          unitPriceCents: productVariants.priceCents,
          quantity: cartItems.quantity,
          stock: productVariants.stock,
          currency: products.currency,
        })
        .from(cartItems)
        .innerJoin(productVariants, eq(productVariants.id, cartItems.variantId))
        .innerJoin(products, eq(products.id, productVariants.productId))
        .where(eq(cartItems.cartId, cartId))
        .orderBy(asc(cartItems.addedAt), asc(productVariants.sku))
    : [];
  const lines = rows.map(({ currency: _currency, ...line }) => ({
    ...line,
    lineTotalCents: line.unitPriceCents * line.quantity,
  }));
  return {
    lines,
    itemCount: lines.reduce((sum, l) => sum + l.quantity, 0),
    subtotalCents: lines.reduce((sum, l) => sum + l.lineTotalCents, 0),
    currency: rows[0]?.currency ?? 'USD',
  };
}

async function variantStock(db: Database, variantId: string) {
  const [variant] = await db
    .select({ sku: productVariants.sku, stock: productVariants.stock })
    .from(productVariants)
    .where(eq(productVariants.id, variantId));
  if (!variant) {
    throw badRequest('UNKNOWN_VARIANT', 'That item is not in the catalog.', [
      { field: 'variantId', message: 'no such product variant' },
    ]);
  }
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
    const variant = await variantStock(tx, item.variantId);
    const cartId = await ensureCart(tx, owner);
    const [existing] = await tx
      .select({ quantity: cartItems.quantity })
      .from(cartItems)
      .where(and(eq(cartItems.cartId, cartId), eq(cartItems.variantId, item.variantId)))
      .for('update');
    const quantity = replace ? item.quantity : (existing?.quantity ?? 0) + item.quantity;
    if (quantity > 99) {
      throw badRequest('QUANTITY_TOO_LARGE', 'A cart holds at most 99 of one item.', [
        { field: 'quantity', message: 'at most 99 in the cart' },
      ]);
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
 * 99), and the guest cart is gone afterwards.
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
      do update set quantity = least(99, store.cart_items.quantity + excluded.quantity)`);
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

/** Variants by SKU, for the cave's codes (product SKUs are their first variant's). */
export async function variantsBySku(db: Database, skus: string[]) {
  if (skus.length === 0) return [];
  return db
    .select({
      variantId: productVariants.id,
      sku: productVariants.sku,
      options: productVariants.options,
      priceCents: productVariants.priceCents,
      stock: productVariants.stock,
      productName: products.name,
      productSlug: products.slug,
      currency: products.currency,
    })
    .from(productVariants)
    .innerJoin(products, eq(products.id, productVariants.productId))
    .where(inArray(productVariants.sku, skus));
}
