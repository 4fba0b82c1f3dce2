import type { Database } from '@makrx/db';
import { sql } from 'drizzle-orm';
import { reservations } from './tables';

/** A past session on a machine: booked for `[startsAt, endsAt)`, used from check-in to check-out. */
export interface PastMachineUse {
  makerspaceId: string;
  equipmentId: string;
  userId: string;
  startsAt: string;
  endsAt: string;
  checkedInAt: string;
  checkedOutAt: string;
}

/**
 * Records completed bookings in the past, as check-in and check-out would have left them: what
 * demo data and tests use, since the booking routes take only future slots.
 */
export async function recordPastMachineUse(
  db: Database,
  uses: readonly PastMachineUse[],
  { skipTakenSlots = false }: { skipTakenSlots?: boolean } = {},
): Promise<void> {
  if (uses.length === 0) return;
  const insert = db.insert(reservations).values(
    uses.map((use) => ({
      makerspaceId: use.makerspaceId,
      equipmentId: use.equipmentId,
      userId: use.userId,
      during:
        sql`tstzrange(${use.startsAt}::timestamptz, ${use.endsAt}::timestamptz, '[)')` as never,
      status: 'completed' as const,
      checkedInAt: new Date(use.checkedInAt),
      checkedOutAt: new Date(use.checkedOutAt),
    })),
  );
  // ON CONFLICT DO NOTHING covers the exclusion constraint too: a slot already held is skipped.
  await (skipTakenSlots ? insert.onConflictDoNothing() : insert);
}
