import { eq } from 'drizzle-orm';
import type { Database } from './connect';
import { users } from './shared-tables';

/**
 * The audit log's actor must be a known account; a token's subject that the shared users
 * table does not hold yet (a first purchase right after sign-up) is kept in `after` instead.
 */
export async function auditActor(db: Database, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const [known] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId));
  return known?.id ?? null;
}
