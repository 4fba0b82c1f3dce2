import { randomUUID } from 'node:crypto';
import { auditLogs, users } from '@makrx/db/schema';
import { DEFAULT_MAX_ATTEMPTS, outboxEvents, publishEvent } from '@makrx/events';
import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceEnv } from './config';
import type { ServiceDefinition } from './create-service';
import { startTestService, testDrivers, type TestService } from './testing';

/** A store-like service (parked-event routes are the kit's) whose only consumer always fails, so its events end up parked. */
const failingStore: ServiceDefinition = {
  name: 'store',
  title: 'Parked events test API',
  description: 'A consumer that always fails.',
  env: serviceEnv('store'),
  audience: 'store-backend',
  consumers: [
    {
      name: 'always-fails',
      eventTypes: ['store.order.link-requested'],
      handle: async () => {
        throw new Error('the mail server is down');
      },
    },
  ],
  // Every service has the parked-event routes; this one has nothing else.
  modules: [],
};

describe.each(testDrivers)('parked events admin over %s', (driver) => {
  let idp: TestIssuer;
  let service: TestService;
  let superAdmin: string;
  const superAdminId = randomUUID();

  beforeAll(async () => {
    idp = await startTestIssuer();
    service = await startTestService(failingStore, driver, { issuer: idp.issuer });
    // The audit log names its actors by their account.
    await service.app.db.insert(users).values({
      id: superAdminId,
      email: 'root@example.org',
      username: 'root',
      displayName: 'Root',
    });
    superAdmin = await idp.userToken({
      id: superAdminId,
      username: 'root',
      realmRoles: ['super_admin'],
    });
  });
  afterAll(async () => {
    await service?.close();
    await idp?.close();
  });

  const get = (token?: string) =>
    service.app.inject({
      method: 'GET',
      url: '/api/v1/admin/events/parked',
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
  const replay = (id: number, token: string) =>
    service.app.inject({
      method: 'POST',
      url: `/api/v1/admin/events/${id}/replay`,
      headers: { authorization: `Bearer ${token}` },
    });

  it('lists the events this service parked, and replays one with an audit row', async () => {
    const { app } = service;
    const orderId = randomUUID();
    const { id } = await publishEvent(app.db, {
      type: 'store.order.link-requested',
      source: 'store',
      payload: { orderId },
    });
    // The auth service's parked event shares the table but is not the store's to show.
    const other = await publishEvent(app.db, {
      type: 'notification.requested',
      source: 'auth',
      payload: { userId: superAdminId, kind: 'account.locked', title: 'Locked' },
    });
    await app.db
      .update(outboxEvents)
      .set({ status: 'parked' })
      .where(eq(outboxEvents.id, other.id));
    for (let attempt = 0; attempt < DEFAULT_MAX_ATTEMPTS; attempt += 1) {
      await app.db.update(outboxEvents).set({ availableAt: new Date(0) });
      await app.events.deliverDue();
    }

    const listed = await get(superAdmin);
    expect(listed.statusCode).toBe(200);
    expect(listed.json()).toEqual({
      items: [
        expect.objectContaining({
          id,
          service: 'store',
          type: 'store.order.link-requested',
          payload: { orderId },
          attempts: DEFAULT_MAX_ATTEMPTS,
          lastError: 'always-fails: the mail server is down',
        }),
      ],
    });

    expect((await replay(other.id, superAdmin)).statusCode).toBe(404);
    const replayed = await replay(id, superAdmin);
    expect(replayed.statusCode).toBe(200);
    expect(replayed.json()).toEqual({ id, status: 'pending' });
    expect((await get(superAdmin)).json()).toEqual({ items: [] });
    expect((await replay(id, superAdmin)).statusCode).toBe(404);

    const audit = await app.db
      .select()
      .from(auditLogs)
      .where(eq(auditLogs.action, 'event.replayed'));
    expect(audit).toEqual([
      expect.objectContaining({
        service: 'store',
        entityType: 'outbox_event',
        entityId: String(id),
        actorId: superAdminId,
      }),
    ]);
  });

  it('answers 401 to a guest and 403 to anyone but a super admin', async () => {
    expect((await get()).statusCode).toBe(401);
    const member = await idp.userToken({ username: 'member', realmRoles: ['member'] });
    const refused = await get(member);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect((await replay(1, member)).statusCode).toBe(403);
  });
});
