import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import { auditLogs } from '@makrx/db';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { asc, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeService } from '../../service';
import { postOrder, variantOf } from './testing';

describe.each(testDrivers)('store admins configure tax rates and shipping over %s', (driver) => {
  let issuer: TestIssuer;
  let store: TestService;
  let admin: Record<string, string>;
  beforeAll(async () => {
    issuer = await startTestIssuer();
    store = await startTestService(storeService, driver, { issuer: issuer.issuer });
    const token = await issuer.userToken({ username: 'pricing', realmRoles: ['super_admin'] });
    admin = { authorization: `Bearer ${token}` };
  });
  afterAll(async () => {
    await store.close();
    await issuer.close();
  });

  const put = (url: string, payload: object, headers = admin) =>
    store.app.inject({ method: 'PUT', url, headers, payload });

  it('charges a changed tax rate and shipping rate on the next order', async () => {
    expect(
      (
        await put('/api/v1/admin/tax-rates', {
          country: 'us',
          region: 'ca',
          rateBasisPoints: 1000,
          label: 'Test CA',
        })
      ).statusCode,
    ).toBe(200);
    const saved = await put('/api/v1/admin/shipping-methods/standard', {
      name: 'Standard shipping',
      rateCents: 1000,
      freeFromCents: null,
    });
    expect(saved.json()).toMatchObject({ code: 'standard', rateCents: 1000, freeFromCents: null });
    const calipers = await variantOf(store.app, 'digital-calipers-150mm');
    const order = await postOrder(store.app, {
      items: [{ variantId: calipers.id, quantity: 1 }],
      email: 'tax@example.com',
    });
    expect(order.json()).toMatchObject({
      shippingCents: 1000,
      taxRateBasisPoints: 1000,
      taxCents: Math.round((4999 + 1000) / 10),
    });
    const rows = await store.app.db
      .select({ action: auditLogs.action })
      .from(auditLogs)
      .where(like(auditLogs.action, 'store.%'))
      .orderBy(asc(auditLogs.id));
    expect(rows.map((r) => r.action)).toEqual(['store.tax_rate.set', 'store.shipping_method.set']);
  });

  it('refuses a bad rate and anyone but a store admin', async () => {
    const bad = await put('/api/v1/admin/tax-rates', {
      country: 'USA',
      rateBasisPoints: 20000,
      label: 'x',
    });
    expect(bad.statusCode).toBe(400);
    const customer = await issuer.userToken({ username: 'buyer' });
    const refused = await put(
      '/api/v1/admin/tax-rates',
      { country: 'US', region: 'CA', rateBasisPoints: 0, label: 'Free' },
      { authorization: `Bearer ${customer}` },
    );
    expect(refused.statusCode).toBe(403);
    const { items } = (
      await store.app.inject({ url: '/api/v1/admin/tax-rates', headers: admin })
    ).json();
    expect(items).toContainEqual(
      expect.objectContaining({ country: 'US', region: 'CA', rateBasisPoints: 1000 }),
    );
  });
});
