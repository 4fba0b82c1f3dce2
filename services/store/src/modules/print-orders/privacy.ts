import type { Database } from '@makrx/db';
import { eq } from 'drizzle-orm';
import { printOrders } from './tables';

/** A user's print orders (quote, provider, status, rating), for their export. */
export const printOrdersExportOf = (db: Database, userId: string) =>
  db.select().from(printOrders).where(eq(printOrders.ownerId, userId));
