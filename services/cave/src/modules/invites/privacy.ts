import type { Database } from '@makrx/db';
import { or, eq, sql } from 'drizzle-orm';
import { invites } from './tables';

/** Invites sent to a deleted account's address, or accepted by it: they name the person. */
export async function eraseInvites(tx: Database, userId: string, email: string): Promise<number> {
  const removed = await tx
    .delete(invites)
    .where(or(eq(invites.usedBy, userId), sql`${invites.email} = lower(${email})`))
    .returning({ id: invites.id });
  return removed.length;
}
