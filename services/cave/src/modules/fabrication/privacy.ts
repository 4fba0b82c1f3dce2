import type { Database } from '@makrx/db';
import { sql } from 'drizzle-orm';
import { serviceJobs } from './tables';

/**
 * Print jobs providers made for a deleted account keep their order and earnings (accounting),
 * but the customer's name in them becomes "Deleted user".
 */
export async function anonymiseServiceJobs(tx: Database, userId: string): Promise<number> {
  const changed = await tx
    .update(serviceJobs)
    .set({
      request: sql`jsonb_set(${serviceJobs.request}, '{customer,name}', '"Deleted user"')`,
    })
    .where(
      sql`${serviceJobs.request} -> 'customer' ->> 'userId' = ${userId} and ${serviceJobs.request} -> 'customer' ->> 'name' <> 'Deleted user'`,
    )
    .returning({ id: serviceJobs.id });
  return changed.length;
}
