import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import type { CustomerDetail, CustomerPage, PlacedOrder } from '@makrx/contracts';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeService } from '../../service';
import { postOrder, variantOf } from './testing';

describe.each(testDrivers)('store admins look up customers over %s', (driver) => {
  let issuer: TestIssuer;
  let store: TestService;
  let admin: Record<string, string>;
  let buyerToken: string;
  beforeAll(async () => {
    issuer = await startTestIssuer();
    store = await startTestService(storeService, driver, { issuer: issuer.issuer });
    const adminToken = await issuer.userToken({
      username: 'customer-admin',
      realmRoles: ['admin', 'admin:store'],
    });
    admin = { authorization: `Bearer ${adminToken}` };
    buyerToken = await issuer.userToken({
      username: `buyer-${crypto.randomUUID().slice(0, 6)}`,
      realmRoles: ['store_customer'],
    });
  });
  afterAll(async () => {
    await store.close();
    await issuer.close();
  });

  const get = (url: string, headers: Record<string, string> = admin) =>
    store.app.inject({ method: 'GET', url, headers });

  async function order(
    name: string,
    { email, token, paid }: { email?: string; token?: string; paid: boolean },
  ): Promise<PlacedOrder> {
    const esp = await variantOf(store.app, 'esp32-devkit-v1');
    const response = await postOrder(store.app, {
      items: [{ variantId: esp.id, quantity: 1 }],
      ...(email ? { email } : {}),
      ...(token ? { token } : {}),
      shippingAddress: {
        name,
        line1: `${crypto.randomUUID().slice(0, 8)} Customer Street`,
        city: 'San Francisco',
        region: 'CA',
        postalCode: '94107',
        country: 'US',
      },
    });
    expect(response.statusCode).toBe(201);
    const placed: PlacedOrder = response.json();
    if (paid) {
      const payment = await store.app.inject({
        method: 'POST',
        url: `/api/v1/orders/${placed.id}/payments`,
        headers: { 'x-order-token': placed.accessToken },
        payload: { paymentMethod: 'tok_visa' },
      });
      expect(payment.statusCode).toBe(201);
    }
    return placed;
  }

  it('groups a guest’s orders by email, counting only paid ones as spent', async () => {
    const tag = crypto.randomUUID().slice(0, 8);
    const email = `rosalind-${tag}@example.com`;
    const paid = await order(`Rosalind ${tag}`, { email, paid: true });
    await order(`Rosalind Franklin ${tag}`, { email: email.toUpperCase(), paid: false });

    const found = await get(`/api/v1/admin/customers?q=${tag}`);
    expect(found.statusCode).toBe(200);
    const page: CustomerPage = found.json();
    expect(page.items).toEqual([
      {
        key: email,
        kind: 'guest',
        name: `Rosalind Franklin ${tag}`,
        email: email.toUpperCase(),
        orderCount: 2,
        totalSpentCents: paid.totalCents,
        currency: 'USD',
        lastOrderAt: expect.any(String),
      },
    ]);
    const byName: CustomerPage = (await get(`/api/v1/admin/customers?q=franklin%20${tag}`)).json();
    expect(byName.items.map((c) => c.key)).toEqual([email]);

    const detail: CustomerDetail = (
      await get(`/api/v1/admin/customers/${encodeURIComponent(email)}`)
    ).json();
    expect(detail.orders).toHaveLength(2);
    expect(detail.orders.map((o) => o.status).sort()).toEqual(['paid', 'pending_payment']);
    expect(detail.orders.find((o) => o.status === 'paid')).toMatchObject({
      number: paid.number,
      totalCents: paid.totalCents,
      itemCount: 1,
    });
  });

  it('keeps an account’s orders under the account, apart from guests with other emails', async () => {
    const tag = crypto.randomUUID().slice(0, 8);
    const placed = await order(`Katherine ${tag}`, { token: buyerToken, paid: true });
    const page: CustomerPage = (await get(`/api/v1/admin/customers?q=katherine%20${tag}`)).json();
    expect(page.items).toHaveLength(1);
    const [account] = page.items;
    expect(account).toMatchObject({ kind: 'account', orderCount: 1 });
    expect(account!.key).toMatch(/^[0-9a-f-]{36}$/);
    const detail: CustomerDetail = (await get(`/api/v1/admin/customers/${account!.key}`)).json();
    expect(detail.orders.map((o) => o.number)).toEqual([placed.number]);
  });

  it('pages through customers, latest buyer first', async () => {
    const tag = crypto.randomUUID().slice(0, 8);
    for (const who of ['first', 'second', 'third']) {
      await order(`Pager ${tag} ${who}`, { email: `${who}-${tag}@example.com`, paid: false });
    }
    const first: CustomerPage = (await get(`/api/v1/admin/customers?q=${tag}&pageSize=2`)).json();
    expect(first).toMatchObject({ total: 3, totalPages: 2, page: 1 });
    expect(first.items.map((c) => c.name)).toEqual([`Pager ${tag} third`, `Pager ${tag} second`]);
    const second: CustomerPage = (
      await get(`/api/v1/admin/customers?q=${tag}&pageSize=2&page=2`)
    ).json();
    expect(second.items.map((c) => c.name)).toEqual([`Pager ${tag} first`]);
  });

  it('answers 404 for someone who never ordered, 400 for a malformed key, and refuses outsiders', async () => {
    expect((await get(`/api/v1/admin/customers/${crypto.randomUUID()}`)).statusCode).toBe(404);
    expect((await get('/api/v1/admin/customers/nobody@example.com')).statusCode).toBe(404);
    const malformed = await get('/api/v1/admin/customers/not-a-key');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.details[0].field).toBe('key');
    expect((await get('/api/v1/admin/customers', {})).statusCode).toBe(401);
    expect(
      (await get('/api/v1/admin/customers', { authorization: `Bearer ${buyerToken}` })).statusCode,
    ).toBe(403);
  });
});
