import type { Database } from '@makrx/db';
import { eq } from 'drizzle-orm';
import { bomReorders } from './tables';

/** The Quick Reorders a user sent from their bills of materials, for their export. */
export const quickReordersExportOf = (db: Database, userId: string) =>
  db.select().from(bomReorders).where(eq(bomReorders.userId, userId));
