import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import type {
  MyProjectList,
  Project,
  ProjectActivityList,
  ProjectCollaboratorList,
  ProjectInvitationList,
} from '@makrx/contracts';
import { featureFlags } from '@makrx/db/schema';
import { outboxEvents } from '@makrx/events';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caveService } from '../../service';
import { addPeopleWithTokens } from '../memberships/testing';
import { projectCollaborators } from './tables';

describe.each(testDrivers)('a project’s collaborators over %s', (driver) => {
  let issuer: TestIssuer;
  let cave: TestService;
  const people = { ids: {} as Record<string, string>, tokens: {} as Record<string, string> };
  const slug = 'shared-drone-frame';
  const base = `/api/v1/projects/${slug}`;

  const call = (method: string, url: string, who?: string, payload?: object) =>
    cave.app.inject({
      method: method as 'GET',
      url,
      headers: who ? { authorization: `Bearer ${people.tokens[who]}` } : {},
      ...(payload === undefined ? {} : { payload }),
    });
  const setFlag = (enabled: boolean) =>
    cave.app.db
      .insert(featureFlags)
      .values({
        key: 'ENABLE_PROJECT_COLLABORATION',
        scope: 'domain',
        domain: 'cave',
        description: 'Shared projects with collaborators.',
        enabled,
      })
      .onConflictDoUpdate({ target: featureFlags.key, set: { enabled } });
  const collaboratorRows = async () =>
    (await cave.app.db.select().from(projectCollaborators)).length;

  beforeAll(async () => {
    issuer = await startTestIssuer();
    cave = await startTestService(caveService, driver, { issuer: issuer.issuer });
    await addPeopleWithTokens(
      cave.app.db,
      issuer,
      {
        owner: ['makrx-hub-bengaluru', 'member'],
        ed: ['makrx-hub-bengaluru', 'member'],
        vic: ['tinkerworks-pune', 'member'],
        outsider: ['tinkerworks-pune', 'member'],
      },
      people,
    );
    await setFlag(true);
    const made = await call('POST', '/api/v1/projects', 'owner', { title: 'Shared drone frame' });
    expect(made.statusCode).toBe(201);
  });
  afterAll(async () => {
    await cave.close();
    await issuer.close();
  });

  it('lets the owner invite by handle, and tells the invitee', async () => {
    const invited = await call('POST', `${base}/collaborators`, 'owner', {
      handle: 'ed',
      role: 'editor',
    });
    expect(invited.statusCode).toBe(201);
    expect((invited.json() as ProjectCollaboratorList).items).toEqual([
      expect.objectContaining({
        handle: 'ed',
        role: 'editor',
        status: 'invited',
        acceptedAt: null,
      }),
    ]);
    await call('POST', `${base}/collaborators`, 'owner', { handle: 'VIC', role: 'viewer' });
    const notices = await cave.app.db
      .select({ payload: outboxEvents.payload })
      .from(outboxEvents)
      .where(eq(outboxEvents.type, 'notification.requested'));
    expect(notices.map((n) => n.payload)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          userId: people.ids.ed,
          kind: 'project.invitation',
          title: 'You are invited to “Shared drone frame”',
          link: `http://localhost:3001/projects/${slug}`,
        }),
      ]),
    );
  });

  it('gives an invitee no role until they accept', async () => {
    expect((await call('GET', base, 'ed')).statusCode).toBe(404);
    const pending: ProjectInvitationList = (
      await call('GET', '/api/v1/me/project-invitations', 'ed')
    ).json();
    expect(pending.items).toEqual([
      expect.objectContaining({
        project: { slug, title: 'Shared drone frame' },
        role: 'editor',
        invitedBy: { displayName: 'owner', handle: 'owner' },
      }),
    ]);
    const accepted = await call('POST', `/api/v1/me/project-invitations/${slug}/accept`, 'ed');
    expect(accepted.statusCode).toBe(204);
    expect(((await call('GET', base, 'ed')).json() as Project).callerRole).toBe('editor');
    const mine: MyProjectList = (await call('GET', '/api/v1/me/projects', 'ed')).json();
    expect(mine.items.map((p) => [p.slug, p.role])).toEqual([[slug, 'editor']]);
    // Answering twice finds nothing to answer.
    const again = await call('POST', `/api/v1/me/project-invitations/${slug}/accept`, 'ed');
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe('PROJECT_INVITATION_NOT_FOUND');
  });

  it('lets a viewer read but answers 403 to their changes', async () => {
    await call('POST', `/api/v1/me/project-invitations/${slug}/accept`, 'vic');
    expect(((await call('GET', base, 'vic')).json() as Project).callerRole).toBe('viewer');
    const refused = await call('PATCH', base, 'vic', { title: 'Mine now' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('PROJECT_ROLE_TOO_LOW');
    const invite = await call('POST', `${base}/collaborators`, 'vic', {
      handle: 'outsider',
      role: 'editor',
    });
    expect(invite.statusCode).toBe(403);
  });

  it('lets only the owner manage collaborators; others get 401, 403 or 404', async () => {
    const before = await collaboratorRows();
    const body = { handle: 'outsider', role: 'editor' };
    expect((await call('POST', `${base}/collaborators`, undefined, body)).statusCode).toBe(401);
    expect((await call('POST', `${base}/collaborators`, 'ed', body)).statusCode).toBe(403);
    expect((await call('POST', `${base}/collaborators`, 'outsider', body)).statusCode).toBe(404);
    expect((await call('GET', `${base}/collaborators`, 'ed')).statusCode).toBe(403);
    expect((await call('DELETE', `${base}/collaborators/vic`, 'ed')).statusCode).toBe(403);
    expect(await collaboratorRows()).toBe(before);
  });

  it('refuses unknown handles, the owner, a second invitation and malformed bodies', async () => {
    const before = await collaboratorRows();
    const unknown = await call('POST', `${base}/collaborators`, 'owner', {
      handle: 'nobody-here',
      role: 'viewer',
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.code).toBe('COLLABORATOR_UNKNOWN');
    const self = await call('POST', `${base}/collaborators`, 'owner', {
      handle: 'owner',
      role: 'editor',
    });
    expect(self.json().error.code).toBe('COLLABORATOR_IS_OWNER');
    const twice = await call('POST', `${base}/collaborators`, 'owner', {
      handle: 'ed',
      role: 'viewer',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('COLLABORATOR_EXISTS');
    for (const body of [
      { handle: 'ed' },
      { handle: 'ed', role: 'owner' },
      { handle: 'a b', role: 'viewer' },
      { handle: 'ed', role: 'viewer', extra: true },
    ]) {
      expect((await call('POST', `${base}/collaborators`, 'owner', body)).statusCode).toBe(400);
    }
    expect(await collaboratorRows()).toBe(before);
  });

  it('lets the owner change a role and remove someone, each in the activity log', async () => {
    const changed = await call('PATCH', `${base}/collaborators/vic`, 'owner', { role: 'editor' });
    expect(changed.statusCode).toBe(200);
    expect(((await call('GET', base, 'vic')).json() as Project).callerRole).toBe('editor');
    const removed = await call('DELETE', `${base}/collaborators/vic`, 'owner');
    expect((removed.json() as ProjectCollaboratorList).items.map((c) => c.handle)).toEqual(['ed']);
    expect((await call('GET', base, 'vic')).statusCode).toBe(404);
    expect((await call('DELETE', `${base}/collaborators/vic`, 'owner')).statusCode).toBe(404);
    const log: ProjectActivityList = (await call('GET', `${base}/activity`, 'owner')).json();
    expect(log.items.map((l) => l.action).reverse()).toEqual([
      'project.created',
      'collaborator.invited',
      'collaborator.invited',
      'collaborator.accepted',
      'collaborator.accepted',
      'collaborator.role-changed',
      'collaborator.removed',
    ]);
  });

  it('lets an invitee decline, leaving no trace of the invitation', async () => {
    await call('POST', `${base}/collaborators`, 'owner', { handle: 'outsider', role: 'viewer' });
    const declined = await call(
      'POST',
      `/api/v1/me/project-invitations/${slug}/decline`,
      'outsider',
    );
    expect(declined.statusCode).toBe(204);
    const pending: ProjectInvitationList = (
      await call('GET', '/api/v1/me/project-invitations', 'outsider')
    ).json();
    expect(pending.items).toEqual([]);
  });

  it('with the flag off, answers 404 FEATURE_DISABLED and counts no collaborator’s role', async () => {
    await setFlag(false);
    try {
      for (const [method, url, who] of [
        ['GET', `${base}/collaborators`, 'owner'],
        ['POST', `${base}/collaborators`, 'owner'],
        ['GET', '/api/v1/me/project-invitations', 'ed'],
        ['POST', `/api/v1/me/project-invitations/${slug}/accept`, 'ed'],
      ] as const) {
        const response = await call(method, url, who, method === 'POST' ? {} : undefined);
        expect(response.statusCode, url).toBe(404);
        expect(response.json().error.code).toBe('FEATURE_DISABLED');
      }
      expect((await call('GET', base, 'ed')).statusCode).toBe(404);
      const own = await call('GET', base, 'owner');
      expect((own.json() as Project).callerRole).toBe('owner');
      const count = await cave.app.db.execute(
        sql`select count(*)::int as n from makrcave.project_collaborators`,
      );
      expect(count.rows[0]).toEqual({ n: 1 });
    } finally {
      await setFlag(true);
    }
  });
});
