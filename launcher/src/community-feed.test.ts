import { serviceAccessToken } from '@makrx/auth-service/testing';
import type { CommunityMembers, FeedPage, OwnProfile, Project } from '@makrx/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLauncherConfig } from './config';
import { embeddedMakrxForTest } from './testing';

/*
 * The community across the services of npm start (issue 15): the cave reports a maker's public
 * projects to MakrX.org through its outbox, MakrX.org's feed shows them to followers of the
 * maker or of the makerspace, and the members directory asks the cave who belongs.
 */

const system = embeddedMakrxForTest('community', 29600);
const { auth: org, cave } = system.api;
const HUB = 'makrx-hub-bengaluru';
const tokens = { member: '', spaceadmin: '', customer: '', caveService: '' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function call(method: string, url: string, token: string, body?: unknown) {
  return fetch(url, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}
const json = async <T>(method: string, url: string, token: string, body?: unknown) => {
  const response = await call(method, url, token, body);
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url} answered ${response.status}: ${text}`);
  return JSON.parse(text) as T;
};
const feedTitles = async (who: keyof typeof tokens) =>
  (await json<FeedPage>('GET', `${org}/me/feed`, tokens[who])).items.map((i) => i.title);

/** Waits, up to a generous bound, for the cave's outbox to have reached MakrX.org. */
async function eventually(check: () => Promise<boolean>) {
  for (let i = 0; i < 150; i += 1) {
    if (await check()) return;
    await sleep(200);
  }
  throw new Error('MakrX.org never heard of the change');
}

beforeAll(async () => {
  await system.start();
  const config = loadLauncherConfig(system.env);
  tokens.member = await system.signIn('member@demo.makrx.org');
  tokens.spaceadmin = await system.signIn('spaceadmin@demo.makrx.org');
  tokens.customer = await system.signIn('customer@demo.makrx.org');
  tokens.caveService = await serviceAccessToken(
    system.issuer,
    'makrcave-backend',
    config.CLIENT_SECRET_MAKRCAVE_BACKEND,
  );
  await json('PUT', `${org}/me/profile/visibility`, tokens.member, { public: true });
}, 180_000);
afterAll(() => system.stop());

describe('following makers and makerspaces across the services of npm start', () => {
  let publicSlug = '';
  const stamp = Date.now().toString(36);
  const shown = `Community garden sensor ${stamp}`;
  const hidden = `Secret gift box ${stamp}`;

  it('follows a maker by handle and a makerspace by its MakrCave slug', async () => {
    const { handle } = await json<OwnProfile>('GET', `${org}/me/profile`, tokens.member);
    const maker = await json('PUT', `${org}/me/follows/makers/${handle}`, tokens.customer);
    expect(maker).toEqual({ following: true, followers: 1 });
    const space = await json('PUT', `${org}/me/follows/makerspaces/${HUB}`, tokens.spaceadmin);
    expect(space).toMatchObject({ following: true, followers: 1 });
    const unknown = await call(
      'PUT',
      `${org}/me/follows/makerspaces/no-such-space`,
      tokens.customer,
    );
    expect(unknown.status).toBe(404);
  });

  it('puts the maker’s next public project in their followers’ feeds, never a private one', async () => {
    const project = (title: string, visibility: 'public' | 'private') =>
      json<Project>('POST', `${cave}/projects`, tokens.member, {
        title,
        summary: 'Soil moisture, logged every hour.',
        visibility,
        makerspace: HUB,
      });
    await project(hidden, 'private');
    publicSlug = (await project(shown, 'public')).slug;

    // Events leave the cave in order: once the public one arrived, the private one had its turn.
    await eventually(async () => (await feedTitles('customer')).includes(shown));
    expect(await feedTitles('customer')).not.toContain(hidden);
    const page = await json<FeedPage>('GET', `${org}/me/feed`, tokens.customer);
    expect(page.items.find((i) => i.title === shown)).toMatchObject({
      kind: 'project.published',
      via: 'maker',
      maker: { displayName: 'Milo Member' },
      makerspace: { name: 'MakrX Hub Bengaluru' },
      link: `/projects/${publicSlug}`,
    });
    // The admin follows the makerspace, not Milo: it reaches them through the makerspace.
    const admin = await json<FeedPage>('GET', `${org}/me/feed`, tokens.spaceadmin);
    expect(admin.items.find((i) => i.title === shown)).toMatchObject({ via: 'makerspace' });
    expect(admin.items.map((i) => i.title)).not.toContain(hidden);
  });

  it('takes a project out of the feed once its owner makes it private', async () => {
    await json('PUT', `${cave}/projects/${publicSlug}/visibility`, tokens.member, {
      visibility: 'private',
    });
    await eventually(async () => !(await feedTitles('customer')).includes(shown));
    expect(await feedTitles('spaceadmin')).not.toContain(shown);
  });

  it('lists a makerspace’s members with public profiles for its people and for MakrCave', async () => {
    const directory = await json<CommunityMembers>(
      'GET',
      `${org}/makerspaces/${HUB}/community-members`,
      tokens.spaceadmin,
    );
    expect(directory.makerspace.slug).toBe(HUB);
    expect(directory.items.map((m) => m.displayName)).toContain('Milo Member');
    // The admin and the provider keep their profiles private: counted, never named.
    expect(directory.privateMembers).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(directory)).not.toContain('@demo.makrx.org');

    const fromCave = await json<CommunityMembers>(
      'GET',
      `${org}/community/members?makerspace_id=${directory.makerspace.id}&role_filter=makerspace_admin`,
      tokens.caveService,
    );
    expect(fromCave.items).toEqual([]);
    expect(fromCave.privateMembers).toBe(1);

    // A member of another makerspace is told it is not there; someone in no makerspace may
    // not read it; a guest is asked to sign in.
    const elsewhere = await call(
      'GET',
      `${org}/makerspaces/tinkerworks-pune/community-members`,
      tokens.spaceadmin,
    );
    expect(elsewhere.status).toBe(404);
    expect(
      (await call('GET', `${org}/makerspaces/${HUB}/community-members`, tokens.customer)).status,
    ).toBe(403);
    expect((await fetch(`${org}/makerspaces/${HUB}/community-members`)).status).toBe(401);
    expect(
      (
        await call(
          'GET',
          `${org}/community/members?makerspace_id=${directory.makerspace.id}`,
          tokens.member,
        )
      ).status,
    ).toBe(403);
  });
});
