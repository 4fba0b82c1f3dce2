import { seedOnce, type Database } from '@makrx/db';
import { provisionMaker } from '../profiles/service';
import { createAccountWithPassword } from './accounts';
import { userRoles } from './tables';

/** One demo user per role (DESIGN "Demo data"); makerspace roles are the cave's to seed. */
export const demoUsers = [
  {
    email: 'superadmin@demo.makrx.org',
    displayName: 'Sam Superadmin',
    roles: ['super_admin'],
    role: 'super admin',
  },
  {
    email: 'admin@demo.makrx.org',
    displayName: 'Alex Admin',
    roles: ['admin', 'admin:cave'],
    role: 'admin (MakrCave)',
  },
  {
    email: 'spaceadmin@demo.makrx.org',
    displayName: 'Maya Spaceadmin',
    roles: [],
    role: 'makerspace admin',
  },
  {
    email: 'provider@demo.makrx.org',
    displayName: 'Priya Provider',
    roles: [],
    role: 'service provider',
  },
  { email: 'member@demo.makrx.org', displayName: 'Milo Member', roles: [], role: 'member' },
  {
    email: 'customer@demo.makrx.org',
    displayName: 'Chris Customer',
    roles: [],
    role: 'store customer',
  },
] as const;

export async function seedDemoUsers(db: Database, password: string): Promise<void> {
  await seedOnce(db, 'auth:demo-users', async (tx) => {
    for (const user of demoUsers) {
      const username = user.email.split('@')[0]!;
      const userId = await createAccountWithPassword(tx, {
        ...user,
        username,
        password,
        emailVerified: true,
      });
      if (user.roles.length > 0) {
        await tx.insert(userRoles).values(user.roles.map((role) => ({ userId, role })));
      }
      await provisionMaker(tx, userId);
    }
  });
}
