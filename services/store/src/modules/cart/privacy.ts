import type { Database } from '@makrx/db';
import { eq } from 'drizzle-orm';
import { cartItems, carts } from './tables';

/** What is in a user's cart, for their export. */
export async function cartExportOf(db: Database, userId: string) {
  const [cart] = await db.select().from(carts).where(eq(carts.userId, userId));
  if (!cart) return null;
  const items = await db.select().from(cartItems).where(eq(cartItems.cartId, cart.id));
  return { ...cart, items };
}

/** A deleted account's cart goes, with its items. */
export async function eraseCart(tx: Database, userId: string): Promise<number> {
  const [cart] = await tx.select({ id: carts.id }).from(carts).where(eq(carts.userId, userId));
  if (!cart) return 0;
  const items = await tx.delete(cartItems).where(eq(cartItems.cartId, cart.id)).returning();
  await tx.delete(carts).where(eq(carts.id, cart.id));
  return items.length + 1;
}
