import type { Database } from '@makrx/db';
import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { membershipInvoiceLines, membershipInvoices, membershipSubscriptions } from './tables';

/** A user's subscriptions and invoices with their lines, for their export. */
export async function billingExportOf(db: Database, userId: string) {
  const subscriptions = await db
    .select()
    .from(membershipSubscriptions)
    .where(eq(membershipSubscriptions.userId, userId));
  const invoices = await db
    .select()
    .from(membershipInvoices)
    .where(eq(membershipInvoices.userId, userId));
  const ids = invoices.map((i) => i.id);
  const lines = ids.length
    ? await db
        .select()
        .from(membershipInvoiceLines)
        .where(inArray(membershipInvoiceLines.invoiceId, ids))
    : [];
  return { subscriptions, invoices, invoiceLines: lines };
}

/**
 * A deleted account's subscriptions end (no further invoice is issued). Its invoices stay:
 * accounting law keeps them, and they name the member only through the anonymised user.
 */
export async function endSubscriptions(tx: Database, userId: string): Promise<number> {
  const ended = await tx
    .update(membershipSubscriptions)
    .set({ endsOn: sql`greatest(current_date, ${membershipSubscriptions.startsOn} + 1)` })
    .where(
      and(
        eq(membershipSubscriptions.userId, userId),
        or(
          isNull(membershipSubscriptions.endsOn),
          sql`${membershipSubscriptions.endsOn} > greatest(current_date, ${membershipSubscriptions.startsOn} + 1)`,
        ),
      ),
    )
    .returning({ id: membershipSubscriptions.id });
  return ended.length;
}
