import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import type { OrderPage } from '@makrx/contracts';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeService } from '../../service';
import { aGuestEmail, placeGuestOrder, variantOf } from './testing';

describe.each(testDrivers)('a guest’s orders in the account they make later, over %s', (driver) => {
  let issuer: TestIssuer;
  let store: TestService;
  beforeAll(async () => {
    issuer = await startTestIssuer();
    store = await startTestService(storeService, driver, { issuer: issuer.issuer });
  });
  afterAll(async () => {
    await store.close();
    await issuer.close();
  });

  const guestOrder = async (email: string) =>
    placeGuestOrder(
      store.app,
      [{ variantId: (await variantOf(store.app, 'esp32-devkit-v1')).id, quantity: 1 }],
      email,
    );
  const myOrders = async (token: string): Promise<OrderPage> =>
    (
      await store.app.inject({
        url: '/api/v1/orders',
        headers: { authorization: `Bearer ${token}` },
      })
    ).json();
  const openOrder = (id: string, token: string) =>
    store.app.inject({
      url: `/api/v1/orders/${id}`,
      headers: { authorization: `Bearer ${token}` },
    });

  it('shows the guest order in My orders once the account’s email, the same one, is verified', async () => {
    const email = aGuestEmail();
    const order = await guestOrder(email);
    const id = crypto.randomUUID();
    const unverified = await issuer.userToken({
      id,
      username: 'new-buyer',
      email: email.toUpperCase(),
      emailVerified: false,
    });
    expect((await myOrders(unverified)).items.map((o) => o.number)).not.toContain(order.number);
    expect((await openOrder(order.id, unverified)).statusCode).toBe(404);

    const verified = await issuer.userToken({ id, username: 'new-buyer', email });
    expect((await myOrders(verified)).items.map((o) => o.number)).toContain(order.number);
    expect((await openOrder(order.id, verified)).statusCode).toBe(200);
  });

  it('gives no one else the order: another verified email, or the order number alone', async () => {
    const order = await guestOrder(aGuestEmail());
    const stranger = await issuer.userToken({
      username: 'stranger',
      email: 'someone-else@example.com',
    });
    expect((await myOrders(stranger)).items.map((o) => o.number)).not.toContain(order.number);
    expect((await openOrder(order.id, stranger)).statusCode).toBe(404);
    const byNumber = await store.app.inject({
      url: `/api/v1/orders/by-number/${order.number}`,
      headers: { authorization: `Bearer ${stranger}` },
    });
    expect(byNumber.statusCode).toBe(404);
  });

  it('leaves an order another account already has where it is', async () => {
    const email = aGuestEmail();
    const order = await guestOrder(email);
    const first = await issuer.userToken({ username: 'first-owner', email });
    expect((await myOrders(first)).items.map((o) => o.number)).toContain(order.number);
    const second = await issuer.userToken({ username: 'second-owner', email });
    expect((await myOrders(second)).items.map((o) => o.number)).not.toContain(order.number);
  });
});
