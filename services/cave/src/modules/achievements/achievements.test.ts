import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import type { MyAchievements, MyFeaturedProjects } from '@makrx/contracts';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { outboxEvents } from '@makrx/events';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caveService } from '../../service';
import { addPeopleWithTokens, joinAs } from '../memberships/testing';
import { changeProject, seedDemoProjectsWithOwners } from '../projects/testing';
import { recordPastBookings } from '../reservations/testing';
import { highlightsOf } from './service';

const AWAY = 'http://127.0.0.1:9';

describe.each(testDrivers)('achievements and featured projects over %s', (driver) => {
  let issuer: TestIssuer;
  let cave: TestService;
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};

  const call = async (method: string, url: string, as?: string, body?: unknown) => {
    const response = await cave.app.inject({
      method: method as 'GET',
      url: `/api/v1${url}`,
      headers: as ? { authorization: `Bearer ${tokens[as]}` } : {},
      ...(body === undefined ? {} : { payload: body as object }),
    });
    return { status: response.statusCode, body: response.json() };
  };
  const projectId = (slug: string) => changeProject(cave.app.db, slug, {});
  const complete = (slug: string, at = new Date()) =>
    changeProject(cave.app.db, slug, { completedAt: at });
  const awardAndSync = () => cave.app.jobs.run('cave.achievements.sync-profiles');

  beforeAll(async () => {
    issuer = await startTestIssuer();
    cave = await startTestService(caveService, driver, {
      issuer: issuer.issuer,
      // MakrX.org is away here; the launcher's tests send the highlights to a real one.
      peers: { urls: { auth: AWAY, cave: AWAY, store: AWAY }, token: async () => 'token' },
    });
    const owners = await seedDemoProjectsWithOwners(cave.app.db);
    for (const [name, email] of [
      ['marta', 'marta-silva@makers.demo.makrx.org'],
      ['milo', 'member@demo.makrx.org'],
      ['ananya', 'ananya-rao@makers.demo.makrx.org'],
    ] as const) {
      ids[name] = owners[email]!;
      tokens[name] = await issuer.userToken({ id: ids[name], username: name, realmRoles: [] });
    }
  });
  afterAll(async () => {
    await cave.close();
    await issuer.close();
  });

  it('asks a guest to sign in', async () => {
    expect((await call('GET', '/me/achievements')).status).toBe(401);
    expect((await call('GET', '/me/featured-projects')).status).toBe(401);
    expect((await call('PUT', '/me/featured-projects', undefined, { projectIds: [] })).status).toBe(
      401,
    );
  });

  it('records a completed project once, as a first completion and as its own achievement', async () => {
    await complete('flat-pack-plywood-stool', new Date(Date.now() - 5 * 60 * 1000));
    await awardAndSync();
    await awardAndSync();
    const mine = (await call('GET', '/me/achievements', 'marta')).body as MyAchievements;
    expect(mine.items.map((a) => [a.key.split(':')[0], a.title, a.project?.slug ?? null])).toEqual([
      ['first-project-completed', 'Completed a first project', null],
      ['project-completed', 'Completed “Flat-pack plywood stool”', 'flat-pack-plywood-stool'],
    ]);
    // Just happened, so Marta is told; the relay hands it to MakrX.org's notifications.
    const told = await cave.app.db
      .select({ payload: outboxEvents.payload })
      .from(outboxEvents)
      .where(
        and(
          eq(outboxEvents.type, 'notification.requested'),
          sql`${outboxEvents.payload}->>'userId' = ${ids.marta}`,
        ),
      );
    expect(told.map((row) => (row.payload as { title: string }).title).sort()).toEqual([
      'Achievement: Completed a first project',
      'Achievement: Completed “Flat-pack plywood stool”',
    ]);
    // Nobody else earned anything from it.
    expect(
      ((await call('GET', '/me/achievements', 'ananya')).body as MyAchievements).items,
    ).toEqual([]);
  });

  it('keeps a private project’s achievement off the public profile, but not off its owner’s list', async () => {
    await complete('greenhouse-climate-controller');
    await awardAndSync();
    const mine = (await call('GET', '/me/achievements', 'milo')).body as MyAchievements;
    expect(mine.items.map((a) => a.title)).toEqual([
      'Completed a first project',
      'Completed “Greenhouse climate controller”',
    ]);
    const shown = (await highlightsOf(cave.app.db, [ids.milo!])).get(ids.milo!)!;
    expect(shown.achievements.map((a) => a.title)).toEqual(['Completed a first project']);
    expect(JSON.stringify(shown)).not.toMatch(/Greenhouse/i);
  });

  it('features only the caller’s own public projects, in the order chosen', async () => {
    const stool = await projectId('flat-pack-plywood-stool');
    const hand = await projectId('tendon-driven-prosthetic-hand');
    const greenhouse = await projectId('greenhouse-climate-controller');
    const refusals = [
      [{ projectIds: [hand] }, 422], // Ananya's
      [{ projectIds: [stool, stool] }, 400],
      [{ projectIds: 'all' }, 400],
      [{ projectIds: Array.from({ length: 7 }, () => crypto.randomUUID()) }, 400],
    ] as const;
    for (const [body, status] of refusals) {
      expect((await call('PUT', '/me/featured-projects', 'marta', body)).status).toBe(status);
    }
    expect(
      (await call('PUT', '/me/featured-projects', 'milo', { projectIds: [greenhouse] })).status,
    ).toBe(422);
    // None of the refusals changed anything.
    expect((await call('GET', '/me/featured-projects', 'marta')).body).toEqual({ items: [] });

    const chosen = await call('PUT', '/me/featured-projects', 'marta', { projectIds: [stool] });
    expect(chosen.status).toBe(200);
    expect((chosen.body as MyFeaturedProjects).items.map((p) => p.slug)).toEqual([
      'flat-pack-plywood-stool',
    ]);
    const shown = (await highlightsOf(cave.app.db, [ids.marta!])).get(ids.marta!)!;
    expect(shown.featuredProjects).toEqual([
      expect.objectContaining({ id: 'flat-pack-plywood-stool', title: 'Flat-pack plywood stool' }),
    ]);
  });

  it('drops a featured project and its achievement from the profile once it is made private', async () => {
    await changeProject(cave.app.db, 'flat-pack-plywood-stool', { visibility: 'private' });
    const shown = (await highlightsOf(cave.app.db, [ids.marta!])).get(ids.marta!)!;
    expect(shown.featuredProjects).toEqual([]);
    expect(shown.achievements.map((a) => a.title)).toEqual(['Completed a first project']);
    expect(
      ((await call('GET', '/me/featured-projects', 'marta')).body as MyFeaturedProjects).items,
    ).toEqual([]);
  });

  it('marks a first and a tenth kept booking, counting neither cancelled nor missed ones', async () => {
    await addPeopleWithTokens(
      cave.app.db,
      issuer,
      { booker: ['makrx-hub-bengaluru', 'makerspace_admin'] },
      { ids, tokens },
    );
    const made = await call('POST', '/makerspaces/makrx-hub-bengaluru/equipment', 'booker', {
      name: 'Milestone laser',
      slug: 'milestone-laser',
      type: 'laser_cutter',
      hourlyRateCents: 500,
    });
    expect(made.status).toBe(201);
    const equipmentId = (made.body as { id: string }).id;
    const space = await call('GET', '/makerspaces/makrx-hub-bengaluru');
    const makerspaceId = (space.body as { id: string }).id;
    const day = 24 * 60 * 60 * 1000;
    const booking = (daysAgo: number, status: 'completed' | 'cancelled' | 'no_show') => ({
      makerspaceId,
      equipmentId,
      userId: ids.booker!,
      startsAt: new Date(Date.now() - daysAgo * day).toISOString(),
      endsAt: new Date(Date.now() - daysAgo * day + 60 * 60 * 1000).toISOString(),
      status,
    });
    // Nine kept, two not: no tenth yet.
    await recordPastBookings(cave.app.db, [
      ...Array.from({ length: 9 }, (_, i) => booking(40 - i, 'completed')),
      booking(20, 'cancelled'),
      booking(19, 'no_show'),
    ]);
    await awardAndSync();
    const titles = async () =>
      ((await call('GET', '/me/achievements', 'booker')).body as MyAchievements).items.map(
        (a) => a.title,
      );
    expect(await titles()).toEqual(['Booked a first machine']);
    await recordPastBookings(cave.app.db, [booking(3, 'completed')]);
    await awardAndSync();
    expect(await titles()).toEqual(['Booked a first machine', 'Ten machine bookings']);
    const tenth = ((await call('GET', '/me/achievements', 'booker')).body as MyAchievements)
      .items[1]!;
    expect(new Date(tenth.earnedAt).getTime()).toBeCloseTo(Date.now() - 3 * day, -5);
  });

  it('follows a project its owner completes at once, through the outbox', async () => {
    await joinAs(cave.app.db, 'makrx-hub-bengaluru', ids.ananya!, 'member');
    const completed = await call('PATCH', '/projects/tendon-driven-prosthetic-hand', 'ananya', {
      status: 'completed',
    });
    expect(completed.status, JSON.stringify(completed.body)).toBe(200);
    // Not the minute's sweep: the project's own event records it.
    await cave.app.events.deliverDue();
    const mine = (await call('GET', '/me/achievements', 'ananya')).body as MyAchievements;
    expect(mine.items.map((a) => a.title)).toEqual([
      'Completed a first project',
      'Completed “Tendon-driven prosthetic hand”',
    ]);
  });
});
