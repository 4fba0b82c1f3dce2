import { randomUUID } from 'node:crypto';
import type { ActivityReport, FeedPage, FollowState, MyFollows } from '@makrx/contracts';
import { featureFlags } from '@makrx/db/schema';
import { testDrivers } from '@makrx/service-kit/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAuthServiceWithDemoUsers } from '../../testing';
import { profileHandleOf } from '../profiles/testing';
import { communityActivity, makerspaceFollows } from './tables';

type Started = Awaited<ReturnType<typeof startAuthServiceWithDemoUsers>>;

describe.each(testDrivers)('following makers and the feed over %s', (driver) => {
  let started: Started;
  let memberHandle: string;
  let customerHandle: string;
  const ids = (name: string) => started.ids[name]!;

  const as = async (who: string) =>
    `Bearer ${await started.tokenFor(who, who === 'superadmin' ? ['super_admin'] : ['store_customer'])}`;
  const call = async (
    method: 'GET' | 'PUT' | 'DELETE' | 'POST',
    url: string,
    who?: string,
    payload?: unknown,
  ) =>
    started.auth.app.inject({
      method,
      url,
      headers: who ? { authorization: await as(who) } : {},
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const caveToken = async () => `Bearer ${await started.issuer.serviceToken('makrcave-backend')}`;
  const report = async (body: ActivityReport | Record<string, unknown>) =>
    started.auth.app.inject({
      method: 'POST',
      url: '/api/v1/community/activity',
      headers: { authorization: await caveToken() },
      payload: body,
    });
  const feed = async (who: string, query = '') =>
    (await call('GET', `/api/v1/me/feed${query}`, who)).json() as FeedPage;
  const activity = (overrides: Partial<ActivityReport> & { user_id: string }): ActivityReport => ({
    activity_id: `project-published:${randomUUID()}`,
    kind: 'project.published',
    project_id: randomUUID(),
    title: 'Tendon-driven thumb',
    summary: 'A printed thumb that bends.',
    link: '/projects/tendon-thumb',
    occurred_at: new Date().toISOString(),
    ...overrides,
  });

  beforeAll(async () => {
    started = await startAuthServiceWithDemoUsers(driver);
    // The member shows their profile; the customer keeps theirs private (as every new account).
    await call('PUT', '/api/v1/me/profile/visibility', 'member', { public: true });
    await call('GET', '/api/v1/me/profile', 'customer');
    memberHandle = (await profileHandleOf(started.auth.app.db, ids('member')))!;
    customerHandle = (await profileHandleOf(started.auth.app.db, ids('customer')))!;
  });
  afterAll(() => started.close());

  it('follows a maker once however often it is asked, and counts the follower publicly', async () => {
    const first = await call('PUT', '/api/v1/me/follows/makers/tom-okafor', 'member');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ following: true, followers: 1 });
    const again = await call('PUT', '/api/v1/me/follows/makers/tom-okafor', 'member');
    expect(again.json()).toEqual({ following: true, followers: 1 });

    const seenByGuest = await call('GET', '/api/v1/community/makers/tom-okafor/followers');
    expect(seenByGuest.json()).toEqual({ following: false, followers: 1, isYou: false });
    const seenByMember = await call(
      'GET',
      '/api/v1/community/makers/tom-okafor/followers',
      'member',
    );
    expect(seenByMember.json()).toEqual({ following: true, followers: 1, isYou: false });
    const own = await call('GET', `/api/v1/community/makers/${memberHandle}/followers`, 'member');
    expect(own.json()).toMatchObject({ following: false, isYou: true });

    const follows: MyFollows = (await call('GET', '/api/v1/me/follows', 'member')).json();
    expect(follows.makers.map((m) => m.handle)).toEqual(['tom-okafor']);
    expect(follows.makers[0]).toMatchObject({ displayName: 'Tom Okafor' });
  });

  it('unfollows, and unfollowing again changes nothing', async () => {
    await call('PUT', '/api/v1/me/follows/makers/marta-silva', 'member');
    const gone = await call('DELETE', '/api/v1/me/follows/makers/marta-silva', 'member');
    expect(gone.json()).toEqual({ following: false, followers: 0 });
    const again = await call('DELETE', '/api/v1/me/follows/makers/marta-silva', 'member');
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ following: false, followers: 0 });
    const follows: MyFollows = (await call('GET', '/api/v1/me/follows', 'member')).json();
    expect(follows.makers.map((m) => m.handle)).not.toContain('marta-silva');
  });

  it('refuses following yourself with 422 and a private or unknown profile with 404', async () => {
    const self = await call('PUT', `/api/v1/me/follows/makers/${memberHandle}`, 'member');
    expect(self.statusCode).toBe(422);
    expect(self.json().error.code).toBe('CANNOT_FOLLOW_SELF');
    const hidden = await call('PUT', `/api/v1/me/follows/makers/${customerHandle}`, 'member');
    expect(hidden.statusCode).toBe(404);
    expect((await call('PUT', '/api/v1/me/follows/makers/nobody-here', 'member')).statusCode).toBe(
      404,
    );
    const count = await call('GET', `/api/v1/community/makers/${customerHandle}/followers`);
    expect(count.statusCode).toBe(404);
    const malformed = await call('PUT', '/api/v1/me/follows/makers/Not_A_Handle', 'member');
    expect(malformed.statusCode).toBe(400);
  });

  it('asks a guest to sign in before following or reading a feed', async () => {
    expect((await call('PUT', '/api/v1/me/follows/makers/tom-okafor')).statusCode).toBe(401);
    expect((await call('DELETE', '/api/v1/me/follows/makers/tom-okafor')).statusCode).toBe(401);
    expect((await call('GET', '/api/v1/me/feed')).statusCode).toBe(401);
    expect((await call('GET', '/api/v1/me/follows')).statusCode).toBe(401);
  });

  it('records a reported activity once per activity id, only from MakrCave', async () => {
    const item = activity({ user_id: ids('ananya-rao') });
    expect((await call('POST', '/api/v1/community/activity', undefined, item)).statusCode).toBe(
      401,
    );
    expect((await call('POST', '/api/v1/community/activity', 'member', item)).statusCode).toBe(403);
    const storeToken = await started.issuer.serviceToken('store-backend');
    const fromStore = await started.auth.app.inject({
      method: 'POST',
      url: '/api/v1/community/activity',
      headers: { authorization: `Bearer ${storeToken}` },
      payload: item,
    });
    expect(fromStore.statusCode).toBe(403);

    expect((await report(item)).json()).toEqual({ activityId: item.activity_id, recorded: true });
    const renamed = await report({
      ...item,
      title: 'Tendon thumb v2',
      occurred_at: new Date(0).toISOString(),
    });
    expect(renamed.json()).toEqual({ activityId: item.activity_id, recorded: false });
    const rows = await started.auth.app.db
      .select()
      .from(communityActivity)
      .where(eq(communityActivity.id, item.activity_id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ title: 'Tendon thumb v2' });
    expect(rows[0]!.occurredAt.toISOString()).toBe(item.occurred_at);
  });

  it('refuses a malformed, oversized or unknown-user report and records nothing', async () => {
    const before = (await started.auth.app.db.select().from(communityActivity)).length;
    const malformed = await report({ activity_id: 'has spaces', kind: 'project.published' });
    expect(malformed.statusCode).toBe(400);
    const huge = await report(
      activity({ user_id: ids('ananya-rao'), summary: 'x'.repeat(20_000) }),
    );
    expect(huge.statusCode).toBe(413);
    const unknown = await report(activity({ user_id: randomUUID() }));
    expect(unknown.statusCode).toBe(404);
    expect((await started.auth.app.db.select().from(communityActivity)).length).toBe(before);
  });

  it('shows followed makers’ and makerspaces’ activity newest first, a page at a time', async () => {
    await call('PUT', '/api/v1/me/follows/makers/kenji-watanabe', 'spaceadmin');
    const space = randomUUID();
    await started.auth.app.db.insert(makerspaceFollows).values({
      followerId: ids('spaceadmin'),
      makerspaceId: space,
      slug: 'harbour-makers',
      name: 'Harbour Makers',
    });
    const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 12, minutes)).toISOString();
    const kenji = ids('kenji-watanabe');
    await report(activity({ user_id: kenji, title: 'Oldest', occurred_at: at(1) }));
    await report(activity({ user_id: kenji, title: 'Middle', occurred_at: at(2) }));
    await report(
      activity({
        user_id: ids('sara-lindqvist'),
        title: 'At the followed makerspace',
        makerspace_id: space,
        makerspace_name: 'Harbour Makers',
        occurred_at: at(3),
      }),
    );
    await report(
      activity({ user_id: ids('sara-lindqvist'), title: 'Elsewhere', occurred_at: at(4) }),
    );
    await report(
      activity({
        user_id: kenji,
        kind: 'project.completed',
        activity_id: `project-completed:${randomUUID()}:1`,
        title: 'Newest',
        occurred_at: at(5),
      }),
    );

    const first = await feed('spaceadmin', '?limit=2');
    expect(first.items.map((i) => i.title)).toEqual(['Newest', 'At the followed makerspace']);
    expect(first.items.map((i) => i.via)).toEqual(['maker', 'makerspace']);
    expect(first.items[0]).toMatchObject({
      kind: 'project.completed',
      maker: { handle: 'kenji-watanabe', displayName: 'Kenji Watanabe' },
    });
    expect(first.nextCursor).not.toBeNull();
    const second = await feed('spaceadmin', `?limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((i) => i.title)).toEqual(['Middle', 'Oldest']);
    expect(second.nextCursor).toBeNull();
    expect((await call('GET', '/api/v1/me/feed?cursor=bm9wZQ', 'spaceadmin')).statusCode).toBe(400);
  });

  it('drops a project’s items once MakrCave says it went private', async () => {
    const projectId = randomUUID();
    await call('PUT', '/api/v1/me/follows/makers/ananya-rao', 'provider');
    await report(
      activity({ user_id: ids('ananya-rao'), project_id: projectId, title: 'Soon private' }),
    );
    expect((await feed('provider')).items.map((i) => i.title)).toContain('Soon private');

    const withdraw = (authorization?: string) =>
      started.auth.app.inject({
        method: 'DELETE',
        url: `/api/v1/community/activity/projects/${projectId}`,
        headers: authorization ? { authorization } : {},
      });
    expect((await withdraw()).statusCode).toBe(401);
    expect((await withdraw(await as('provider'))).statusCode).toBe(403);
    expect((await withdraw(await caveToken())).json()).toEqual({ projectId, removed: 1 });
    expect((await withdraw(await caveToken())).json()).toEqual({ projectId, removed: 0 });
    expect((await feed('provider')).items.map((i) => i.title)).not.toContain('Soon private');
  });

  it('never names a maker whose profile went private, nor shows the reader’s own activity', async () => {
    await call('PUT', `/api/v1/me/follows/makers/${memberHandle}`, 'customer');
    await report(activity({ user_id: ids('member'), title: 'Member’s build' }));
    expect((await feed('customer')).items.map((i) => i.title)).toContain('Member’s build');
    expect((await feed('member')).items.map((i) => i.title)).not.toContain('Member’s build');

    await call('PUT', '/api/v1/me/profile/visibility', 'member', { public: false });
    expect((await feed('customer')).items.map((i) => i.title)).not.toContain('Member’s build');
    const follows: MyFollows = (await call('GET', '/api/v1/me/follows', 'customer')).json();
    expect(follows.makers).toEqual([]);
    await call('PUT', '/api/v1/me/profile/visibility', 'member', { public: true });
  });

  it('answers 404 FEATURE_DISABLED everywhere while the community is off', async () => {
    await started.auth.app.db
      .update(featureFlags)
      .set({ enabled: false })
      .where(eq(featureFlags.key, 'ENABLE_COMMUNITY_FEATURES'));
    try {
      for (const [method, url, who] of [
        ['PUT', '/api/v1/me/follows/makers/ananya-rao', 'member'],
        ['GET', '/api/v1/me/feed', 'member'],
        ['GET', '/api/v1/me/follows', 'member'],
        ['GET', '/api/v1/community/makers/ananya-rao/followers', undefined],
      ] as const) {
        const response = await call(method, url, who);
        expect(response.statusCode, url).toBe(404);
        expect(response.json().error.code).toBe('FEATURE_DISABLED');
      }
      const refused = await report(activity({ user_id: ids('ananya-rao'), title: 'While off' }));
      expect(refused.statusCode).toBe(404);
      const follows = (await call('GET', '/api/v1/community/makers/ananya-rao/followers')).json();
      expect(follows.error.code).toBe('FEATURE_DISABLED');
    } finally {
      await started.auth.app.db
        .update(featureFlags)
        .set({ enabled: true })
        .where(eq(featureFlags.key, 'ENABLE_COMMUNITY_FEATURES'));
    }
    const state: FollowState = (
      await call('GET', '/api/v1/community/makers/ananya-rao/followers')
    ).json();
    expect(state.followers).toBe(1);
  });
});
