import { SoftwareAuthenticator } from '@makrx/auth-service/testing';
import type { AccountDataExport, FeedPage, PlacedOrder, Product } from '@makrx/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningMakrx } from './start-makrx';
import { embeddedMakrxForTest } from './testing';

const makrx = embeddedMakrxForTest('privacy', 29700);
const { api } = makrx;
const EMAIL = 'member@demo.makrx.org';
const NAME = 'Milo Member';
const FOLLOWER = 'customer@demo.makrx.org';
const SUPER_ADMIN = 'superadmin@demo.makrx.org';
/** The smallest PNG: one pixel, enough for a picture the profile keeps as squares. */
const PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

let running: RunningMakrx;
let token: string;
let userId: string;

beforeAll(async () => {
  running = await makrx.start();
  token = await makrx.signIn(EMAIL);
  userId = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).sub as string;
});
afterAll(() => makrx.stop());

const send = (url: string, init: { method?: string; body?: object; headers?: object } = {}) =>
  fetch(url, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.body ? { 'content-type': 'application/json' } : {}),
      ...(init.headers ?? {}),
    },
    ...(init.body ? { body: JSON.stringify(init.body) } : {}),
  });
const bearer = () => ({ authorization: `Bearer ${token}` });

async function placeOrderAsMember(): Promise<PlacedOrder> {
  const product = (await (await send(`${api.store}/products/esp32-devkit-v1`)).json()) as Product;
  const placed = await send(`${api.store}/orders`, {
    method: 'POST',
    headers: { 'idempotency-key': crypto.randomUUID(), ...bearer() },
    body: {
      items: [{ variantId: product.variants[0]!.id, quantity: 1 }],
      shippingMethod: 'standard',
      shippingAddress: {
        name: NAME,
        line1: '7 Workshop Lane',
        city: 'Bengaluru',
        postalCode: '560001',
        country: 'IN',
      },
    },
  });
  expect(placed.status).toBe(201);
  const order = (await placed.json()) as PlacedOrder;
  // Paid, so its confirmation mail and events carry the buyer's details too.
  const paid = await send(`${api.store}/orders/${order.id}/payments`, {
    method: 'POST',
    headers: { 'x-order-token': order.accessToken },
    body: { paymentMethod: 'tok_visa' },
  });
  expect(paid.status).toBe(201);
  return order;
}

