import type { Database } from '@makrx/db';
import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import { accountErasures } from './tables';

export type ErasingService = 'cave' | 'store';

/** Records that a user asked for their account's deletion; a repeated request keeps the first. */
export async function recordErasureRequest(tx: Database, userId: string): Promise<void> {
  await tx.insert(accountErasures).values({ userId }).onConflictDoNothing();
}

export async function markServiceErased(
  db: Database,
  userId: string,
  service: ErasingService,
): Promise<void> {
  const column = service === 'cave' ? 'caveErasedAt' : 'storeErasedAt';
  await db
    .update(accountErasures)
    .set({ [column]: new Date() })
    .where(eq(accountErasures.userId, userId));
}

export async function recordErasureFailure(
  db: Database,
  userId: string,
  error: string,
): Promise<void> {
  await db
    .update(accountErasures)
    .set({ attempts: sql`${accountErasures.attempts} + 1`, lastError: error.slice(0, 500) })
    .where(eq(accountErasures.userId, userId));
}

/** The services that have not yet confirmed erasing a user's data. */
export async function servicesStillErasing(
  db: Database,
  userId: string,
): Promise<ErasingService[]> {
  const [row] = await db.select().from(accountErasures).where(eq(accountErasures.userId, userId));
  if (!row) return [];
  return [
    ...(row.caveErasedAt ? [] : (['cave'] as const)),
    ...(row.storeErasedAt ? [] : (['store'] as const)),
  ];
}

/** Deletions a service has not confirmed yet, oldest first, for the retry job. */
export async function pendingErasures(db: Database, limit: number): Promise<string[]> {
  const rows = await db
    .select({ userId: accountErasures.userId })
    .from(accountErasures)
    .where(or(isNull(accountErasures.caveErasedAt), isNull(accountErasures.storeErasedAt)))
    .orderBy(asc(accountErasures.requestedAt))
    .limit(limit);
  return rows.map((r) => r.userId);
}

/** Whether a deletion of this account was ever asked for. */
export async function erasureRequested(db: Database, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: accountErasures.userId })
    .from(accountErasures)
    .where(and(eq(accountErasures.userId, userId)));
  return row !== undefined;
}
