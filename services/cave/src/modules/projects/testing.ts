import type { Database } from '@makrx/db';
import { users } from '@makrx/db/schema';
import { seedDemoProjects } from './demo-projects';

/**
 * The demo projects in a cave started alone: their owners are users the auth service would
 * have seeded, so a test creates them first. Returns the owners' ids by email.
 */
export async function seedDemoProjectsWithOwners(db: Database): Promise<Record<string, string>> {
  const owners = ['ananya-rao', 'kenji-watanabe', 'marta-silva'].map((handle) => ({
    email: `${handle}@makers.demo.makrx.org`,
    username: handle,
    displayName: handle
      .split('-')
      .map((part) => part[0]!.toUpperCase() + part.slice(1))
      .join(' '),
  }));
  owners.push({ email: 'member@demo.makrx.org', username: 'member', displayName: 'Milo Member' });
  const rows = await db
    .insert(users)
    .values(owners)
    .returning({ id: users.id, email: users.email });
  await seedDemoProjects(db);
  return Object.fromEntries(rows.map((row) => [row.email, row.id]));
}
