import type { Database } from '@makrx/db';
import { sql } from 'drizzle-orm';
import { serviceJobs } from './tables';

// What the cave's other modules may ask of print jobs (eslint.config.js: this file only).

/** Each signed-in customer's first print order, with when the store sent it here. */
export async function firstPrintOrders(db: Database): Promise<{ userId: string; at: Date }[]> {
  const customer = sql<string>`${serviceJobs.request} -> 'customer' ->> 'userId'`;
  const { rows } = await db.execute<{ user_id: string; at: Date | string }>(sql`
    select ${customer} as user_id, min(${serviceJobs.createdAt}) as at
    from ${serviceJobs}
    where ${customer} is not null
    group by 1`);
  return rows.map((row) => ({ userId: row.user_id, at: new Date(row.at) }));
}
