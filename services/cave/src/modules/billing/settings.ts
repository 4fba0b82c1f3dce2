import type { Database } from '@makrx/db';
import { notFound } from '@makrx/service-kit';
import { eq, sql } from 'drizzle-orm';
import { makerspacePlacesById } from '../makerspaces/service';
import { billingSettings } from './tables';

/**
 * How a makerspace bills, with the time zone its months and due dates are counted in and the
 * currency its plans and invoices are in (both the makerspace's own settings).
 */
export type BillingSettings = typeof billingSettings.$inferSelect & {
  timeZone: string;
  currency: string;
};

/** `makrx-hub-bengaluru` → `MHB`: a makerspace's invoice prefix until its admins set one. */
const defaultPrefix = (slug: string) =>
  slug
    .split('-')
    .filter((word) => /^[a-z]/.test(word))
    .map((word) => word[0]!.toUpperCase())
    .join('')
    .padEnd(2, 'X')
    .slice(0, 6);

/**
 * How a makerspace bills, writing the defaults the first time it is asked (in the caller's
 * transaction, so the first invoice and its settings commit together).
 */
export async function billingSettingsOf(
  tx: Database,
  makerspaceId: string,
): Promise<BillingSettings> {
  const [space] = await makerspacePlacesById(tx, [makerspaceId]);
  if (!space) throw notFound('Makerspace');
  const { timeZone, currency } = space;
  const [found] = await tx
    .select()
    .from(billingSettings)
    .where(eq(billingSettings.makerspaceId, makerspaceId));
  if (found) return { ...found, timeZone, currency };
  await tx
    .insert(billingSettings)
    .values({ makerspaceId, invoicePrefix: defaultPrefix(space.slug) })
    .onConflictDoNothing();
  const [written] = await tx
    .select()
    .from(billingSettings)
    .where(eq(billingSettings.makerspaceId, makerspaceId));
  return { ...written!, timeZone, currency };
}

/** The instant (ISO, UTC) `day` begins at in `timeZone`, by PostgreSQL's time zone rules. */
export async function startOfDay(db: Database, timeZone: string, day: string): Promise<string> {
  const result = await db.execute<{ starts: string }>(
    sql`select to_char((${day}::date::timestamp at time zone ${timeZone}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as starts`,
  );
  return new Date(result.rows[0]!.starts).toISOString();
}
