import type { Database } from '@makrx/db';
import { eq } from 'drizzle-orm';
import { shippingAddresses } from './tables';

/** The addresses a user saved, for their export. */
export const addressesExportOf = (db: Database, userId: string) =>
  db.select().from(shippingAddresses).where(eq(shippingAddresses.userId, userId));

/** Removes the saved addresses of a deleted account. */
export async function eraseAddresses(tx: Database, userId: string): Promise<number> {
  return (
    await tx.delete(shippingAddresses).where(eq(shippingAddresses.userId, userId)).returning()
  ).length;
}
