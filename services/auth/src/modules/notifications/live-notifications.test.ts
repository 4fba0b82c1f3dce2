import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import { users } from '@makrx/db/schema';
import {
  listenForTest,
  openTestLiveStream,
  startTestService,
  testDrivers,
  type TestLiveStream,
  type TestService,
} from '@makrx/service-kit/testing';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoUsers } from '../identity/testing';
import { authService } from '../../service';
import { notificationPreferences } from './tables';

/*
 * The gateway's bell hears of a new notification over the auth service's live stream: the
 * notification is announced in the transaction that stores it, to its user's streams alone.
 * Another user's stream is shown to have carried nothing by what it carries first: its own
 * notification, raised after.
 */
describe.each(testDrivers)('notifications on the live stream over %s', (driver) => {
  let idp: TestIssuer;
  let auth: TestService;
  let server: Awaited<ReturnType<typeof listenForTest>>;
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  const open: TestLiveStream[] = [];

  const listen = async (username: string) => {
    const stream = await openTestLiveStream(server.baseUrl, tokens[username]);
    open.push(stream);
    return stream;
  };
  /** What the cave's backend asks for when it notifies someone. */
  const raise = async (username: string, title: string) => {
    const response = await auth.app.inject({
      method: 'POST',
      url: '/api/v1/notifications',
      headers: { authorization: `Bearer ${await idp.serviceToken('makrcave-backend')}` },
      payload: {
        userId: ids[username],
        kind: 'makerspace.update',
        title,
        idempotencyKey: `${username}-${title}`,
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    return (response.json() as { id: string }).id;
  };

  beforeAll(async () => {
    idp = await startTestIssuer();
    auth = await startTestService(authService, driver, { issuer: idp.issuer });
    await seedDemoUsers(auth.app.db, 'makrx-demo');
    for (const row of await auth.app.db.select().from(users)) ids[row.username] = row.id;
    for (const username of ['member', 'provider']) {
      tokens[username] = await idp.userToken({ id: ids[username]!, username, realmRoles: [] });
    }
    server = await listenForTest(auth.app);
  });
  afterEach(() => {
    for (const stream of open.splice(0)) stream.close();
  });
  afterAll(async () => {
    server.dropConnections();
    await auth?.close();
    await idp?.close();
  });

  it('tells a user’s open pages of their new notification, and nobody else', async () => {
    const member = await listen('member');
    const secondTab = await listen('member');
    const provider = await listen('provider');

    const forMember = await raise('member', 'Your booking is confirmed');
    const expected = {
      kind: 'notification.created',
      userId: ids.member,
      notificationId: forMember,
    };
    expect(await member.next()).toEqual(expected);
    expect(await secondTab.next()).toEqual(expected);

    const forProvider = await raise('provider', 'A new job is waiting');
    expect(await provider.next()).toMatchObject({ notificationId: forProvider });
  });

  it('announces nothing for a notification its user turned off in the apps', async () => {
    const member = await listen('member');
    await auth.app.db.insert(notificationPreferences).values({
      userId: ids.member!,
      kind: 'makerspace.update',
      inApp: false,
      email: false,
    });
    await raise('member', 'Muted');
    await auth.app.db
      .delete(notificationPreferences)
      .where(eq(notificationPreferences.userId, ids.member!));
    const shown = await raise('member', 'Shown');
    expect(await member.next()).toMatchObject({ notificationId: shown });
  });

  it('answers a guest 401', async () => {
    const guest = await openTestLiveStream(server.baseUrl, undefined);
    expect(guest.status).toBe(401);
  });
});
