import type { Database } from '@makrx/db';
import { devMail } from '@makrx/db/schema';
import { sql } from 'drizzle-orm';

/**
 * Removes the dev mailbox's copies of mail sent to a deleted account's address: sent mail is
 * not kept on MakrX's side in production either.
 */
export async function eraseDevMailTo(tx: Database, email: string): Promise<number> {
  const removed = await tx
    .delete(devMail)
    .where(sql`lower(${devMail.toAddress}) = lower(${email})`)
    .returning({ id: devMail.id });
  return removed.length;
}
