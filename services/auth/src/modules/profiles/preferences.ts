import type { Database } from '@makrx/db';
import { eq } from 'drizzle-orm';
import { preferences } from './tables';

/** The shipping method a user checks out with by default; kept with their other preferences. */
export async function defaultShippingMethodOf(db: Database, userId: string) {
  const [prefs] = await db
    .select({ method: preferences.defaultShippingMethod })
    .from(preferences)
    .where(eq(preferences.userId, userId));
  return prefs?.method ?? null;
}

export async function saveDefaultShippingMethod(
  tx: Database,
  userId: string,
  method: string | null,
): Promise<void> {
  await tx
    .insert(preferences)
    .values({ userId, defaultShippingMethod: method })
    .onConflictDoUpdate({
      target: preferences.userId,
      set: { defaultShippingMethod: method, updatedAt: new Date() },
    });
}
