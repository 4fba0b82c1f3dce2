import { formatMoney } from '@makrx/documents';
import { pdfText } from '@makrx/documents/testing';
import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import type { Invoice, Order, OrderPage, PlacedOrder } from '@makrx/contracts';
import { createMailer } from '@makrx/mailer';
import { startTestService, testDrivers, type TestService } from '@makrx/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeService } from '../../service';
import { placeGuestOrder, postOrder, variantOf } from './testing';

const visa = { paymentMethod: 'tok_visa' };

describe.each(testDrivers)('orders for their buyers and the store admins over %s', (driver) => {
  let issuer: TestIssuer;
  let store: TestService;
  let admin: string;
  beforeAll(async () => {
    issuer = await startTestIssuer();
    store = await startTestService(storeService, driver, { issuer: issuer.issuer });
    admin = await issuer.userToken({
      username: 'shop-admin',
      realmRoles: ['admin', 'admin:store'],
    });
  });
  afterAll(async () => {
    await store.close();
    await issuer.close();
  });

  const call = (
    method: 'GET' | 'POST',
    url: string,
    headers: Record<string, string> = {},
    payload?: object,
  ) => store.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const paidGuestOrder = async (): Promise<PlacedOrder> => {
    const esp = await variantOf(store.app, 'esp32-devkit-v1');
    const order = await placeGuestOrder(
      store.app,
      [{ variantId: esp.id, quantity: 2 }],
      'guest@example.com',
    );
    await call(
      'POST',
      `/api/v1/orders/${order.id}/payments`,
      { 'x-order-token': order.accessToken },
      visa,
    );
    return order;
  };

  it('emails a confirmation with a link to the tracking page, which opens the order', async () => {
    const esp = await variantOf(store.app, 'esp32-devkit-v1');
    const placed = await postOrder(store.app, {
      items: [{ variantId: esp.id, quantity: 1 }],
      email: 'mail-me@example.com',
    });
    const order: PlacedOrder = placed.json();
    await call(
      'POST',
      `/api/v1/orders/${order.id}/payments`,
      { 'x-order-token': order.accessToken },
      visa,
    );
    expect(await store.app.events.deliverDue()).toMatchObject({ delivered: 1, failed: 0 });
    const mailbox = createMailer({ from: 'test', database: store.app.db });
    const [mail] = await mailbox.listDevMail({ to: 'mail-me@example.com', limit: 5 });
    expect(mail?.subject).toBe(`Your MakrX.Store order ${order.number} is confirmed`);
    const link = new URL(/http:\/\/localhost:3003\/orders\/\S+/.exec(mail!.text)![0]);
    expect(link.pathname).toBe(`/orders/${order.number}`);
    const tracking = await call(
      'GET',
      `/api/v1/orders/by-number/${order.number}?token=${link.searchParams.get('token')}`,
    );
    expect(tracking.statusCode).toBe(200);
    expect(tracking.json()).toMatchObject({ number: order.number, status: 'paid' });
    expect(
      (await call('GET', `/api/v1/orders/by-number/${order.number}?token=wrong`)).statusCode,
    ).toBe(404);
  });

  it('names a variant once in the confirmation and the invoice: the product, then its options', async () => {
    const jetBlack = await variantOf(store.app, 'petg-filament-signal-orange-1kg', 3);
    const email = `petg-${crypto.randomUUID().slice(0, 8)}@example.com`;
    const order: PlacedOrder = (
      await postOrder(store.app, { items: [{ variantId: jetBlack.id, quantity: 1 }], email })
    ).json();
    await call(
      'POST',
      `/api/v1/orders/${order.id}/payments`,
      { 'x-order-token': order.accessToken },
      visa,
    );
    await store.app.events.deliverDue();
    const mailbox = createMailer({ from: 'test', database: store.app.db });
    const [mail] = await mailbox.listDevMail({ to: email, limit: 5 });
    expect(mail?.text).toContain('1 × PETG Filament — Colour: Jet Black · Size: 2 kg:');
    const invoice: Invoice = (
      await call('GET', `/api/v1/orders/${order.id}/invoice`, {
        'x-order-token': order.accessToken,
      })
    ).json();
    expect(invoice.lines.map((line) => line.description)).toEqual([
      'PETG Filament — Colour: Jet Black · Size: 2 kg',
    ]);
  });

  const askForLink = (number: string, email: string) =>
    call('POST', '/api/v1/orders/lookup', {}, { number, email });
  const sameAnswer = { message: 'If that order exists, we have sent its link to that address.' };

  it('mails a guest the link to their order when number and email match, saying the same either way', async () => {
    const order = await paidGuestOrder();
    const mailbox = createMailer({ from: 'test', database: store.app.db });
    for (const [number, email] of [
      [order.number, 'GUEST@example.com'],
      [order.number, 'someone-else@example.com'],
      ['MX-999999', 'guest@example.com'],
    ] as const) {
      const answer = await askForLink(number, email);
      expect(answer.statusCode).toBe(202);
      expect(answer.json()).toEqual(sameAnswer);
    }
    await store.app.events.deliverDue();

    const mails = await mailbox.listDevMail({ to: 'guest@example.com', limit: 20 });
    const linkMails = mails.filter((mail) => mail.subject.startsWith('The link to your'));
    expect(linkMails.map((mail) => mail.subject)).toEqual([
      `The link to your MakrX.Store order ${order.number}`,
    ]);
    expect(await mailbox.listDevMail({ to: 'someone-else@example.com', limit: 5 })).toEqual([]);
    const link = new URL(/http:\/\/localhost:3003\/orders\/\S+/.exec(linkMails[0]!.text)![0]);
    const opened = await call(
      'GET',
      `/api/v1/orders/by-number/${order.number}?token=${link.searchParams.get('token')}`,
    );
    expect(opened.json()).toMatchObject({ id: order.id, status: 'paid' });
  });

  it('stops taking requests for an order or an address asked about too often', async () => {
    for (let i = 1; i <= 5; i += 1) {
      expect((await askForLink('MX-700000', `guess-${i}@example.com`)).statusCode).toBe(202);
      expect((await askForLink(`MX-71000${i}`, 'guesser@example.com')).statusCode).toBe(202);
    }
    const byNumber = await askForLink('MX-700000', 'guess-6@example.com');
    expect(byNumber.statusCode).toBe(429);
    expect(byNumber.json()).toMatchObject({ error: { code: 'TOO_MANY_REQUESTS' } });
    expect((await askForLink('MX-710009', 'Guesser@Example.com')).statusCode).toBe(429);
    expect((await askForLink('MX-720000', 'someone@example.com')).statusCode).toBe(202);
  });

  it('refuses a malformed order number or address, naming the field', async () => {
    const answer = await askForLink('order 12', 'not-an-address');
    expect(answer.statusCode).toBe(400);
    expect(answer.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    expect(
      answer
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['email', 'number']);
  });

  it("lists a signed-in buyer's own orders, newest first", async () => {
    const id = crypto.randomUUID();
    const buyer = await issuer.userToken({ id, username: 'lister', email: 'lister@example.com' });
    const esp = await variantOf(store.app, 'esp32-devkit-v1');
    const first = await postOrder(store.app, {
      items: [{ variantId: esp.id, quantity: 1 }],
      token: buyer,
    });
    const second = await postOrder(store.app, {
      items: [{ variantId: esp.id, quantity: 3 }],
      token: buyer,
    });
    await paidGuestOrder();
    const page: OrderPage = (await call('GET', '/api/v1/orders', bearer(buyer))).json();
    expect(page.total).toBe(2);
    expect(page.items.map((o) => o.id)).toEqual([second.json().id, first.json().id]);
    expect(page.items[0]).toMatchObject({ itemCount: 3, status: 'pending_payment' });
    expect((await call('GET', '/api/v1/orders')).statusCode).toBe(401);
  });

  it('gives a paid order an invoice with its lines, tax and totals', async () => {
    const order = await paidGuestOrder();
    const response = await call('GET', `/api/v1/orders/${order.id}/invoice`, {
      'x-order-token': order.accessToken,
    });
    expect(response.statusCode).toBe(200);
    const invoice: Invoice = response.json();
    expect(invoice).toMatchObject({
      invoiceNumber: order.number.replace('MX-', 'INV-'),
      status: 'paid',
      billedTo: { email: order.email },
      lines: [{ sku: 'ELE-ESP32-DKV1', quantity: 2 }],
      taxRateBasisPoints: 725,
      totalCents: order.totalCents,
    });
    expect(invoice.subtotalCents + invoice.shippingCents + invoice.taxCents).toBe(
      invoice.totalCents,
    );
    const unpaid = await placeGuestOrder(store.app, [
      { variantId: (await variantOf(store.app, 'esp32-devkit-v1')).id, quantity: 1 },
    ]);
    const none = await call('GET', `/api/v1/orders/${unpaid.id}/invoice`, {
      'x-order-token': unpaid.accessToken,
    });
    expect(none.statusCode).toBe(409);
  });

  it('gives a paid order its invoice as a PDF, with number, lines and total in the file', async () => {
    const order = await paidGuestOrder();
    const headers = { 'x-order-token': order.accessToken };
    const invoice: Invoice = (
      await call('GET', `/api/v1/orders/${order.id}/invoice`, headers)
    ).json();
    const response = await call('GET', `/api/v1/orders/${order.id}/invoice.pdf`, headers);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const text = (await pdfText(response.rawPayload)).replace(/\s+/g, ' ');
    expect(text).toContain(invoice.invoiceNumber);
    expect(text).toContain(formatMoney(invoice.totalCents, invoice.currency));
    for (const line of invoice.lines) expect(text).toContain(line.sku);
    expect((await call('GET', `/api/v1/orders/${order.id}/invoice.pdf`)).statusCode).toBe(401);
  });

  it('lets store admins move an order through fulfilment, shipping with a tracking number, to delivered', async () => {
    const order = await paidGuestOrder();
    const step = (path: string, payload?: object) =>
      call('POST', `/api/v1/orders/${order.id}/${path}`, bearer(admin), payload);
    expect((await step('deliver')).statusCode).toBe(409);
    expect((await step('fulfilment')).json().status).toBe('in_fulfilment');
    expect((await step('ship', {})).statusCode).toBe(400);
    const shipped: Order = (await step('ship', { trackingNumber: '1Z999AA10123456784' })).json();
    expect(shipped).toMatchObject({ status: 'shipped', trackingNumber: '1Z999AA10123456784' });
    expect((await step('deliver')).json().status).toBe('delivered');
    const cancel = await call('POST', `/api/v1/orders/${order.id}/cancel`, bearer(admin));
    expect(cancel.statusCode).toBe(409);
    const history = (await call('GET', `/api/v1/orders/${order.id}`, bearer(admin))).json().history;
    expect(history.map((h: { status: string }) => h.status)).toEqual([
      'pending_payment',
      'paid',
      'in_fulfilment',
      'shipped',
      'delivered',
    ]);
  });

  it('lists all orders for store admins, filtered, and for nobody else', async () => {
    const order = await paidGuestOrder();
    const byNumber: OrderPage = (
      await call('GET', `/api/v1/admin/orders?q=${order.number}`, bearer(admin))
    ).json();
    expect(byNumber.items.map((o) => o.id)).toEqual([order.id]);
    const paid: OrderPage = (
      await call('GET', '/api/v1/admin/orders?status=paid&pageSize=100', bearer(admin))
    ).json();
    expect(paid.items.length).toBeGreaterThan(0);
    expect(paid.items.every((o) => o.status === 'paid')).toBe(true);
    const customer = await issuer.userToken({ username: 'nosy' });
    expect((await call('GET', '/api/v1/admin/orders', bearer(customer))).statusCode).toBe(403);
    expect(
      (await call('POST', `/api/v1/orders/${order.id}/fulfilment`, bearer(customer))).statusCode,
    ).toBe(403);
  });
});
