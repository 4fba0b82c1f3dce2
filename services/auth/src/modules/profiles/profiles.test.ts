import type { MakerProfile, MakerProfileDetail, OwnProfile, ProfilePage } from '@makrx/contracts';
import { auditLogs } from '@makrx/db/schema';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authService } from '../../service';
import { startAuthServiceWithDemoUsers } from '../../testing';
import { profileHandleOf } from './testing';
import { profileSearchDocument, profiles } from './tables';

describe.each(testDrivers)('public maker profiles over %s', (driver) => {
  let auth: TestService;
  const get = (url: string) => auth.app.inject(url);
  beforeAll(async () => {
    auth = await startTestService(authService, driver);
  });
  afterAll(() => auth.close());

  it('shows a maker’s public profile by handle', async () => {
    const response = await get('/api/v1/profiles/ananya-rao');
    expect(response.statusCode).toBe(200);
    const profile: MakerProfile = response.json();
    expect(profile).toMatchObject({ displayName: 'Ananya Rao', location: 'Bengaluru, India' });
    expect(profile.skills).toContain('3D printing');
    expect(Date.parse(profile.joinedAt)).not.toBeNaN();
    expect(profile).not.toHaveProperty('email');
  });

  it('still shows the profile when MakrCave does not answer, without makerspaces', async () => {
    // No MakrCave runs beside this test: the profile renders and says its makerspaces are unknown.
    const response = await get('/api/v1/profiles/ananya-rao');
    expect(response.statusCode).toBe(200);
    const profile: MakerProfileDetail = response.json();
    expect(profile).toMatchObject({ handle: 'ananya-rao', makerspaces: null });
  });

  it('lists only featured makers for the spotlight', async () => {
    const page: ProfilePage = (await get('/api/v1/profiles?featured=true')).json();
    expect(page.total).toBe(6);
    expect(page.items.every((p) => p.featured)).toBe(true);
  });

  it('answers an unknown handle with 404 and a malformed one with 400', async () => {
    expect((await get('/api/v1/profiles/nobody-here')).statusCode).toBe(404);
    const bad = await get('/api/v1/profiles/Not_A_Handle');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({ location: 'path', field: 'handle' });
  });

  it('answers from the full-text index', async () => {
    const plan = await auth.app.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const query = sql`websearch_to_tsquery('english', 'synth')`;
      const rows = await tx.execute(
        sql`explain select ${profiles.handle} from ${profiles} where ${profileSearchDocument(profiles)} @@ ${query}`,
      );
      return JSON.stringify(rows.rows);
    });
    expect(plan).toContain('profiles_search_idx');
  });
});

describe.each(testDrivers)('who is listed among the makers over %s', (driver) => {
  let started: Awaited<ReturnType<typeof startAuthServiceWithDemoUsers>>;
  beforeAll(async () => {
    started = await startAuthServiceWithDemoUsers(driver);
  });
  afterAll(() => started.close());

  const listed = async () => {
    const page: ProfilePage = (
      await started.auth.app.inject('/api/v1/profiles?pageSize=100')
    ).json();
    return page.items.map((profile) => profile.handle);
  };
  const chooseVisibility = async (visible: boolean) =>
    started.auth.app.inject({
      method: 'PUT',
      url: '/api/v1/me/profile/visibility',
      headers: {
        authorization: `Bearer ${await started.tokenFor('customer', ['store_customer'])}`,
      },
      payload: { public: visible },
    });

  it('lists a store customer only after they chose to make their profile public', async () => {
    const handle = (await profileHandleOf(started.auth.app.db, started.ids.customer!))!;
    expect(await listed()).not.toContain(handle);
    expect((await started.auth.app.inject(`/api/v1/profiles/${handle}`)).statusCode).toBe(404);
    expect(await listed()).toContain('ananya-rao');

    const chosen = await chooseVisibility(true);
    expect(chosen.statusCode).toBe(200);
    expect(chosen.json()).toEqual({ public: true });
    expect(await listed()).toContain(handle);
    expect((await started.auth.app.inject(`/api/v1/profiles/${handle}`)).statusCode).toBe(200);

    expect((await chooseVisibility(false)).statusCode).toBe(200);
    expect(await listed()).not.toContain(handle);
  });

  it('refuses a visibility that is not a yes or no, and a caller who is not signed in', async () => {
    const handle = (await profileHandleOf(started.auth.app.db, started.ids.customer!))!;
    const bad = await started.auth.app.inject({
      method: 'PUT',
      url: '/api/v1/me/profile/visibility',
      headers: {
        authorization: `Bearer ${await started.tokenFor('customer', ['store_customer'])}`,
      },
      payload: { public: 'yes' },
    });
    expect(bad.statusCode).toBe(400);
    const anonymous = await started.auth.app.inject({
      method: 'PUT',
      url: '/api/v1/me/profile/visibility',
      payload: { public: true },
    });
    expect(anonymous.statusCode).toBe(401);
    expect(await listed()).not.toContain(handle);
  });
});