/** Turns passkeys on, as an administrator does, and waits until the auth service sees it. */
async function turnPasskeysOn() {
  const admin = await makrx.signIn(SUPER_ADMIN);
  const changed = await send(`${api.auth}/flags/ENABLE_NEW_AUTHENTICATION_FLOW`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${admin}` },
    body: { enabled: true, justification: 'Account data check: passkeys in the export' },
  });
  expect(changed.status).toBe(200);
  for (let i = 0; i < 50; i += 1) {
    if ((await send(`${api.auth}/me/passkeys`, { headers: bearer() })).status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('passkeys stayed off');
}

/** Adds a passkey through the registration ceremony, as the account page runs it. */
async function addPasskey(name: string) {
  const options = await send(`${api.auth}/me/passkeys/registration-options`, {
    method: 'POST',
    headers: bearer(),
  });
  expect(options.status).toBe(200);
  const authenticator = new SoftwareAuthenticator(new URL(makrx.issuer).origin);
  const added = await send(`${api.auth}/me/passkeys`, {
    method: 'POST',
    headers: bearer(),
    body: { name, response: authenticator.create(await options.json()) },
  });
  expect(added.status).toBe(201);
}

/** Waits, up to a generous bound, until every service's dispatcher has delivered its events. */
async function allEventsDelivered() {
  for (let i = 0; i < 200; i += 1) {
    const pending = await running.database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from public.outbox_events where status = 'pending'`,
    );
    if (pending.rows[0]?.n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('events were still pending');
}

/** Every text, text[] and jsonb column of every table in the four schemas that holds `needle`. */
async function placesHolding(needle: string): Promise<string[]> {
  const columns = await running.database.db.execute<{
    table_schema: string;
    table_name: string;
    column_name: string;
  }>(sql`
    select c.table_schema, c.table_name, c.column_name
    from information_schema.columns c
    join information_schema.tables t
      on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
    where c.table_schema in ('public', 'auth', 'makrcave', 'store')
      and c.data_type in ('text', 'character varying', 'jsonb', 'json', 'ARRAY')`);
  const found: string[] = [];
  for (const { table_schema, table_name, column_name } of columns.rows) {
    const at = `${table_schema}.${table_name}.${column_name}`;
    const result = await running.database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from ${sql.identifier(table_schema)}.${sql.identifier(table_name)} where ${sql.identifier(column_name)}::text ilike ${'%' + needle + '%'}`,
    );
    if ((result.rows[0]?.n ?? 0) > 0) found.push(at);
  }
  return found;
}

describe('a person’s data across the three services of npm start', () => {
  let order: PlacedOrder;

  it('exports profile, memberships, bookings, projects and orders from all three services as one file', async () => {
    order = await placeOrderAsMember();
    const response = await send(`${api.auth}/me/export`, { headers: bearer() });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="makrx-data-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    const data = (await response.json()) as AccountDataExport;
    expect(data.userId).toBe(userId);
    expect(data.auth.account).toMatchObject({ email: EMAIL, displayName: NAME });
    expect(data.auth).toHaveProperty('profile');
    expect(data.auth).toHaveProperty('preferences');
    expect((data.cave.memberships as unknown[]).length).toBeGreaterThan(0);
    expect((data.cave.bookings as unknown[]).length).toBeGreaterThan(0);
    expect((data.cave.projects as { owned: unknown[] }).owned.length).toBeGreaterThan(0);
    expect((data.store.orders as { number: string }[]).map((o) => o.number)).toContain(
      order.number,
    );
    expect(data.retained.map((r) => r.service).sort()).toEqual(
      expect.arrayContaining(['auth', 'cave', 'store']),
    );
  });

  let avatarUrl: string;
  let followerToken: string;

  it('exports the community, passkeys, sessions, profile links and picture added through the apps', async () => {
    const shown = await send(`${api.auth}/me/profile/visibility`, {
      method: 'PUT',
      headers: bearer(),
      body: { public: true },
    });
    expect(shown.status).toBe(200);
    const edited = await send(`${api.auth}/me/profile`, {
      method: 'PATCH',
      headers: bearer(),
      body: { links: [{ label: `${NAME} builds`, url: 'https://milo.example.org/builds' }] },
    });
    expect(edited.status).toBe(200);
    const avatar = await fetch(`${api.auth}/me/profile/avatar`, {
      method: 'PUT',
      headers: { ...bearer(), 'content-type': 'image/png' },
      body: PIXEL_PNG,
    });
    expect(avatar.status).toBe(200);
    avatarUrl = new URL((await avatar.json()).large, api.auth).href;
    expect((await fetch(avatarUrl)).status).toBe(200);

    const followed = await send(`${api.auth}/me/follows/makers/ananya-rao`, {
      method: 'PUT',
      headers: bearer(),
    });
    expect(followed.status).toBe(200);
    followerToken = await makrx.signIn(FOLLOWER);
    const follower = { authorization: `Bearer ${followerToken}` };
    const handle = (
      (await (await send(`${api.auth}/me/profile`, { headers: bearer() })).json()) as {
        handle: string;
      }
    ).handle;
    expect(
      (await send(`${api.auth}/me/follows/makers/${handle}`, { method: 'PUT', headers: follower }))
        .status,
    ).toBe(200);
    // Public now, the profile lists Milo's makerspace as MakrCave knows it.
    const profile = (await (await send(`${api.auth}/profiles/${handle}`)).json()) as {
      makerspaces: { slug: string; name: string }[] | null;
    };
    expect(profile.makerspaces).toContainEqual(
      expect.objectContaining({ slug: 'makrx-hub-bengaluru', name: 'MakrX Hub Bengaluru' }),
    );
    // A public project: MakrCave reports it to the followers' feeds.
    const project = await send(`${api.cave}/projects`, {
      method: 'POST',
      headers: bearer(),
      body: { title: `Tide clock ${crypto.randomUUID().slice(0, 8)}`, visibility: 'public' },
    });
    expect(project.status).toBe(201);
    const title = ((await project.json()) as { title: string }).title;
    await allEventsDelivered();
    const feed = (await (
      await send(`${api.auth}/me/feed`, { headers: follower })
    ).json()) as FeedPage;
    expect(feed.items.map((item) => item.title)).toContain(title);

    await turnPasskeysOn();
    await addPasskey(`${NAME}’s laptop`);

    const data = (await (
      await send(`${api.auth}/me/export`, { headers: bearer() })
    ).json()) as AccountDataExport;
    const community = data.auth.community as {
      followingMakers: { handle: string | null }[];
      followers: unknown[];
      privateFollowers: number;
      activity: { title: string }[];
    };
    expect(community.followingMakers.map((maker) => maker.handle)).toContain('ananya-rao');
    // The follower keeps a private profile: counted, never named.
    expect(community.followers.length + community.privateFollowers).toBeGreaterThan(0);
    expect(community.activity.map((item) => item.title)).toContain(title);
    const passkeys = data.auth.passkeys as Record<string, unknown>[];
    expect(passkeys.map((passkey) => passkey.name)).toEqual([`${NAME}’s laptop`]);
    expect(JSON.stringify(passkeys)).not.toMatch(/publicKey|credentialId/);
    expect((data.auth.sessions as { userAgent: string | null }[]).length).toBeGreaterThan(0);
    expect(data.auth.profile).toMatchObject({
      links: [{ label: `${NAME} builds`, url: 'https://milo.example.org/builds' }],
      avatarKey: expect.stringMatching(new RegExp(`^avatars/${userId}/`)),
    });
  });

  it('answers another user’s export on the cave and the store only to MakrX.org’s backend', async () => {
    for (const base of [api.cave, api.store]) {
      const path = `${base}/privacy/users/${userId}/export`;
      expect((await send(path)).status).toBe(401);
      expect((await send(path, { headers: bearer() })).status).toBe(403);
      const erase = await send(`${base}/privacy/users/${userId}`, {
        method: 'DELETE',
        headers: bearer(),
        body: { email: EMAIL },
      });
      expect(erase.status).toBe(403);
    }
  });

  it('deletes nothing when the email typed to confirm is not the account’s', async () => {
    const refused = await send(`${api.auth}/me/account`, {
      method: 'DELETE',
      headers: bearer(),
      body: { confirmEmail: 'someone-else@example.com' },
    });
    expect(refused.status).toBe(422);
    expect((await refused.json()).error.code).toBe('ACCOUNT_DELETION_UNCONFIRMED');
    expect((await send(`${api.auth}/me/preferences`, { headers: bearer() })).status).toBe(200);
    expect(await placesHolding(EMAIL)).toContain('public.users.email');
  });

  it('after deletion, the name and email are in no table but the sealed audit log, and old tokens are refused everywhere', async () => {
    // What the paid order set off (its mail, its events) is delivered before the deletion.
    await allEventsDelivered();
    const deleted = await send(`${api.auth}/me/account`, {
      method: 'DELETE',
      headers: bearer(),
      body: { confirmEmail: EMAIL.toUpperCase() },
    });
    expect(deleted.status).toBe(200);
    expect(await deleted.json()).toEqual({ status: 'done', pendingServices: [] });

    // The audit log is hash-chained and append-only; the export's `retained` says why it stays.
    const documented = ['public.audit_logs.before', 'public.audit_logs.after'];
    const leftovers = [...(await placesHolding(EMAIL)), ...(await placesHolding(NAME))];
    expect(leftovers.filter((place) => !documented.includes(place))).toEqual([]);

    for (const url of [
      `${api.auth}/me/preferences`,
      `${api.cave}/me/makerspaces`,
      `${api.store}/orders`,
    ]) {
      const refused = await send(url, { headers: bearer() });
      expect(refused.status, url).toBe(401);
      expect((await refused.json()).error.code, url).toBe('ACCOUNT_DELETED');
    }
    await expect(makrx.signIn(EMAIL)).rejects.toThrow();
  });

  it('after deletion, the picture is gone from storage, and nobody follows or sees the maker any more', async () => {
    expect((await fetch(avatarUrl)).status).toBe(404);
    const follower = { authorization: `Bearer ${followerToken}` };
    const feed = (await (
      await send(`${api.auth}/me/feed`, { headers: follower })
    ).json()) as FeedPage;
    expect(feed.items.filter((item) => item.maker.userId === userId)).toEqual([]);
    const left = await running.database.db.execute<{ n: number }>(sql`
      select (select count(*) from auth.maker_follows where follower_id = ${userId} or maker_id = ${userId})
           + (select count(*) from auth.community_activity where user_id = ${userId})
           + (select count(*) from auth.passkeys where user_id = ${userId})
           + (select count(*) from auth.session_devices where user_id = ${userId})
           + (select count(*) from auth.purchase_activity_sharing where user_id = ${userId}) as n`);
    expect(Number(left.rows[0]!.n)).toBe(0);
  });
});
