import type { Database } from '@makrx/db';
import { users } from '@makrx/db/schema';
import { eq } from 'drizzle-orm';
import { seedDemoProjects } from './demo-projects';
import { projects } from './tables';

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

/**
 * Changes a project as its owner's edits would (status with its completion time, visibility),
 * for tests of what other modules make of it. Returns the project's id.
 */
export async function changeProject(
  db: Database,
  slug: string,
  change: { completedAt?: Date; visibility?: 'public' | 'private' },
): Promise<string> {
  const unchanged = change.completedAt === undefined && change.visibility === undefined;
  const [row] = unchanged
    ? await db.select({ id: projects.id }).from(projects).where(eq(projects.slug, slug))
    : await db
        .update(projects)
        .set({
          ...(change.completedAt
            ? { status: 'completed' as const, completedAt: change.completedAt }
            : {}),
          ...(change.visibility ? { visibility: change.visibility } : {}),
        })
        .where(eq(projects.slug, slug))
        .returning({ id: projects.id });
  if (!row) throw new Error(`No project "${slug}".`);
  return row.id;
}
