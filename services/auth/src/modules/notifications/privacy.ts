import type { Database } from '@makrx/db';
import { desc, eq } from 'drizzle-orm';
import { notificationPreferences, notifications } from './tables';

/** A user's notifications and their choices per kind, for their export. */
export async function notificationsExportOf(db: Database, userId: string) {
  return {
    notifications: await db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, userId))
      .orderBy(desc(notifications.createdAt)),
    preferences: await db
      .select()
      .from(notificationPreferences)
      .where(eq(notificationPreferences.userId, userId)),
  };
}

/** Removes the notifications and notification choices of a deleted account. */
export async function eraseNotifications(tx: Database, userId: string): Promise<number> {
  let removed = 0;
  for (const table of [notifications, notificationPreferences])
    removed += (await tx.delete(table).where(eq(table.userId, userId)).returning()).length;
  return removed;
}
