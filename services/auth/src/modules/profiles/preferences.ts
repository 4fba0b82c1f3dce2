import {
  accountPreferences,
  defaultAccountPreferences,
  type AccountPreferences,
} from '@makrx/contracts';
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

/** A user's language, units, currency and time zone; the defaults until they choose. */
export async function accountPreferencesOf(
  db: Database,
  userId: string,
): Promise<AccountPreferences> {
  const [row] = await db
    .select({
      language: preferences.locale,
      units: preferences.units,
      currency: preferences.currency,
      timeZone: preferences.timeZone,
    })
    .from(preferences)
    .where(eq(preferences.userId, userId));
  if (!row) return defaultAccountPreferences;
  // A value stored before its list shrank reads as the default rather than failing the page.
  const parsed = accountPreferences.safeParse(row);
  return parsed.success ? parsed.data : { ...defaultAccountPreferences, ...pickValid(row) };
}

function pickValid(row: Record<keyof AccountPreferences, string>): Partial<AccountPreferences> {
  const valid: Partial<AccountPreferences> = {};
  for (const key of Object.keys(row) as (keyof AccountPreferences)[]) {
    const field = accountPreferences.shape[key].safeParse(row[key]);
    if (field.success) Object.assign(valid, { [key]: field.data });
  }
  return valid;
}

export async function saveAccountPreferences(
  db: Database,
  userId: string,
  chosen: AccountPreferences,
): Promise<AccountPreferences> {
  const values = {
    locale: chosen.language,
    units: chosen.units,
    currency: chosen.currency,
    timeZone: chosen.timeZone,
  };
  await db
    .insert(preferences)
    .values({ userId, ...values })
    .onConflictDoUpdate({
      target: preferences.userId,
      set: { ...values, updatedAt: new Date() },
    });
  return chosen;
}
