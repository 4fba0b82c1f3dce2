import type { MakerspaceRole } from '@makrx/auth';
import type { Database } from '@makrx/db';
import { users } from '@makrx/db/schema';
import { makerspaceIdsBySlug } from '../makerspaces/service';
import { memberships } from './tables';

/**
 * A person with a role in a makerspace, as an invite will one day make them: the user the auth
 * service would have created, and their membership. Returns the user's id for their token.
 */
export async function addMemberTo(
  db: Database,
  makerspaceSlug: string,
  username: string,
  role: MakerspaceRole,
): Promise<string> {
  const makerspaceId = (await makerspaceIdsBySlug(db)).get(makerspaceSlug);
  if (!makerspaceId) throw new Error(`No makerspace "${makerspaceSlug}" to join.`);
  const [user] = await db
    .insert(users)
    .values({ email: `${username}@example.org`, username, displayName: username })
    .returning({ id: users.id });
  await db.insert(memberships).values({ makerspaceId, userId: user!.id, role });
  return user!.id;
}
