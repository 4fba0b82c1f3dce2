import { AppError } from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { users } from '@makrx/db/schema';
import { and, eq, isNotNull } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';

/**
 * Refuses the tokens of a deleted account (issue 15, "Account and privacy"). Access tokens are
 * checked locally and live for minutes; the shared `users` row, marked erased by the deletion,
 * is what every service can see at once, so a token issued before the deletion is refused by
 * all three the moment it commits. One primary-key lookup, for signed-in people only.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function erasedAccountGate(db: Database) {
  return async (request: FastifyRequest): Promise<void> => {
    const { caller } = request;
    // An account's id is a uuid; a subject that is not one has no row to be erased.
    if (caller?.kind !== 'user' || !UUID.test(caller.userId)) return;
    const [erased] = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, caller.userId), isNotNull(users.erasedAt)));
    if (!erased) return;
    throw new AppError(401, 'ACCOUNT_DELETED', 'This account was deleted; its tokens are refused.');
  };
}
