import type { TestIssuer } from '@makrx/auth/testing';
import type { Database } from '@makrx/db';
import { featureFlags } from '@makrx/db/schema';
import { sql } from 'drizzle-orm';
import { addMemberTo } from '../memberships/testing';
import { seedDemoProjectsWithOwners } from '../projects/testing';

/*
 * The people a BOM test needs around the demo projects, in a cave started alone: the owners
 * the auth service would have created, members of the makerspaces (project management is a
 * member's feature), and an editor and a viewer invited to the public robot project.
 */

export const ROBOT = 'line-following-robot-kit';
export const GREENHOUSE = 'greenhouse-climate-controller';

export interface BomPeople {
  ids: Record<string, string>;
  tokens: Record<string, string>;
}

const membership = (db: Database, userId: string, makerspaceSlug: string, role: string) =>
  db.execute(sql`
    insert into makrcave.memberships (makerspace_id, user_id, role)
    select id, ${userId}, ${role} from makrcave.makerspaces where slug = ${makerspaceSlug}`);

const collaborator = (db: Database, slug: string, userId: string, role: 'editor' | 'viewer') =>
  db.execute(sql`
    insert into makrcave.project_collaborators (project_id, user_id, role, status, accepted_at)
    select id, ${userId}, ${role}, 'accepted', now() from makrcave.projects where slug = ${slug}`);

/**
 * kenji: owner of the robot project (a Pune member); milo: owner of the private greenhouse
 * (a Bengaluru member); editor and viewer: the robot project's collaborators; stranger: a member
 * with no part in either; puneAdmin and hubAdmin: the makerspaces' admins.
 */
export async function seedBomPeople(db: Database, issuer: TestIssuer): Promise<BomPeople> {
  const owners = await seedDemoProjectsWithOwners(db);
  const ids: Record<string, string> = {
    kenji: owners['kenji-watanabe@makers.demo.makrx.org']!,
    milo: owners['member@demo.makrx.org']!,
  };
  await membership(db, ids.kenji!, 'tinkerworks-pune', 'member');
  await membership(db, ids.milo!, 'makrx-hub-bengaluru', 'member');
  ids.editor = await addMemberTo(db, 'tinkerworks-pune', 'bom-editor', 'member');
  ids.viewer = await addMemberTo(db, 'tinkerworks-pune', 'bom-viewer', 'member');
  ids.stranger = await addMemberTo(db, 'makrx-hub-bengaluru', 'bom-stranger', 'member');
  ids.puneAdmin = await addMemberTo(db, 'tinkerworks-pune', 'bom-pune-admin', 'makerspace_admin');
  ids.hubAdmin = await addMemberTo(db, 'makrx-hub-bengaluru', 'bom-hub-admin', 'makerspace_admin');
  await db
    .insert(featureFlags)
    .values({
      key: 'ENABLE_PROJECT_COLLABORATION',
      scope: 'domain',
      domain: 'cave',
      description: 'Project collaborators',
      enabled: true,
    })
    .onConflictDoNothing();
  await collaborator(db, ROBOT, ids.editor, 'editor');
  await collaborator(db, ROBOT, ids.viewer, 'viewer');
  const tokens: Record<string, string> = {};
  for (const [name, id] of Object.entries(ids)) {
    tokens[name] = await issuer.userToken({ id, username: name, realmRoles: [] });
  }
  tokens.store = await issuer.serviceToken('store-backend');
  tokens.authService = await issuer.serviceToken('auth-service');
  return { ids, tokens };
}

/** Turns the two ordering flags on or off, as the auth service's flag admin would. */
export async function setOrderingFlags(
  db: Database,
  on: { bomOrdering: boolean; quickReorder: boolean },
): Promise<void> {
  for (const [key, domain, enabled] of [
    ['ENABLE_BOM_ORDERING', 'cave', on.bomOrdering],
    ['ENABLE_QUICK_REORDER', 'store', on.quickReorder],
  ] as const) {
    await db
      .insert(featureFlags)
      .values({ key, scope: 'domain', domain, description: key, enabled })
      .onConflictDoUpdate({ target: featureFlags.key, set: { enabled } });
  }
}
