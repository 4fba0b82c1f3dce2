import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import type { MyProjectList, Project, ProjectActivityList, ProjectPage } from '@makrx/contracts';
import { auditLogs, featureFlags } from '@makrx/db/schema';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caveService } from '../../service';
import { addPeopleWithTokens, createAccount } from '../memberships/testing';
import { projectActivity, projectCollaborators, projects } from './tables';
import { seedDemoProjectsWithOwners } from './testing';

const collaborationFlag = (enabled: boolean) => ({
  key: 'ENABLE_PROJECT_COLLABORATION',
  scope: 'domain' as const,
  domain: 'cave' as const,
  description: 'Shared projects with collaborators.',
  enabled,
});

describe.each(testDrivers)('making and changing projects over %s', (driver) => {
  let issuer: TestIssuer;
  let cave: TestService;
  const people = { ids: {} as Record<string, string>, tokens: {} as Record<string, string> };
  let customerToken: string;

  const call = (method: string, url: string, token?: string, payload?: unknown) =>
    cave.app.inject({
      method: method as 'GET',
      url: `/api/v1${url}`,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const create = (token: string, body: Record<string, unknown>) =>
    call('POST', '/projects', token, body);
  const projectCount = async () =>
    (await cave.app.db.select({ n: sql<number>`cast(count(*) as integer)` }).from(projects))[0]!.n;
  const activityOf = async (slug: string, token?: string): Promise<string[]> =>
    ((await call('GET', `/projects/${slug}/activity`, token)).json() as ProjectActivityList).items
      .map((line) => line.action)
      .reverse();
  const setCollaboration = (enabled: boolean) =>
    cave.app.db
      .insert(featureFlags)
      .values(collaborationFlag(enabled))
      .onConflictDoUpdate({ target: featureFlags.key, set: { enabled } });
  const collaborate = async (slug: string, who: string, role: 'editor' | 'viewer') => {
    const [row] = await cave.app.db
      .select({ id: projects.id })
      .from(projects)
      .where(eq(projects.slug, slug));
    await cave.app.db.insert(projectCollaborators).values({
      projectId: row!.id,
      userId: people.ids[who]!,
      role,
      status: 'accepted',
      acceptedAt: new Date(),
    });
  };

  beforeAll(async () => {
    issuer = await startTestIssuer();
    cave = await startTestService(caveService, driver, { issuer: issuer.issuer });
    await seedDemoProjectsWithOwners(cave.app.db);
    await addPeopleWithTokens(
      cave.app.db,
      issuer,
      {
        maker: ['makrx-hub-bengaluru', 'member'],
        editor: ['makrx-hub-bengaluru', 'member'],
        viewer: ['tinkerworks-pune', 'member'],
        stranger: ['tinkerworks-pune', 'member'],
      },
      people,
    );
    const customer = await createAccount(cave.app.db, 'customer@example.org');
    customerToken = await issuer.userToken({ id: customer, username: 'customer', realmRoles: [] });
    await setCollaboration(true);
  });
  afterAll(async () => {
    await cave.close();
    await issuer.close();
  });

  it('lets a member start a private project at their makerspace, with its Markdown rendered', async () => {
    const response = await create(people.tokens.maker!, {
      title: 'Solar-powered weather station',
      summary: 'Wind, rain and sun on a pole.',
      description: '# Parts\n\n- an **ESP32**\n- a [rain gauge](https://example.org/gauge)',
      tags: ['Electronics', 'Solar'],
      makerspace: 'makrx-hub-bengaluru',
    });
    expect(response.statusCode).toBe(201);
    const made: Project = response.json();
    expect(made).toMatchObject({
      slug: 'solar-powered-weather-station',
      visibility: 'private',
      status: 'idea',
      callerRole: 'owner',
      ownedByCaller: true,
      owner: { handle: 'maker' },
      makerspace: { slug: 'makrx-hub-bengaluru' },
      tags: ['Electronics', 'Solar'],
      completedAt: null,
    });
    expect(made.descriptionHtml).toContain('<h1>Parts</h1>');
    expect(made.descriptionHtml).toContain('<strong>ESP32</strong>');
    expect(made.descriptionHtml).toContain('href="https://example.org/gauge"');
    expect(made.descriptionHtml).toContain('rel="nofollow ugc noopener noreferrer"');
    expect(await activityOf(made.slug, people.tokens.maker)).toEqual(['project.created']);
  });

  it('gives a second project of the same title the next free slug, which a new title keeps', async () => {
    const again: Project = (
      await create(people.tokens.editor!, { title: 'Solar powered weather station!' })
    ).json();
    expect(again.slug).toBe('solar-powered-weather-station-2');
    const renamed = await call('PATCH', `/projects/${again.slug}`, people.tokens.editor, {
      title: 'Rooftop weather station',
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({
      slug: 'solar-powered-weather-station-2',
      title: 'Rooftop weather station',
    });
  });

  it('strips scripts, handlers and javascript: links from a description', async () => {
    const made: Project = (
      await create(people.tokens.maker!, {
        title: 'Harmless looking lamp',
        description: [
          '<script>alert("owned")</script>',
          '<img src="x.png" onerror="alert(1)">',
          '[click me](javascript:alert(2))',
          '<iframe src="https://evil.example"></iframe>',
          '<a href="https://ok.example" onclick="steal()">fine link</a>',
        ].join('\n\n'),
      })
    ).json();
    expect(made.description).toContain('<script>');
    const html = made.descriptionHtml.toLowerCase();
    expect(html).not.toContain('<script');
    expect(html).not.toContain('onerror');
    expect(html).not.toContain('onclick');
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('<iframe');
    expect(html).toContain('fine link');
    const preview = await call('POST', '/projects/description-preview', people.tokens.maker, {
      description: '**bold** <script>alert(1)</script>',
    });
    expect(preview.json()).toEqual({ descriptionHtml: '<p><strong>bold</strong> </p>\n' });
    const guest = await call('POST', '/projects/description-preview', undefined, {
      description: 'x',
    });
    expect(guest.statusCode).toBe(401);
  });

  it('refuses guests (401) and store customers without a makerspace role (403), creating nothing', async () => {
    const before = await projectCount();
    expect((await call('POST', '/projects', undefined, { title: 'Sneaky' })).statusCode).toBe(401);
    const customer = await create(customerToken, { title: 'Sneaky' });
    expect(customer.statusCode).toBe(403);
    expect((await call('GET', '/me/projects')).statusCode).toBe(401);
    expect((await call('GET', '/me/projects', customerToken)).statusCode).toBe(403);
    const slug = 'solar-powered-weather-station';
    expect(
      (await call('PATCH', `/projects/${slug}`, undefined, { title: 'Mine' })).statusCode,
    ).toBe(401);
    expect((await call('DELETE', `/projects/${slug}`)).statusCode).toBe(401);
    expect(await projectCount()).toBe(before);
  });

  it('refuses a makerspace the maker does not belong to with 422, creating nothing', async () => {
    const before = await projectCount();
    for (const makerspace of ['tinkerworks-pune', 'no-such-space']) {
      const response = await create(people.tokens.maker!, { title: 'Elsewhere', makerspace });
      expect(response.statusCode).toBe(422);
      expect(response.json().error).toMatchObject({
        code: 'PROJECT_MAKERSPACE_NOT_JOINED',
        details: { makerspace },
      });
    }
    const moved = await call(
      'PATCH',
      '/projects/solar-powered-weather-station',
      people.tokens.maker,
      { makerspace: 'tinkerworks-pune' },
    );
    expect(moved.statusCode).toBe(422);
    expect(await projectCount()).toBe(before);
  });

  it('answers malformed and oversized bodies with 400 or 413, changing nothing', async () => {
    const before = await projectCount();
    const bad = [
      {},
      { title: 'ab' },
      { title: 'x'.repeat(121) },
      { title: 'Fine title', visibility: 'friends' },
      { title: 'Fine title', status: 'abandoned' },
      { title: 'Fine title', tags: ['a/b'] },
      { title: 'Fine title', tags: ['Same', 'same'] },
      { title: 'Fine title', owner: 'someone-else' },
      { title: 'Fine title', description: 'x'.repeat(20_001) },
    ];
    for (const body of bad) {
      expect((await create(people.tokens.maker!, body)).statusCode, JSON.stringify(body)).toBe(400);
    }
    const huge = await create(people.tokens.maker!, {
      title: 'Huge',
      description: 'x'.repeat(2e6),
    });
    expect(huge.statusCode).toBe(413);
    const slug = '/projects/solar-powered-weather-station';
    expect((await call('PATCH', slug, people.tokens.maker, {})).statusCode).toBe(400);
    expect((await call('PATCH', slug, people.tokens.maker, { slug: 'new-slug' })).statusCode).toBe(
      400,
    );
    expect(await projectCount()).toBe(before);
    const unchanged: Project = (await call('GET', slug, people.tokens.maker)).json();
    expect(unchanged.title).toBe('Solar-powered weather station');
  });

  it('hides another maker’s private project (404) and refuses changes to a public one (403)', async () => {
    const privateOne = '/projects/greenhouse-climate-controller';
    for (const [method, body] of [
      ['GET', undefined],
      ['PATCH', { title: 'Taken over' }],
      ['DELETE', undefined],
    ] as const) {
      expect((await call(method, privateOne, people.tokens.stranger, body)).statusCode).toBe(404);
    }
    const publicOne = '/projects/tendon-driven-prosthetic-hand';
    const refused = await call('PATCH', publicOne, people.tokens.stranger, { title: 'Taken over' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('PROJECT_ROLE_TOO_LOW');
    expect((await call('DELETE', publicOne, people.tokens.stranger)).statusCode).toBe(403);
    const shown: Project = (await call('GET', publicOne, people.tokens.stranger)).json();
    expect(shown).toMatchObject({ title: 'Tendon-driven prosthetic hand', callerRole: null });
  });

  it('sets completed_at when a project is completed and clears it when it is reopened', async () => {
    const slug = '/projects/solar-powered-weather-station';
    const done: Project = (
      await call('PATCH', slug, people.tokens.maker, { status: 'completed' })
    ).json();
    expect(done.status).toBe('completed');
    expect(done.completedAt).not.toBeNull();
    const reopened: Project = (
      await call('PATCH', slug, people.tokens.maker, { status: 'in_progress', summary: 'v2' })
    ).json();
    expect(reopened).toMatchObject({ status: 'in_progress', completedAt: null, summary: 'v2' });
    expect(await activityOf('solar-powered-weather-station', people.tokens.maker)).toEqual([
      'project.created',
      'project.status-changed',
      'project.updated',
      'project.status-changed',
    ]);
  });

  it('lets a viewer read but not change, and an editor change but not publish or delete', async () => {
    const slug = 'solar-powered-weather-station';
    await collaborate(slug, 'viewer', 'viewer');
    await collaborate(slug, 'editor', 'editor');
    const seen = await call('GET', `/projects/${slug}`, people.tokens.viewer);
    expect(seen.json()).toMatchObject({ callerRole: 'viewer', visibility: 'private' });
    const refused = await call('PATCH', `/projects/${slug}`, people.tokens.viewer, {
      title: 'Viewer was here',
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({
      code: 'PROJECT_ROLE_TOO_LOW',
      details: { needed: 'editor', held: 'viewer' },
    });
    // The project stays at a makerspace its editor is not in, since the form sends it back.
    const edited = await call('PATCH', `/projects/${slug}`, people.tokens.viewer, {});
    expect(edited.statusCode).toBe(403);
    await cave.app.db
      .update(projectCollaborators)
      .set({ role: 'editor' })
      .where(eq(projectCollaborators.userId, people.ids.viewer!));
    const byOutsider = await call('PATCH', `/projects/${slug}`, people.tokens.viewer, {
      title: 'Solar-powered weather station',
      tags: ['Electronics', 'Solar', 'Weather'],
      makerspace: 'makrx-hub-bengaluru',
    });
    expect(byOutsider.statusCode, byOutsider.body).toBe(200);
    await cave.app.db
      .update(projectCollaborators)
      .set({ role: 'viewer' })
      .where(eq(projectCollaborators.userId, people.ids.viewer!));
    const log: ProjectActivityList = (
      await call('GET', `/projects/${slug}/activity`, people.tokens.maker)
    ).json();
    expect(log.items[0]).toMatchObject({ action: 'project.updated', summary: 'Edited the tags' });
    const publish = await call('PUT', `/projects/${slug}/visibility`, people.tokens.editor, {
      visibility: 'public',
    });
    expect(publish.statusCode).toBe(403);
    expect((await call('DELETE', `/projects/${slug}`, people.tokens.editor)).statusCode).toBe(403);
    const after: Project = (await call('GET', `/projects/${slug}`, people.tokens.maker)).json();
    expect(after).toMatchObject({ title: 'Solar-powered weather station', visibility: 'private' });
  });

  it('lists my projects, owned and collaborating, with my role; collaborations end with the flag', async () => {
    const mine: MyProjectList = (await call('GET', '/me/projects', people.tokens.editor)).json();
    expect(mine.items.map((p) => [p.slug, p.role])).toEqual([
      ['solar-powered-weather-station', 'editor'],
      ['solar-powered-weather-station-2', 'owner'],
    ]);
    await setCollaboration(false);
    try {
      const alone: MyProjectList = (await call('GET', '/me/projects', people.tokens.editor)).json();
      expect(alone.items.map((p) => p.slug)).toEqual(['solar-powered-weather-station-2']);
      const slug = '/projects/solar-powered-weather-station';
      expect((await call('GET', slug, people.tokens.editor)).statusCode).toBe(404);
      expect((await call('PATCH', slug, people.tokens.editor, { summary: 'x' })).statusCode).toBe(
        404,
      );
    } finally {
      await setCollaboration(true);
    }
  });

  it('keeps private projects out of every list, tag page and search but their own people’s', async () => {
    await cave.app.db
      .insert(featureFlags)
      .values({
        key: 'ENABLE_UNIFIED_SEARCH',
        scope: 'global',
        description: 'One search box.',
        enabled: true,
      })
      .onConflictDoNothing();
    for (const token of [undefined, people.tokens.maker, people.tokens.stranger]) {
      const listed: ProjectPage = (await call('GET', '/projects?pageSize=100', token)).json();
      expect(listed.items.every((p) => p.visibility === 'public')).toBe(true);
      const tagged: ProjectPage = (await call('GET', '/projects?tag=Solar', token)).json();
      expect(tagged.items).toEqual([]);
      const found = (await call('GET', '/search?q=weather%20station', token)).json();
      expect(found.results.filter((r: { kind: string }) => r.kind === 'project')).toEqual([]);
    }
  });

  it('lets the owner publish a project, which then lists under its tags and in search', async () => {
    const slug = 'solar-powered-weather-station';
    const published = await call('PUT', `/projects/${slug}/visibility`, people.tokens.maker, {
      visibility: 'public',
    });
    expect(published.statusCode).toBe(200);
    const tagged: ProjectPage = (await call('GET', '/projects?tag=Solar')).json();
    expect(tagged.items.map((p) => p.slug)).toEqual([slug]);
    const found = (await call('GET', '/search?q=weather%20station')).json();
    expect(found.results.map((r: { url: string }) => r.url)).toContain(`/projects/${slug}`);
    const guest: Project = (await call('GET', `/projects/${slug}`)).json();
    expect(guest).toMatchObject({ callerRole: null, owner: { handle: 'maker' } });
    expect(await activityOf(slug)).toContain('project.visibility-changed');
  });

  it('lets the owner delete a project, which the audit log remembers', async () => {
    const slug = 'solar-powered-weather-station';
    const [row] = await cave.app.db
      .select({ id: projects.id })
      .from(projects)
      .where(eq(projects.slug, slug));
    const deleted = await call('DELETE', `/projects/${slug}`, people.tokens.maker);
    expect(deleted.statusCode).toBe(204);
    expect((await call('GET', `/projects/${slug}`, people.tokens.maker)).statusCode).toBe(404);
    expect((await call('DELETE', `/projects/${slug}`, people.tokens.maker)).statusCode).toBe(404);
    const log = await cave.app.db
      .select({ action: auditLogs.action })
      .from(auditLogs)
      .where(eq(auditLogs.entityId, row!.id));
    expect(log.map((l) => l.action)).toContain('project.deleted');
    const lines = await cave.app.db
      .select()
      .from(projectActivity)
      .where(eq(projectActivity.projectId, row!.id));
    expect(lines).toEqual([]);
  });
});