describe.each(testDrivers)('your own maker profile over %s', (driver) => {
  let started: Awaited<ReturnType<typeof startAuthServiceWithDemoUsers>>;
  beforeAll(async () => {
    started = await startAuthServiceWithDemoUsers(driver);
  });
  afterAll(() => started.close());

  const bearer = async (username: string) => ({
    authorization: `Bearer ${await started.tokenFor(username, [])}`,
  });
  const readOwn = async (headers: Record<string, string> = {}) =>
    started.auth.app.inject({ method: 'GET', url: '/api/v1/me/profile', headers });
  const chooseVisibility = async (payload: object, headers: Record<string, string> = {}) =>
    started.auth.app.inject({
      method: 'PUT',
      url: '/api/v1/me/profile/visibility',
      headers,
      payload,
    });
  const listed = async () => {
    const page: ProfilePage = (
      await started.auth.app.inject('/api/v1/profiles?pageSize=100')
    ).json();
    return page.items.map((profile) => profile.handle);
  };
  /** The audit trail of visibility changes, of one user or of everyone. */
  const visibilityChanges = async (username?: string) =>
    (
      await started.auth.app.db
        .select({ action: auditLogs.action })
        .from(auditLogs)
        .where(username ? eq(auditLogs.entityId, started.ids[username]!) : undefined)
    )
      .map((row) => row.action)
      .filter((action) => action.startsWith('profile.made_'));

  it('shows its owner their private profile, then the public one after they chose so', async () => {
    const owner = await bearer('member');
    const before = await readOwn(owner);
    expect(before.statusCode).toBe(200);
    expect(before.headers['cache-control']).toBe('no-store');
    const own: OwnProfile = before.json();
    expect(own).toMatchObject({ handle: 'member', displayName: 'Milo Member', public: false });
    expect(await listed()).not.toContain('member');

    expect((await chooseVisibility({ public: true }, owner)).statusCode).toBe(200);
    expect((await readOwn(owner)).json()).toEqual({ ...own, public: true });
    expect(await listed()).toContain('member');

    expect((await chooseVisibility({ public: false }, owner)).statusCode).toBe(200);
    expect((await readOwn(owner)).json()).toEqual(own);
    expect(await listed()).not.toContain('member');
    expect((await visibilityChanges('member')).sort()).toEqual([
      'profile.made_private',
      'profile.made_public',
    ]);
  });

  it('asks a guest to sign in with 401, for reading and for changing, and changes nothing', async () => {
    const listedBefore = await listed();
    const changesBefore = await visibilityChanges();

    const read = await readOwn();
    expect(read.statusCode).toBe(401);
    expect(read.json().error.code).toBe('AUTHENTICATION_REQUIRED');
    const changed = await chooseVisibility({ public: true });
    expect(changed.statusCode).toBe(401);
    expect(changed.json().error.code).toBe('AUTHENTICATION_REQUIRED');

    expect(await listed()).toEqual(listedBefore);
    expect(await visibilityChanges()).toEqual(changesBefore);
  });

  it('refuses a malformed visibility with 400 and changes nothing', async () => {
    const owner = await bearer('provider');
    for (const payload of [{ public: 'yes' }, { public: null }, { visible: true }]) {
      const refused = await chooseVisibility(payload, owner);
      expect(refused.statusCode, JSON.stringify(payload)).toBe(400);
      expect(refused.json().error.code).toBe('VALIDATION_FAILED');
    }
    expect((await readOwn(owner)).json()).toMatchObject({ public: false });
    expect(await listed()).not.toContain('provider');
    expect(await visibilityChanges('provider')).toEqual([]);
  });

  it('gives a signed-in user who never had a profile a private one when they look', async () => {
    await started.auth.app.db.delete(profiles).where(eq(profiles.userId, started.ids.spaceadmin!));
    const own = await readOwn(await bearer('spaceadmin'));
    expect(own.statusCode).toBe(200);
    expect(own.json()).toEqual({
      handle: 'spaceadmin',
      displayName: 'Maya Spaceadmin',
      public: false,
      headline: '',
      bio: '',
      location: '',
      skills: [],
      links: [],
      avatar: null,
    });
    expect(await profileHandleOf(started.auth.app.db, started.ids.spaceadmin!)).toBe('spaceadmin');
  });
});
