import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import { users } from '@makrx/db/schema';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoUsers } from '../identity/testing';
import { authService } from '../../service';

describe.each(testDrivers)('purchase activity from the store over %s', (driver) => {
  let idp: TestIssuer;
  let auth: TestService;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    idp = await startTestIssuer();
    auth = await startTestService(authService, driver, { issuer: idp.issuer });
    await seedDemoUsers(auth.app.db, 'makrx-demo');
    for (const row of await auth.app.db.select().from(users)) ids[row.username] = row.id;
  });
  afterAll(async () => {
    await auth?.close();
    await idp?.close();
  });

  const report = async (token: string, payload: object) =>
    auth.app.inject({
      method: 'POST',
      url: '/api/v1/activity/purchase',
      headers: { authorization: `Bearer ${token}` },
      payload,
    });
  const summaryOf = async (username: string) =>
    (
      await auth.app.inject({
        method: 'GET',
        url: '/api/v1/me/purchase-activity',
        headers: {
          authorization: `Bearer ${await idp.userToken({ id: ids[username]!, username, realmRoles: [] })}`,
        },
      })
    ).json<{ orders: number; categories: Array<{ slug: string; orders: number }> }>();

  it('records a paid order once, however often the store reports it', async () => {
    const store = await idp.serviceToken('store-backend');
    const order = {
      user_id: ids.customer,
      order_id: crypto.randomUUID(),
      product_categories: ['filaments', 'tools', 'filaments'],
    };
    const first = await report(store, order);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ orderId: order.order_id, recorded: true });
    const again = await report(store, order);
    expect(again.json()).toEqual({ orderId: order.order_id, recorded: false });
    await report(store, {
      user_id: ids.customer,
      order_id: crypto.randomUUID(),
      product_categories: ['filaments'],
    });

    expect(await summaryOf('customer')).toMatchObject({
      orders: 2,
      categories: [
        { slug: 'filaments', orders: 2 },
        { slug: 'tools', orders: 1 },
      ],
    });
    // Nobody else sees them.
    expect(await summaryOf('member')).toMatchObject({ orders: 0, categories: [] });
  });

  it('takes reports from the store’s service account only', async () => {
    const order = {
      user_id: ids.member,
      order_id: crypto.randomUUID(),
      product_categories: ['electronics'],
    };
    const member = await idp.userToken({ id: ids.member!, username: 'member', realmRoles: [] });
    expect((await report(member, order)).statusCode).toBe(403);
    expect((await report(await idp.serviceToken('makrcave-backend'), order)).statusCode).toBe(403);
    expect((await summaryOf('member')).orders).toBe(0);
  });

  it('answers a malformed report with 400 and an unknown user with 404', async () => {
    const store = await idp.serviceToken('store-backend');
    const bad = await report(store, { user_id: ids.member, order_id: 'A-1001' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    const unknown = await report(store, {
      user_id: crypto.randomUUID(),
      order_id: crypto.randomUUID(),
      product_categories: [],
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('keeps purchases off the public maker profile', async () => {
    const shown = await auth.app.inject({
      method: 'PUT',
      url: '/api/v1/me/profile/visibility',
      headers: {
        authorization: `Bearer ${await idp.userToken({ id: ids.customer!, username: 'customer', realmRoles: [] })}`,
      },
      payload: { public: true },
    });
    expect(shown.statusCode).toBe(200);
    const profile = await auth.app.inject({ method: 'GET', url: '/api/v1/profiles/customer' });
    expect(profile.statusCode).toBe(200);
    expect(JSON.stringify(profile.json())).not.toContain('filaments');
  });

  it('shows purchases on the public profile only while the maker chooses to', async () => {
    const customer = await idp.userToken({
      id: ids.customer!,
      username: 'customer',
      realmRoles: [],
    });
    const member = await idp.userToken({ id: ids.member!, username: 'member', realmRoles: [] });
    const share = (token: string, payload: unknown) =>
      auth.app.inject({
        method: 'PUT',
        url: '/api/v1/me/purchase-activity/sharing',
        headers: token ? { authorization: `Bearer ${token}` } : {},
        payload: payload as object,
      });
    const sharingOf = async (token: string) =>
      (
        await auth.app.inject({
          method: 'GET',
          url: '/api/v1/me/purchase-activity/sharing',
          headers: { authorization: `Bearer ${token}` },
        })
      ).json<{ shownOnProfile: boolean }>();
    const publicView = () =>
      auth.app.inject({ method: 'GET', url: '/api/v1/profiles/customer/purchase-activity' });
    const auditRows = async () =>
      (
        await auth.app.db.execute(
          sql`select count(*)::int as n from public.audit_logs where action = 'purchase-activity.sharing.changed'`,
        )
      ).rows[0] as { n: number };

    expect(await sharingOf(customer)).toEqual({ shownOnProfile: false });
    expect((await publicView()).statusCode).toBe(404);

    expect((await share('', { shownOnProfile: true })).statusCode).toBe(401);
    expect((await share(customer, { shownOnProfile: 'yes' })).statusCode).toBe(400);
    expect((await share(customer, { shownOnProfile: true, everyone: true })).statusCode).toBe(400);
    const huge = await share(customer, { shownOnProfile: true, padding: 'x'.repeat(4096) });
    expect(huge.statusCode).toBe(413);
    expect((await publicView()).statusCode).toBe(404);

    const on = await share(customer, { shownOnProfile: true });
    expect(on.statusCode).toBe(200);
    expect((await share(customer, { shownOnProfile: true })).json()).toEqual({
      shownOnProfile: true,
    });
    expect((await auditRows()).n).toBe(1);
    const shown = await publicView();
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toMatchObject({
      orders: 2,
      categories: [
        { slug: 'filaments', orders: 2 },
        { slug: 'tools', orders: 1 },
      ],
    });
    // One maker's choice is theirs alone.
    expect(await sharingOf(member)).toEqual({ shownOnProfile: false });
    expect(
      (await auth.app.inject({ method: 'GET', url: '/api/v1/profiles/member/purchase-activity' }))
        .statusCode,
    ).toBe(404);

    expect((await share(customer, { shownOnProfile: false })).statusCode).toBe(200);
    expect((await publicView()).statusCode).toBe(404);
    expect((await auditRows()).n).toBe(2);
  });
});
