import type { MakerspaceRole } from '@makrx/auth';
import type { TestIssuer } from '@makrx/auth/testing';
import type { Database } from '@makrx/db';
import { users } from '@makrx/db/schema';
import { makerspaceIdsBySlug } from '../makerspaces/service';
import { seedDemoMemberships } from './demo-memberships';
import { memberships } from './tables';
/**
 * The demo makerspace's admin, service provider and member in a cave started alone: their
 * accounts are users the auth service would have seeded, so a test creates them first.
 * Returns the ids by email.
 */
export async function seedDemoMembersWithAccounts(db: Database): Promise<Record<string, string>> {
  const people = ['spaceadmin', 'provider', 'member'].map((name) => ({
    email: `${name}@demo.makrx.org`,
    username: name,
    displayName: `Demo ${name}`,
  }));
  const rows = await db
    .insert(users)
    .values(people)
    .returning({ id: users.id, email: users.email });
  await seedDemoMemberships(db);
  return Object.fromEntries(rows.map((row) => [row.email, row.id]));
}

/** An account as the auth service would hold it, for someone who is not a member yet. */
export async function createAccount(db: Database, email: string): Promise<string> {
  const username = email.split('@')[0]!.replace(/[^a-z0-9]/gi, '-');
  const [row] = await db
    .insert(users)
    .values({ email, username, displayName: username })
    .returning({ id: users.id });
  return row!.id;
}

/**
 * A person with a role in a makerspace, as an accepted invite makes them (without the invite): the user the auth
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

/**
 * Several people, each with a role in a makerspace (`{ username: [slug, role] }`), and a token
 * each from the test issuer, written into `into.ids` and `into.tokens` by username.
 */
export async function addPeopleWithTokens(
  db: Database,
  issuer: Pick<TestIssuer, 'userToken'>,
  people: Record<string, readonly [string, MakerspaceRole]>,
  into: { ids: Record<string, string>; tokens: Record<string, string> },
): Promise<void> {
  for (const [username, [makerspaceSlug, role]] of Object.entries(people)) {
    const id = await addMemberTo(db, makerspaceSlug, username, role);
    into.ids[username] = id;
    into.tokens[username] = await issuer.userToken({ id, username, realmRoles: [] });
  }
}

/** Gives an existing account a role in a makerspace, as an accepted invite would. */
export async function joinAs(
  db: Database,
  makerspaceSlug: string,
  userId: string,
  role: MakerspaceRole,
): Promise<void> {
  const makerspaceId = (await makerspaceIdsBySlug(db)).get(makerspaceSlug);
  if (!makerspaceId) throw new Error(`No makerspace "${makerspaceSlug}" to join.`);
  await db.insert(memberships).values({ makerspaceId, userId, role });
}
