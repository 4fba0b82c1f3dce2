import type { MakerProfile, ProfilePage } from '@makrx/contracts';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authService } from '../../service';
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
