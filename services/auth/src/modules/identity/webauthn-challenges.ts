import type { Database } from '@makrx/db';
import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import { webauthnChallenges } from './tables';

/** How long a ceremony may take, from its options to its answer. */
const CHALLENGE_SECONDS = 5 * 60;

export type Purpose = (typeof webauthnChallenges.$inferSelect)['purpose'];

/** The challenge an authenticator signed, read from its client data (checked again by the library). */
function challengeOf(response: { response: { clientDataJSON: string } }): string | undefined {
  try {
    const data = JSON.parse(Buffer.from(response.response.clientDataJSON, 'base64url').toString());
    return typeof data.challenge === 'string' ? data.challenge : undefined;
  } catch {
    return undefined;
  }
}

export async function keepChallenge(
  db: Database,
  challenge: string,
  purpose: Purpose,
  bound: Partial<
    Pick<typeof webauthnChallenges.$inferInsert, 'userId' | 'interactionUid' | 'signUp'>
  >,
) {
  const now = new Date();
  // Unanswered challenges are of no use once expired; each new one clears them away.
  await db.delete(webauthnChallenges).where(lt(webauthnChallenges.expiresAt, now));
  await db.insert(webauthnChallenges).values({
    challenge,
    purpose,
    ...bound,
    expiresAt: new Date(now.getTime() + CHALLENGE_SECONDS * 1000),
  });
}

/**
 * Uses the challenge an answer carries, once: unknown, expired, already used, or issued for
 * another purpose, user or sign-in → undefined, and the answer is refused.
 */
export async function useChallenge(
  db: Database,
  response: { response: { clientDataJSON: string } },
  purpose: Purpose,
  bound: { userId?: string; interactionUid?: string },
) {
  const challenge = challengeOf(response);
  if (!challenge) return undefined;
  const [row] = await db
    .update(webauthnChallenges)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(webauthnChallenges.challenge, challenge),
        eq(webauthnChallenges.purpose, purpose),
        isNull(webauthnChallenges.usedAt),
        gt(webauthnChallenges.expiresAt, new Date()),
        bound.userId ? eq(webauthnChallenges.userId, bound.userId) : undefined,
        bound.interactionUid
          ? eq(webauthnChallenges.interactionUid, bound.interactionUid)
          : undefined,
      ),
    )
    .returning();
  return row;
}
