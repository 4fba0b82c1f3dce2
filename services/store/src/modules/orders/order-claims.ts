import type { UserCaller } from '@makrx/auth';
import { auditActor, recordAudit, type Database } from '@makrx/db';
import { and, isNull, sql } from 'drizzle-orm';
import { orders } from './tables';

/**
 * A guest who later makes an account with the email they ordered with finds those orders in
 * My orders: the guest orders placed with the caller's email become theirs. Only once the
 * identity provider has verified that the caller reads mail there (`email_verified`): an order
 * is never claimed by its number, nor by an address someone merely typed at sign-up.
 */
export async function claimGuestOrders(
  db: Database,
  caller: Pick<UserCaller, 'userId' | 'email' | 'emailVerified'>,
  requestId?: string,
): Promise<number> {
  if (!caller.emailVerified) return 0;
  return db.transaction(async (tx) => {
    const claimed = await tx
      .update(orders)
      .set({ userId: caller.userId, updatedAt: new Date() })
      .where(and(isNull(orders.userId), sql`lower(${orders.email}) = lower(${caller.email})`))
      .returning({ id: orders.id, number: orders.number });
    const actorId = claimed.length > 0 ? await auditActor(tx, caller.userId) : null;
    for (const order of claimed) {
      await recordAudit(tx, {
        service: 'store',
        action: 'order.claimed',
        entityType: 'order',
        entityId: order.id,
        actorId,
        before: { guest: true },
        after: { number: order.number, by: caller.userId, verifiedEmail: true },
        requestId: requestId ?? null,
      });
    }
    return claimed.length;
  });
}
