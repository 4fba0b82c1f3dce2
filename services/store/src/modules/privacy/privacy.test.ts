import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import type { PlacedOrder, ServiceDataExport } from '@makrx/contracts';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeService } from '../../service';
import { postOrder, variantOf } from '../orders/testing';

describe.each(testDrivers)('a person’s store data for MakrX.org over %s', (driver) => {
  let issuer: TestIssuer;
  let store: TestService;
  let auth: string;
  const buyerId = crypto.randomUUID();
  const otherId = crypto.randomUUID();
  const contact = { email: 'robin@example.com', name: 'Robin Buyer' };
  let order: PlacedOrder;
  let othersOrder: PlacedOrder;

  const call = (method: 'GET' | 'DELETE', url: string, token?: string, body?: unknown) =>
    store.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ...(body === undefined ? {} : { payload: body as object }),
    });
  const orderRow = async (id: string) =>
    (
      await store.app.db.execute<{
        email: string;
        total_cents: number;
        shipping_address: Record<string, string>;
      }>(sql`select email, total_cents, shipping_address from store.orders where id = ${id}`)
    ).rows;
  const placeAs = async (id: string, email: string, name: string) => {
    const token = await issuer.userToken({
      id,
      username: name.split(' ')[0]!.toLowerCase(),
      email,
    });
    const esp = await variantOf(store.app, 'esp32-devkit-v1');
    const response = await postOrder(store.app, {
      items: [{ variantId: esp.id, quantity: 1 }],
      token,
      shippingAddress: {
        name,
        line1: '9 Solder Street',
        city: 'San Francisco',
        region: 'CA',
        postalCode: '94107',
        country: 'US',
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as PlacedOrder;
  };

  beforeAll(async () => {
    issuer = await startTestIssuer();
    store = await startTestService(storeService, driver, { issuer: issuer.issuer });
    auth = await issuer.serviceToken('auth-service');
    order = await placeAs(buyerId, contact.email, contact.name);
    othersOrder = await placeAs(otherId, 'sam@example.com', 'Sam Other');
  });
  afterAll(async () => {
    await store?.close();
    await issuer?.close();
  });

  it('exports the person’s orders with their lines, print orders, models, reorders and cart, with what deletion keeps', async () => {
    const response = await call('GET', `/privacy/users/${buyerId}/export`, auth);
    expect(response.statusCode).toBe(200);
    const data = response.json() as ServiceDataExport;
    const exported = data.sections.orders as { number: string; lines: unknown[] }[];
    expect(exported.map((o) => o.number)).toEqual([order.number]);
    expect(exported[0]!.lines.length).toBe(1);
    expect(Object.keys(data.sections).sort()).toEqual(
      [
        'cart',
        'endedSessions',
        'modelUploads',
        'orders',
        'printOrders',
        'quickReorders',
        'reviews',
      ].sort(),
    );
    expect(data.retained.some((r) => r.what.startsWith('Orders'))).toBe(true);
  });

  it('answers only MakrX.org’s backend: a guest 401, the buyer or the cave 403, a malformed id 400', async () => {
    const path = `/privacy/users/${buyerId}/export`;
    expect((await call('GET', path)).statusCode).toBe(401);
    const buyer = await issuer.userToken({ id: buyerId, username: 'robin', email: contact.email });
    expect((await call('GET', path, buyer)).statusCode).toBe(403);
    expect((await call('DELETE', `/privacy/users/${buyerId}`, buyer, contact)).statusCode).toBe(
      403,
    );
    const cave = await issuer.serviceToken('makrcave-backend');
    expect((await call('DELETE', `/privacy/users/${buyerId}`, cave, contact)).statusCode).toBe(403);
    expect((await call('GET', '/privacy/users/42/export', auth)).statusCode).toBe(400);
    const [kept] = await orderRow(order.id);
    expect(kept!.email).toBe(contact.email);
  });

  it('keeps the orders but no longer the name, street or email, leaves others’ orders alone, and repeats safely', async () => {
    await store.app.db.execute(
      sql`insert into store.ended_storefront_sessions (sid, sub, jti) values ('sid-robin', ${buyerId}, 'jti-robin')`,
    );
    // A review carries the reviewer's name: it goes with the account.
    await store.app.db.execute(
      sql`insert into store.product_reviews (product_id, user_id, author_name, rating, body)
          select id, ${buyerId}, 'Robin B.', 5, 'Robin wrote this review.' from store.products
          where slug = 'esp32-devkit-v1'`,
    );
    const erased = await call('DELETE', `/privacy/users/${buyerId}`, auth, contact);
    expect(erased.statusCode).toBe(200);
    expect(erased.json().erased.ordersAnonymised).toBe(1);
    expect(erased.json().erased.endedSessions).toBe(1);
    expect(erased.json().erased.reviews).toBe(1);
    const reviews = await store.app.db.execute<{ n: number }>(
      sql`select count(*)::int as n from store.product_reviews where user_id = ${buyerId}`,
    );
    expect(reviews.rows[0]!.n).toBe(0);
    const [kept] = await orderRow(order.id);
    expect(kept!.total_cents).toBe(order.totalCents);
    expect(kept!.email).not.toContain('robin');
    expect(kept!.shipping_address).toMatchObject({ name: 'Deleted user', city: 'San Francisco' });
    expect(JSON.stringify(kept!.shipping_address)).not.toContain('Solder');
    const mentions = await store.app.db.execute<{ n: number }>(
      sql`select count(*)::int as n from store.orders where email ilike '%robin%' or shipping_address::text ilike '%Robin Buyer%'`,
    );
    expect(mentions.rows[0]!.n).toBe(0);
    const [others] = await orderRow(othersOrder.id);
    expect(others!.email).toBe('sam@example.com');

    const again = await call('DELETE', `/privacy/users/${buyerId}`, auth, contact);
    expect(again.statusCode).toBe(200);
    expect(again.json().erased.ordersAnonymised).toBe(0);
  });
});
