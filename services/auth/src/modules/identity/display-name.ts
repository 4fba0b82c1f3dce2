import type { Database } from '@makrx/db';
import { users } from '@makrx/db/schema';
import { eq } from 'drizzle-orm';

/**
 * The name a user goes by across the three apps (the tokens' `name` claim from the next
 * sign-in or refresh on). The account is the identity module's; a maker renames themselves
 * through their profile, which calls this in the transaction of its own change.
 */
export async function renameAccount(
  tx: Database,
  userId: string,
  displayName: string,
): Promise<{ before: string } | undefined> {
  const [current] = await tx
    .select({ displayName: users.displayName })
    .from(users)
    .where(eq(users.id, userId))
    .for('update');
  if (!current) return undefined;
  await tx.update(users).set({ displayName, updatedAt: new Date() }).where(eq(users.id, userId));
  return { before: current.displayName };
}
