import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import type { DatabaseHandle } from '@makrx/db';
import { featureFlags, users } from '@makrx/db/schema';
import { createTestDatabase } from '@makrx/db/testing';
import { outboxEvents, processedEvents } from '@makrx/events';
import { createMailer, type Mailer } from '@makrx/mailer';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedDemoUsers } from '../identity/testing';
import { authService } from '../../service';
import { notifications, notificationPreferences } from './tables';

const apps = {
  gateway: 'makrx-org-frontend',
  cave: 'makrcave-frontend',
  store: 'makrx-store-frontend',
} as const;

describe.each(testDrivers)('notifications over %s', (driver) => {
  let idp: TestIssuer;
  let mailbox: DatabaseHandle;
  let mailer: Mailer;
  let auth: TestService;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    idp = await startTestIssuer();
    // The dev mailbox keeps what was sent in a database of its own here.
    mailbox = await createTestDatabase(driver);
    mailer = createMailer({
      from: 'MakrX <no-reply@makrx.org>',
      database: mailbox.db,
      log: { info: () => {} },
    });
    auth = await startTestService(authService, driver, { issuer: idp.issuer, mailer });
    await seedDemoUsers(auth.app.db, 'makrx-demo');
    for (const row of await auth.app.db.select().from(users)) ids[row.username] = row.id;
  });
  afterAll(async () => {
    await auth?.close();
    await mailbox?.close();
    await idp?.close();
  });
  beforeEach(async () => {
    await auth.app.db.delete(notifications);
    await auth.app.db.delete(notificationPreferences);
    await auth.app.db
      .update(featureFlags)
      .set({ enabled: true })
      .where(eq(featureFlags.key, 'ENABLE_CROSS_DOMAIN_NOTIFICATIONS'));
  });

  /** The member's token as the given app's client holds it. */
  const memberAt = (app: keyof typeof apps) =>
    idp.sign({
      sub: ids.member,
      preferred_username: 'member',
      email: 'member@demo.makrx.org',
      realm_access: { roles: ['member'] },
      azp: apps[app],
    });
  const superAdmin = () =>
    idp.userToken({ id: ids.superadmin!, username: 'superadmin', realmRoles: ['super_admin'] });
  const call = async (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    token: string,
    payload?: object,
  ) =>
    auth.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { authorization: `Bearer ${token}` },
      ...(payload === undefined ? {} : { payload }),
    });
  const unread = async (app: keyof typeof apps) =>
    (await call('GET', '/notifications/unread-count', await memberAt(app))).json<{
      count: number;
    }>().count;
  const titles = async (app: keyof typeof apps) =>
    (await call('GET', '/notifications', await memberAt(app)))
      .json<{ items: Array<{ title: string }> }>()
      .items.map((item) => item.title);
  const mailsToMember = () => mailer.listDevMail({ to: 'member@demo.makrx.org', limit: 50 });
  const raise = async (
    client: 'makrcave-backend' | 'store-backend',
    key: string,
    kind = 'order.paid',
  ) =>
    call('POST', '/notifications', await idp.serviceToken(client), {
      userId: ids.member,
      kind,
      title: `From ${client} (${key})`,
      body: 'Details',
      link: 'http://localhost:3003/orders/1',
      idempotencyKey: key,
    });

  it('a super admin granting a role notifies the member in every app and by email, once even if delivered twice', async () => {
    const mailsBefore = (await mailsToMember()).length;
    const granted = await call(
      'PUT',
      `/admin/users/${ids.member}/roles/admin:cave`,
      await superAdmin(),
    );
    expect(granted.statusCode).toBe(200);
    expect(await auth.app.events.deliverDue()).toMatchObject({ delivered: 1, failed: 0 });

    for (const app of ['gateway', 'cave', 'store'] as const) expect(await unread(app)).toBe(1);
    expect(await titles('store')).toEqual(['You now have the MakrCave admin role']);
    const mails = await mailsToMember();
    expect(mails.length).toBe(mailsBefore + 1);
    expect(mails[0]).toMatchObject({ subject: 'You now have the MakrCave admin role' });

    // Delivered again as after a crash between raising it and recording the delivery.
    const [event] = await auth.app.db
      .select()
      .from(outboxEvents)
      .where(eq(outboxEvents.type, 'notification.requested'));
    await auth.app.db.delete(processedEvents).where(eq(processedEvents.eventId, event!.id));
    await auth.app.db
      .update(outboxEvents)
      .set({ status: 'pending', availableAt: new Date(0) })
      .where(eq(outboxEvents.id, event!.id));
    expect(await auth.app.events.deliverDue()).toMatchObject({ delivered: 1 });
    expect(await unread('gateway')).toBe(1);
    expect((await mailsToMember()).length).toBe(mailsBefore + 1);

    await call('DELETE', `/admin/users/${ids.member}/roles/admin:cave`, await superAdmin());
  });

  it('lets the cave and store raise a notification once per key, and no one else', async () => {
    const first = await raise('store-backend', 'store:event:1');
    expect(first.statusCode).toBe(201);
    const again = await raise('store-backend', 'store:event:1');
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ id: first.json<{ id: string }>().id, created: false });
    expect(await titles('gateway')).toEqual(['From store-backend (store:event:1)']);

    const byAuth = await call('POST', '/notifications', await idp.serviceToken('auth-service'), {
      userId: ids.member,
      kind: 'order.paid',
      title: 'x',
      idempotencyKey: 'k',
    });
    expect(byAuth.statusCode).toBe(403);
    const byUser = await call('POST', '/notifications', await memberAt('store'), {
      userId: ids.member,
      kind: 'order.paid',
      title: 'x',
      idempotencyKey: 'k',
    });
    expect(byUser.statusCode).toBe(403);
    const bad = await call('POST', '/notifications', await idp.serviceToken('store-backend'), {
      userId: ids.member,
      kind: 'order.lost',
      title: '',
      idempotencyKey: 'k2',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    expect(await unread('gateway')).toBe(1);
  });

  it('sends no email for a kind the member turned email off for, and hides a kind turned off in the apps', async () => {
    const defaults = await call('GET', '/notifications/preferences', await memberAt('gateway'));
    expect(defaults.json<{ items: unknown[] }>().items).toContainEqual({
      kind: 'order.paid',
      inApp: true,
      email: true,
    });
    const saved = await call('PUT', '/notifications/preferences', await memberAt('gateway'), {
      items: [
        { kind: 'order.paid', inApp: true, email: false },
        { kind: 'order.shipped', inApp: false, email: false },
      ],
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json<{ items: unknown[] }>().items).toContainEqual({
      kind: 'order.paid',
      inApp: true,
      email: false,
    });

    const mailsBefore = (await mailsToMember()).length;
    await raise('store-backend', 'store:event:2', 'order.paid');
    await raise('store-backend', 'store:event:3', 'order.shipped');
    expect((await mailsToMember()).length).toBe(mailsBefore);
    expect(await titles('store')).toEqual(['From store-backend (store:event:2)']);
  });

  it('shows the cave and store only their own and account notifications while cross-domain notifications are off', async () => {
    await raise('store-backend', 'store:event:4');
    await raise('makrcave-backend', 'cave:event:4', 'makerspace.update');
    expect(await unread('cave')).toBe(2);

    await auth.app.db
      .update(featureFlags)
      .set({ enabled: false })
      .where(eq(featureFlags.key, 'ENABLE_CROSS_DOMAIN_NOTIFICATIONS'));
    expect(await titles('cave')).toEqual(['From makrcave-backend (cave:event:4)']);
    expect(await titles('store')).toEqual(['From store-backend (store:event:4)']);
    expect(await unread('gateway')).toBe(2);

    // "Mark all read" in the store leaves what the store does not show unread.
    const marked = await call('POST', '/notifications/read-all', await memberAt('store'));
    expect(marked.json()).toEqual({ updated: 1 });
    expect(await unread('cave')).toBe(1);
  });

  it('marks one notification read for its owner only', async () => {
    const { id } = (await raise('makrcave-backend', 'cave:event:5', 'makerspace.update')).json<{
      id: string;
    }>();
    const stranger = await idp.userToken({ id: ids.customer!, username: 'customer' });
    expect((await call('POST', `/notifications/${id}/read`, stranger)).statusCode).toBe(404);
    const read = await call('POST', `/notifications/${id}/read`, await memberAt('cave'));
    expect(read.statusCode).toBe(200);
    expect(read.json<{ readAt: string | null }>().readAt).not.toBeNull();
    expect(await unread('cave')).toBe(0);
    const guest = await auth.app.inject({ method: 'GET', url: '/api/v1/notifications' });
    expect(guest.statusCode).toBe(401);
  });
});
