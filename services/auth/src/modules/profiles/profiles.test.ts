import type { MakerProfile, ProfilePage } from '@makrx/contracts';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { sql } from 'drizzle-orm';
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
