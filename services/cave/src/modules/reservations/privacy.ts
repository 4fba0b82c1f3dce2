import type { Database } from '@makrx/db';
import { and, desc, eq, sql } from 'drizzle-orm';
import { reservations } from './tables';

/** A user's bookings of machines, for their export. */
export const bookingsExportOf = (db: Database, userId: string) =>
  db
    .select({
      id: reservations.id,
      makerspaceId: reservations.makerspaceId,
      equipmentId: reservations.equipmentId,
      projectId: reservations.projectId,
      startsAt: sql<string>`lower(${reservations.during})`,
      endsAt: sql<string>`upper(${reservations.during})`,
      status: reservations.status,
      checkedInAt: reservations.checkedInAt,
      checkedOutAt: reservations.checkedOutAt,
      cancelledAt: reservations.cancelledAt,
      createdAt: reservations.createdAt,
    })
    .from(reservations)
    .where(and(eq(reservations.userId, userId), eq(reservations.kind, 'member')))
    .orderBy(desc(reservations.createdAt));

/**
 * A deleted account's bookings still to come are removed, freeing their machines; past ones
 * stay, pointing only at the anonymised user, as the machine time invoices were billed from.
 */
export async function eraseUpcomingBookings(tx: Database, userId: string): Promise<number> {
  const removed = await tx
    .delete(reservations)
    .where(
      and(
        eq(reservations.userId, userId),
        eq(reservations.kind, 'member'),
        sql`lower(${reservations.during}) > now()`,
      ),
    )
    .returning({ id: reservations.id });
  return removed.length;
}
