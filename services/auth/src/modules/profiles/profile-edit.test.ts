import type { MakerProfile, OwnProfile, ProfilePage } from '@makrx/contracts';
import { auditLogs } from '@makrx/db/schema';
import { testDrivers } from '@makrx/service-kit/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAuthServiceWithDemoUsers } from '../../testing';

describe.each(testDrivers)('a maker edits their own profile over %s', (driver) => {
  let started: Awaited<ReturnType<typeof startAuthServiceWithDemoUsers>>;
  beforeAll(async () => {
    started = await startAuthServiceWithDemoUsers(driver);
  });
  afterAll(() => started.close());

  const bearer = async (username: string) => ({
    authorization: `Bearer ${await started.tokenFor(username, ['store_customer'])}`,
  });
  const edit = async (payload: unknown, headers: Record<string, string> = {}) =>
    started.auth.app.inject({
      method: 'PATCH',
      url: '/api/v1/me/profile',
      headers,
      payload: payload as object,
    });
  const own = async (username: string): Promise<OwnProfile> =>
    (
      await started.auth.app.inject({
        method: 'GET',
        url: '/api/v1/me/profile',
        headers: await bearer(username),
      })
    ).json();
  const edits = async (username: string) =>
    started.auth.app.db
      .select({ before: auditLogs.before, after: auditLogs.after })
      .from(auditLogs)
      .where(
        and(eq(auditLogs.entityId, started.ids[username]!), eq(auditLogs.action, 'profile.edited')),
      );

  it('saves name, headline, Markdown bio, city, skills and links, and shows them once public', async () => {
    const owner = await bearer('member');
    const saved = await edit(
      {
        displayName: '  Milo Maker ',
        headline: 'Laser-cut lamps',
        bio: 'I build **lamps**: [shop](https://shop.example.org).\n\n<script>alert(1)</script><a href="javascript:alert(1)" onclick="x()">site</a>',
        location: 'Lisbon, Portugal',
        skills: ['Laser cutting', 'LED drivers'],
        links: [{ label: 'Portfolio', url: 'https://milo.example.org/' }],
      },
      owner,
    );
    expect(saved.statusCode).toBe(200);
    expect(saved.headers['cache-control']).toBe('no-store');
    expect(saved.json()).toMatchObject({
      displayName: 'Milo Maker',
      headline: 'Laser-cut lamps',
      location: 'Lisbon, Portugal',
      skills: ['Laser cutting', 'LED drivers'],
      links: [{ label: 'Portfolio', url: 'https://milo.example.org/' }],
    });

    await started.auth.app.inject({
      method: 'PUT',
      url: '/api/v1/me/profile/visibility',
      headers: owner,
      payload: { public: true },
    });
    const shown: MakerProfile = (await started.auth.app.inject('/api/v1/profiles/member')).json();
    expect(shown.displayName).toBe('Milo Maker');
    expect(shown.bioHtml).toContain('<strong>lamps</strong>');
    expect(shown.bioHtml).not.toMatch(/<script|javascript:|onclick/);
    expect(shown.bioHtml).toContain(
      '<a href="https://shop.example.org" rel="nofollow ugc noopener noreferrer">shop</a>',
    );
    expect(shown.links).toEqual([{ label: 'Portfolio', url: 'https://milo.example.org/' }]);

    const [change] = await edits('member');
    expect(change?.before).toMatchObject({ displayName: 'Milo Member', headline: '' });
    expect(change?.after).toMatchObject({
      displayName: 'Milo Maker',
      location: 'Lisbon, Portugal',
    });
  });

  it('changes only the fields sent, and records nothing when nothing changed', async () => {
    const owner = await bearer('member');
    const before = await own('member');
    const bio = await edit({ bio: 'Lamps, mostly.' }, owner);
    expect(bio.json()).toEqual({ ...before, bio: 'Lamps, mostly.' });
    const count = (await edits('member')).length;
    expect((await edit({ bio: 'Lamps, mostly.' }, owner)).statusCode).toBe(200);
    expect(await edits('member')).toHaveLength(count);
  });

  it('finds a maker in the directory by skill and by city, any case', async () => {
    const list = async (query: string): Promise<ProfilePage> =>
      (await started.auth.app.inject(`/api/v1/profiles?${query}`)).json();
    const bySkill = await list('skill=laser%20CUTTING');
    expect(bySkill.items.map((p) => p.handle).sort()).toEqual([
      'kenji-watanabe',
      'member',
      'sara-lindqvist',
    ]);
    const byCity = await list('city=lisbon');
    expect(byCity.items.map((p) => p.handle).sort()).toEqual([
      'marta-silva',
      'member',
      'sara-lindqvist',
    ]);
    expect((await list('skill=Knitting')).total).toBe(0);
    // The most recently active maker first: Milo just edited.
    expect((await list('page=1')).items[0]?.handle).toBe('member');
    expect(byCity.facets.cities).toContainEqual({ value: 'Lisbon', count: 3 });
    expect(byCity.facets.skills).toContainEqual({ value: 'Laser cutting', count: 3 });
  });

  it('refuses bad input with 400 naming the field, and changes nothing', async () => {
    const owner = await bearer('provider');
    const before = await own('provider');
    const refusals: [unknown, string][] = [
      [{ displayName: '   ' }, 'displayName'],
      [{ displayName: 'x'.repeat(81) }, 'displayName'],
      [{ bio: 'x'.repeat(4001) }, 'bio'],
      [{ skills: Array.from({ length: 13 }, (_, i) => `Skill ${i}`) }, 'skills'],
      [{ skills: ['Welding', 'welding'] }, 'skills'],
      [{ skills: ['x'.repeat(41)] }, 'skills.0'],
      [{ links: [{ label: 'Mine', url: 'javascript:alert(1)' }] }, 'links.0.url'],
      [{ links: [{ label: 'Mine', url: 'ftp://files.example.org' }] }, 'links.0.url'],
      [
        {
          links: Array.from({ length: 6 }, (_, i) => ({
            label: `L${i}`,
            url: 'https://a.example',
          })),
        },
        'links',
      ],
      [{ handle: 'someone-else' }, ''],
      [{ public: true }, ''],
    ];
    for (const [payload, field] of refusals) {
      const refused = await edit(payload, owner);
      expect(refused.statusCode, JSON.stringify(payload)).toBe(400);
      expect(refused.json().error.code).toBe('VALIDATION_FAILED');
      if (field) expect(refused.json().error.details[0].field).toBe(field);
    }
    expect((await edit({}, owner)).statusCode).toBe(400);
    expect(await own('provider')).toEqual(before);
    expect(await edits('provider')).toEqual([]);
  });

  it('asks a guest to sign in with 401 and changes nothing', async () => {
    const before = await own('customer');
    const refused = await edit({ displayName: 'Mallory' });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.code).toBe('AUTHENTICATION_REQUIRED');
    expect(await own('customer')).toEqual(before);
  });

  it('refuses a service account, which is nobody’s profile, with 403', async () => {
    const token = await started.issuer.serviceToken('makrcave-backend');
    const refused = await edit({ displayName: 'Cave' }, { authorization: `Bearer ${token}` });
    expect(refused.statusCode).toBe(403);
  });

  it('changes only the caller’s own profile: nobody else’s is reachable', async () => {
    const ananya = (await started.auth.app.inject('/api/v1/profiles/ananya-rao')).json();
    const attempts = [
      { method: 'PATCH' as const, url: '/api/v1/profiles/ananya-rao' },
      { method: 'PUT' as const, url: '/api/v1/profiles/ananya-rao' },
    ];
    for (const attempt of attempts) {
      const refused = await started.auth.app.inject({
        ...attempt,
        headers: await bearer('customer'),
        payload: { displayName: 'Mallory' },
      });
      expect(refused.statusCode).toBe(404);
    }
    expect((await started.auth.app.inject('/api/v1/profiles/ananya-rao')).json()).toEqual(ananya);
  });

  it('refuses a body larger than a profile with 413', async () => {
    const refused = await edit({ bio: 'x'.repeat(2_000_000) }, await bearer('customer'));
    expect(refused.statusCode).toBe(413);
    expect(refused.json().error.code).toBe('BODY_TOO_LARGE');
  });
});
