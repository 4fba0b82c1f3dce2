import type { ProjectPrintOrder } from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { users } from '@makrx/db/schema';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { makerspacesById } from '../makerspaces/service';
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

/**
 * The prints ordered for a project by the people who may order for it (`customerIds`: its
 * owner and editors), newest first. A print someone else named the project in is not listed:
 * naming a project does not attach anything to it.
 */
export async function printOrdersOfProject(
  db: Database,
  projectId: string,
  customerIds: readonly string[],
): Promise<ProjectPrintOrder[]> {
  if (customerIds.length === 0) return [];
  const customer = sql<string>`${serviceJobs.request} -> 'customer' ->> 'userId'`;
  const rows = await db
    .select({
      jobId: serviceJobs.id,
      orderNumber: serviceJobs.orderNumber,
      request: serviceJobs.request,
      status: serviceJobs.status,
      makerspaceId: serviceJobs.makerspaceId,
      orderedBy: users.displayName,
      orderedAt: serviceJobs.createdAt,
    })
    .from(serviceJobs)
    .innerJoin(users, sql`${users.id}::text = ${customer}`)
    .where(
      and(
        sql`${serviceJobs.request} ? 'projectId'`,
        eq(sql`(${serviceJobs.request} ->> 'projectId')`, projectId),
        inArray(customer, [...customerIds]),
      ),
    )
    .orderBy(desc(serviceJobs.createdAt));
  const providers = new Map(
    (
      await makerspacesById(
        db,
        rows.flatMap((r) => (r.makerspaceId ? [r.makerspaceId] : [])),
      )
    ).map((space) => [space.id, space.name]),
  );
  return rows.map((row) => {
    const provider = row.makerspaceId ? providers.get(row.makerspaceId) : undefined;
    return {
      jobId: row.jobId,
      orderNumber: row.orderNumber,
      fileName: row.request.file.name,
      materialKey: row.request.requirements.materialKey,
      quality: row.request.requirements.quality,
      quantity: row.request.requirements.quantity,
      status: row.status,
      provider: provider ? { name: provider } : null,
      orderedBy: row.orderedBy,
      orderedAt: row.orderedAt.toISOString(),
    };
  });
}
export { anonymiseServiceJobs } from './privacy';
