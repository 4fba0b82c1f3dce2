import { seedOnce, type Database } from '@makrx/db';
import { users } from '@makrx/db/schema';
import { inArray } from 'drizzle-orm';
import { makerspaceIdsBySlug } from '../makerspaces/service';
import { memberships } from './tables';

const demoMembers = [
  { email: 'spaceadmin@demo.makrx.org', role: 'makerspace_admin' },
  { email: 'provider@demo.makrx.org', role: 'service_provider' },
  { email: 'member@demo.makrx.org', role: 'member' },
] as const;

/** The demo users' places in the demo makerspace, once the demo users exist. */
export async function seedDemoMemberships(db: Database): Promise<void> {
  const people = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      inArray(
        users.email,
        demoMembers.map((m) => m.email),
      ),
    );
  const hubId = (await makerspaceIdsBySlug(db)).get('makrx-hub-bengaluru');
  if (people.length < demoMembers.length || !hubId) return;
  await seedOnce(db, 'cave:demo-memberships', async (tx) => {
    await tx.insert(memberships).values(
      demoMembers.map((member) => ({
        makerspaceId: hubId,
        userId: people.find((p) => p.email === member.email)!.id,
        role: member.role,
      })),
    );
  });
}
