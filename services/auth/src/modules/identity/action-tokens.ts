import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '@makrx/db';
import { and, count, eq, gt, gte, isNull } from 'drizzle-orm';
import { actionTokens } from './tables';

export type ActionPurpose = 'verify-email' | 'reset-password';

const LIFETIME_SECONDS: Record<ActionPurpose, number> = {
  'verify-email': 3 * 24 * 3600,
  'reset-password': 30 * 60,
};

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new one-time token for a link in an email; the database keeps only its hash. */
export async function issueActionToken(
  db: Database,
  userId: string,
  purpose: ActionPurpose,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.insert(actionTokens).values({
    tokenHash: hashOf(token),
    userId,
    purpose,
    expiresAt: new Date(Date.now() + LIFETIME_SECONDS[purpose] * 1000),
  });
  return token;
}

/** Uses a token once: returns its user, or undefined when unknown, expired or already used. */
export async function redeemActionToken(
  db: Database,
  token: string,
  purpose: ActionPurpose,
): Promise<string | undefined> {
  const [row] = await db
    .update(actionTokens)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(actionTokens.tokenHash, hashOf(token)),
        eq(actionTokens.purpose, purpose),
        isNull(actionTokens.usedAt),
        gt(actionTokens.expiresAt, new Date()),
      ),
    )
    .returning({ userId: actionTokens.userId });
  return row?.userId;
}

/** Whether a token is still usable, without using it (to show the reset form). */
export async function isActionTokenValid(
  db: Database,
  token: string,
  purpose: ActionPurpose,
): Promise<boolean> {
  const [row] = await db
    .select({ userId: actionTokens.userId })
    .from(actionTokens)
    .where(
      and(
        eq(actionTokens.tokenHash, hashOf(token)),
        eq(actionTokens.purpose, purpose),
        isNull(actionTokens.usedAt),
        gt(actionTokens.expiresAt, new Date()),
      ),
    );
  return Boolean(row);
}

/** How many links were mailed to a user since `since`, whatever they were for. */
export async function linksMailedSince(db: Database, userId: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ sent: count() })
    .from(actionTokens)
    .where(and(eq(actionTokens.userId, userId), gte(actionTokens.createdAt, since)));
  return row?.sent ?? 0;
}
