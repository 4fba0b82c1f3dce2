import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import type { PlacedOrder } from '@makrx/contracts';
import { publishEvent } from '@makrx/events';
import { createMailer, type Mailer } from '@makrx/mailer';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeService } from '../../service';
import { aGuestEmail, postOrder, variantOf } from './testing';

const visa = { paymentMethod: 'tok_visa' };
const orderLinkIn = (text: string) =>
  new URL(/http:\/\/localhost:3003\/orders\/\S+/.exec(text)![0]);

describe.each(testDrivers)('mail to buyers as their orders ship and arrive over %s', (driver) => {
  let issuer: TestIssuer;
  let store: TestService;
  let admin: string;
  let mailbox: Mailer;
  beforeAll(async () => {
    issuer = await startTestIssuer();
    store = await startTestService(storeService, driver, { issuer: issuer.issuer });
    admin = await issuer.userToken({ username: 'shipper', realmRoles: ['admin', 'admin:store'] });
    mailbox = createMailer({ from: 'test', database: store.app.db });
  });
  afterAll(async () => {
    await store.close();
    await issuer.close();
  });

  const call = (method: 'GET' | 'POST', url: string, token?: string, payload?: object) =>
    store.app.inject({
      method,
      url,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ...(payload ? { payload } : {}),
    });
  const step = (order: PlacedOrder, path: string, payload?: object, token = admin) =>
    call('POST', `/api/v1/orders/${order.id}/${path}`, token, payload);

  /** An order paid and being fulfilled, by a guest or (with `token`) a signed-in buyer. */
  async function orderInFulfilment(buyer: { email?: string; token?: string }) {
    const esp = await variantOf(store.app, 'esp32-devkit-v1');
    const order: PlacedOrder = (
      await postOrder(store.app, { items: [{ variantId: esp.id, quantity: 1 }], ...buyer })
    ).json();
    const paid = await store.app.inject({
      method: 'POST',
      url: `/api/v1/orders/${order.id}/payments`,
      headers: buyer.token
        ? { authorization: `Bearer ${buyer.token}` }
        : { 'x-order-token': order.accessToken },
      payload: visa,
    });
    expect(paid.statusCode).toBe(201);
    expect((await step(order, 'fulfilment')).statusCode).toBe(200);
    await store.app.events.deliverDue();
    return order;
  }
  const mailsOf = async (email: string, kind: string) =>
    (await mailbox.listDevMail({ to: email, limit: 50 })).filter((mail) => mail.kind === kind);

  it("mails a guest once when the order ships, with the carrier's tracking link and the order's page", async () => {
    const email = aGuestEmail();
    const order = await orderInFulfilment({ email });

    const ship = { trackingNumber: '1Z999AA10123456784', carrier: 'ups' };
    expect((await step(order, 'ship', ship)).statusCode).toBe(200);
    expect((await step(order, 'ship', ship)).statusCode).toBe(409);
    await store.app.events.deliverDue();

    const [mail, ...more] = await mailsOf(email, 'order-shipped');
    expect(more).toEqual([]);
    expect(mail!.subject).toBe(`Your MakrX.Store order ${order.number} has shipped`);
    expect(mail!.text).toContain('Carrier: UPS. Tracking number: 1Z999AA10123456784.');
    expect(mail!.text).toContain('https://www.ups.com/track?tracknum=1Z999AA10123456784');
    expect(mail!.html).toContain('href="https://www.ups.com/track?tracknum=1Z999AA10123456784"');
    const link = orderLinkIn(mail!.text);
    expect(link.pathname).toBe(`/orders/${order.number}`);
    const tracking = await call(
      'GET',
      `/api/v1/orders/by-number/${order.number}?token=${link.searchParams.get('token')}`,
    );
    expect(tracking.json()).toMatchObject({
      number: order.number,
      status: 'shipped',
      shipment: {
        carrier: 'ups',
        carrierName: 'UPS',
        trackingUrl: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
      },
    });
  });

  it('sends nothing more when the shipping event is delivered again', async () => {
    const email = aGuestEmail();
    const order = await orderInFulfilment({ email });
    await step(order, 'ship', { trackingNumber: '9400111899223100001234', carrier: 'usps' });
    await store.app.events.deliverDue();

    const again = {
      orderId: order.id,
      orderNumber: order.number,
      userId: null,
      from: 'in_fulfilment' as const,
      to: 'shipped' as const,
    };
    await publishEvent(store.app.db, {
      type: 'store.order.fulfilment-changed',
      source: 'store',
      payload: again,
    });
    expect(await store.app.events.deliverDue()).toMatchObject({ failed: 0 });

    expect(await mailsOf(email, 'order-shipped')).toHaveLength(1);
  });

  it("mails a signed-in buyer at their account's address when the order ships and is delivered", async () => {
    const email = `buyer-${crypto.randomUUID().slice(0, 8)}@example.com`;
    const token = await issuer.userToken({ id: crypto.randomUUID(), username: 'buyer', email });
    const order = await orderInFulfilment({ token });

    await step(order, 'ship', { trackingNumber: 'LOCAL-4711' });
    await step(order, 'deliver');
    expect((await step(order, 'deliver')).statusCode).toBe(409);
    await store.app.events.deliverDue();

    const [shipped] = await mailsOf(email, 'order-shipped');
    expect(shipped!.text).toContain('Tracking: LOCAL-4711.');
    expect(shipped!.html).not.toContain('Follow the parcel');
    const delivered = await mailsOf(email, 'order-delivered');
    expect(delivered.map((mail) => mail.subject)).toEqual([
      `Your MakrX.Store order ${order.number} was delivered`,
    ]);
    expect(orderLinkIn(delivered[0]!.text).pathname).toBe(`/orders/${order.number}`);
  });

  it('refuses an unknown carrier, naming the field, and leaves the order unshipped and unmailed', async () => {
    const email = aGuestEmail();
    const order = await orderInFulfilment({ email });

    const refused = await step(order, 'ship', { trackingNumber: '1Z999', carrier: 'pigeon' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.map((d: { field: string }) => d.field)).toEqual([
      'carrier',
    ]);
    const buyer = await issuer.userToken({ username: 'not-an-admin' });
    expect((await step(order, 'ship', { trackingNumber: '1Z999' }, buyer)).statusCode).toBe(403);
    expect(
      (
        await store.app.inject({
          method: 'POST',
          url: `/api/v1/orders/${order.id}/ship`,
          payload: { trackingNumber: '1Z999' },
        })
      ).statusCode,
    ).toBe(401);
    await store.app.events.deliverDue();

    const read = await call('GET', `/api/v1/orders/${order.id}`, admin);
    expect(read.json()).toMatchObject({ status: 'in_fulfilment', trackingNumber: null });
    expect(await mailsOf(email, 'order-shipped')).toEqual([]);
  });
});
