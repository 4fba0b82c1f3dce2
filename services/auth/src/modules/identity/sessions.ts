import type { Database } from '@makrx/db';
import { sql } from 'drizzle-orm';
import { oidcModels } from './tables';

/**
 * Ends every session and grant of a user at the identity provider: their refresh tokens stop
 * working, so each app shows them signed out on its next refresh.
 */
export async function endSessionsOf(db: Database, userId: string): Promise<void> {
  const grants = db
    .select({ id: oidcModels.id })
    .from(oidcModels)
    .where(sql`${oidcModels.model} = 'Grant' and ${oidcModels.payload}->>'accountId' = ${userId}`);
  await db.delete(oidcModels).where(sql`${oidcModels.grantId} in (${grants})`);
  await db
    .delete(oidcModels)
    .where(
      sql`${oidcModels.model} in ('Session', 'Grant') and ${oidcModels.payload}->>'accountId' = ${userId}`,
    );
}
