import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import type {
  ModelAnalysis,
  ModelQuotes,
  MyPrintOrderList,
  Order,
  PlacedOrder,
  PrintOrderView,
  ProvidersAvailable,
  ServiceOrderUpdate,
} from '@makrx/contracts';
import { featureFlags } from '@makrx/db/schema';
import { outboxEvents } from '@makrx/events';
import { cube, toBinaryStl } from '@makrx/mesh/testing';
import type { ServiceDefinition } from '@makrx/service-kit';
import {
  listenForTest,
  startTestService,
  testDrivers,
  type TestService,
} from '@makrx/service-kit/testing';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeService } from '../../service';
import {
  clamdUnderTest,
  modelUploadsModule,
  modelUploadsModuleWith,
  providersFixture,
  sendWithTus,
  stlUploadFlag,
} from '../model-uploads/testing';
import { aCaliforniaAddress } from '../orders/testing';
import {
  FAKE_STRIPE_SECRET_KEY,
  startFakeStripeApi,
  type FakeStripeApi,
} from '../payments/testing';
import { printOrdersModule, printOrdersModuleWith } from './plugin';
import { attachmentOf } from './routes';

describe.each(testDrivers)('print orders over %s', (driver) => {
  let issuer: TestIssuer;
  let stripe: FakeStripeApi;
  let store: TestService;
  let baseUrl: string;
  let dropConnections: () => void;
  let dataDir: string;
  let caveList: ProvidersAvailable = providersFixture();
  const ids = { customer: crypto.randomUUID(), other: crypto.randomUUID() };
  const tokens = { customer: '', other: '', admin: '', cave: '', store: '' };

  const api = (path: string, token: string, init: { method?: string; body?: unknown } = {}) =>
    fetch(`${baseUrl}/api/v1${path}`, {
      method: init.method ?? 'GET',
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });

  /** The customer's 20 mm cube, uploaded over tus and analysed by the store. */
  async function uploadCube(token = tokens.customer): Promise<string> {
    const sent = await sendWithTus(Buffer.from(toBinaryStl(cube(20))), {
      endpoint: `${baseUrl}/api/v1/model-uploads/tus`,
      filename: 'cube.stl',
      token,
    });
    expect(sent.error).toBeUndefined();
    return sent.url!.split('/').pop()!;
  }

  async function cheapestQuote(uploadId: string, quantity = 1) {
    const response = await api(
      `/model-uploads/${uploadId}/quotes?quantity=${quantity}`,
      tokens.customer,
    );
    expect(response.status).toBe(200);
    return ((await response.json()) as ModelQuotes).quotes[0]!;
  }

  const orderPrint = (
    body: Record<string, unknown>,
    { token = tokens.customer, key = crypto.randomUUID() } = {},
  ) =>
    fetch(`${baseUrl}/api/v1/print-orders`, {
      method: 'POST',
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        'content-type': 'application/json',
        'idempotency-key': key,
      },
      body: JSON.stringify(body),
    });

  async function placedPrint(quantity = 1): Promise<PlacedOrder> {
    const uploadId = await uploadCube();
    const quote = await cheapestQuote(uploadId, quantity);
    const response = await orderPrint({
      uploadId,
      offeringId: quote.offeringId,
      quantity,
      shippingAddress: aCaliforniaAddress(),
    });
    expect(response.status).toBe(201);
    return (await response.json()) as PlacedOrder;
  }

  async function paidPrint(): Promise<{ order: PlacedOrder; print: PrintOrderView }> {
    const order = await placedPrint();
    const paid = await api(`/orders/${order.id}/payments`, tokens.customer, {
      method: 'POST',
      body: { paymentMethod: 'pm_card_visa' },
    });
    expect(paid.status).toBe(201);
    // The paid order's event hands the print to the cave (unreachable here): routing.
    await store.app.events.deliverDue();
    return { order, print: await printOf(order) };
  }

  async function printOf(order: PlacedOrder, token = tokens.customer): Promise<PrintOrderView> {
    const response = await api(`/orders/${order.id}/print`, token);
    expect(response.status).toBe(200);
    return (await response.json()) as PrintOrderView;
  }

  async function orderOf(order: PlacedOrder): Promise<Order> {
    return (await api(`/orders/${order.id}`, tokens.customer)).json() as Promise<Order>;
  }

  const provider = (name: string) => ({ makerspaceId: crypto.randomUUID(), name });

  function update(
    status: ServiceOrderUpdate['status'],
    jobId: string,
    extra: Partial<ServiceOrderUpdate> = {},
  ): ServiceOrderUpdate {
    return {
      eventId: crypto.randomUUID(),
      jobId,
      status,
      provider: provider('Austin Makerspace'),
      reason: null,
      trackingUrl: null,
      at: new Date().toISOString(),
      ...extra,
    };
  }

  const report = (printId: string, body: unknown, token = tokens.cave) =>
    api(`/service-orders/${printId}/updates`, token, { method: 'POST', body });

  async function eventsAbout(orderId: string, type: string) {
    return store.app.db
      .select({ payload: outboxEvents.payload })
      .from(outboxEvents)
      .where(
        and(eq(outboxEvents.type, type), sql`${outboxEvents.payload}::text like ${`%${orderId}%`}`),
      );
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'makrx-print-orders-'));
    issuer = await startTestIssuer();
    stripe = await startFakeStripeApi();
    const providers = async () => caveList;
    const service: ServiceDefinition = {
      ...storeService,
      modules: storeService.modules.map((module) =>
        module.plugin === modelUploadsModule
          ? { ...module, plugin: modelUploadsModuleWith({ providers, providersCacheMs: 0 }) }
          : module.plugin === printOrdersModule
            ? { ...module, plugin: printOrdersModuleWith({ providers }) }
            : module,
      ),
    };
    store = await startTestService(service, driver, {
      issuer: issuer.issuer,
      env: {
        MAKRX_DATA_DIR: dataDir,
        STRIPE_SECRET_KEY: FAKE_STRIPE_SECRET_KEY,
        STRIPE_API_URL: stripe.url,
        ...clamdUnderTest.env,
      },
    });
    await store.app.db.insert(featureFlags).values(stlUploadFlag);
    ({ baseUrl, dropConnections } = await listenForTest(store.app));
    tokens.customer = await issuer.userToken({
      id: ids.customer,
      username: 'printing-maker',
      email: 'printing-maker@example.com',
      realmRoles: ['store_customer'],
    });
    tokens.other = await issuer.userToken({
      id: ids.other,
      username: 'another-maker',
      realmRoles: ['store_customer'],
    });
    tokens.admin = await issuer.userToken({
      id: crypto.randomUUID(),
      username: 'store-admin',
      realmRoles: ['admin', 'admin:store'],
    });
    tokens.cave = await issuer.serviceToken('makrcave-backend');
    tokens.store = await issuer.serviceToken('store-backend');
  });
  afterAll(async () => {
    dropConnections();
    await store.close();
    await stripe.close();
    await issuer.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('places a print at the quote the server makes, as an order with one print line', async () => {
    const uploadId = await uploadCube();
    const quote = await cheapestQuote(uploadId, 3);
    const response = await orderPrint({
      uploadId,
      offeringId: quote.offeringId,
      quantity: 3,
      shippingAddress: aCaliforniaAddress(),
    });
    expect(response.status).toBe(201);
    const order = (await response.json()) as PlacedOrder;
    expect(order.status).toBe('pending_payment');
    expect(order.currency).toBe(quote.currency);
    expect(order.lines).toEqual([
      expect.objectContaining({
        kind: 'print',
        variantId: null,
        productName: '3D print of cube.stl',
        quantity: 1,
        unitPriceCents: quote.total,
        lineTotalCents: quote.total,
        options: expect.objectContaining({ Parts: '3', 'Quoted by': quote.provider.name }),
      }),
    ]);
    expect(order.shippingMethod).toEqual({
      code: 'print-provider',
      name: 'Sent by the print provider',
    });
    // California's 7.25 % on the print, nothing for shipping.
    expect(order.taxCents).toBe(Math.round((quote.total * 725) / 10_000));
    expect(order.totalCents).toBe(quote.total + order.taxCents);

    const print = await printOf(order);
    expect(print).toMatchObject({
      status: 'awaiting_payment',
      upload: { id: uploadId, originalName: 'cube.stl' },
      quote: { quantity: 3, total: quote.total, currency: quote.currency },
      provider: null,
      timeline: [],
    });
  });

  it('answers a retried request with the first order, and refuses its key for another', async () => {
    const uploadId = await uploadCube();
    const quote = await cheapestQuote(uploadId);
    const body = {
      uploadId,
      offeringId: quote.offeringId,
      quantity: 1,
      shippingAddress: aCaliforniaAddress(),
    };
    const key = crypto.randomUUID();
    const first = await orderPrint(body, { key });
    const again = await orderPrint(body, { key });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(((await again.json()) as PlacedOrder).id).toBe(((await first.json()) as PlacedOrder).id);
    const other = await orderPrint({ ...body, quantity: 2 }, { key });
    expect(other.status).toBe(409);
    expect((await other.json()).error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('refuses guests, other customers’ uploads, withdrawn offers and bad bodies, placing nothing', async () => {
    const uploadId = await uploadCube();
    const quote = await cheapestQuote(uploadId);
    const body = {
      uploadId,
      offeringId: quote.offeringId,
      quantity: 1,
      shippingAddress: aCaliforniaAddress(),
    };
    const ordersBefore = await store.app.db.execute(
      sql`select count(*)::int as n from store.orders`,
    );

    expect((await orderPrint(body, { token: '' })).status).toBe(401);
    const notTheirs = await orderPrint(body, { token: tokens.other });
    expect(notTheirs.status).toBe(404);

    const gone = await orderPrint({ ...body, offeringId: crypto.randomUUID() });
    expect(gone.status).toBe(409);
    expect((await gone.json()).error.code).toBe('QUOTE_UNAVAILABLE');

    // A resin printer too small for a 20 mm cube ten times over still fits it; a 10 mm bed does not.
    caveList = providersFixture();
    for (const p of caveList.providers)
      for (const o of p.offerings) o.machine.buildVolumeMm = { x: 10, y: 10, z: 10 };
    const tooBig = await orderPrint(body);
    caveList = providersFixture();
    expect(tooBig.status).toBe(409);
    expect((await tooBig.json()).error.code).toBe('QUOTE_UNAVAILABLE');

    for (const bad of [
      { ...body, quantity: 0 },
      { ...body, quantity: 1.5 },
      { ...body, uploadId: 'not-a-uuid' },
      { ...body, shippingAddress: { ...body.shippingAddress, country: 'United States' } },
      { ...body, price: 1 },
    ]) {
      const response = await orderPrint(bad);
      expect(response.status, JSON.stringify(bad)).toBe(400);
    }
    const ordersAfter = await store.app.db.execute(
      sql`select count(*)::int as n from store.orders`,
    );
    expect(ordersAfter.rows).toEqual(ordersBefore.rows);
  });

  it('follows the cave’s reports: a rejection, the next provider, printing, shipping, delivery', async () => {
    const { order, print } = await paidPrint();
    expect(print.status).toBe('routing');
    const first = crypto.randomUUID();
    const second = crypto.randomUUID();
    const austin = provider('Austin Makerspace');
    const roundRock = provider('Round Rock Fab');

    const offered = update('offered', first, { provider: austin });
    expect(await (await report(print.id, offered)).json()).toEqual({ recorded: true });
    // The same report again changes nothing.
    expect(await (await report(print.id, offered)).json()).toEqual({ recorded: false });
    expect((await printOf(order)).status).toBe('offered');

    await report(
      print.id,
      update('rejected', first, { provider: austin, reason: 'Out of black PLA' }),
    );
    expect((await printOf(order)).status).toBe('routing');
    await report(print.id, update('offered', second, { provider: roundRock }));
    await report(print.id, update('accepted', second, { provider: roundRock }));
    expect((await orderOf(order)).status).toBe('in_fulfilment');
    // A late report of the first job cannot take the order back.
    const late = await report(print.id, update('expired', first, { provider: austin }));
    expect(await late.json()).toEqual({ recorded: false });

    await report(print.id, update('printing', second, { provider: roundRock }));
    await report(print.id, update('quality_check', second, { provider: roundRock }));
    await report(
      print.id,
      update('shipped', second, {
        provider: roundRock,
        trackingUrl: 'https://tracking.example.com/1Z999',
      }),
    );
    const shipped = await orderOf(order);
    expect(shipped.status).toBe('shipped');
    expect(shipped.trackingNumber).toBe('https://tracking.example.com/1Z999');
    await report(print.id, update('delivered', second, { provider: roundRock }));

    const followed = await printOf(order);
    expect(followed).toMatchObject({
      status: 'delivered',
      provider: roundRock,
      trackingUrl: 'https://tracking.example.com/1Z999',
    });
    expect(followed.timeline.map((step) => step.status)).toEqual([
      'offered',
      'rejected',
      'offered',
      'accepted',
      'expired',
      'printing',
      'quality_check',
      'shipped',
      'delivered',
    ]);
    expect(followed.timeline[1]).toMatchObject({ reason: 'Out of black PLA' });
    expect((await orderOf(order)).status).toBe('delivered');

    const notices = await store.app.db
      .select({ payload: outboxEvents.payload })
      .from(outboxEvents)
      .where(
        and(
          eq(outboxEvents.type, 'notification.requested'),
          sql`${outboxEvents.payload} ->> 'kind' = 'print.update'`,
          sql`${outboxEvents.payload} ->> 'title' like ${`%${order.number}%`}`,
        ),
      );
    expect(notices.map((n) => (n.payload as { body: string }).body)).toEqual([
      'Round Rock Fab accepted your print and will start it soon.',
      'Round Rock Fab is printing it now.',
      'Round Rock Fab is checking the finished parts.',
      'Round Rock Fab sent it; follow it with the tracking link.',
      'It was delivered. How did it turn out?',
    ]);
  });

  it('cancels and refunds a print no provider can make', async () => {
    const { order, print } = await paidPrint();
    const job = crypto.randomUUID();
    await report(print.id, update('offered', job));
    const none = await report(
      print.id,
      update('unroutable', job, {
        provider: null,
        reason: 'No provider has PLA free before the due date.',
      }),
    );
    expect(await none.json()).toEqual({ recorded: true });
    expect((await orderOf(order)).status).toBe('cancelled');
    expect((await printOf(order)).status).toBe('unroutable');
    expect(await eventsAbout(order.id, 'store.order.refund-requested')).toHaveLength(1);
  });

  it('keeps a paid print from being cancelled by its buyer: a provider may hold a printer for it', async () => {
    const { order } = await paidPrint();
    const response = await api(`/orders/${order.id}/cancel`, tokens.customer, { method: 'POST' });
    expect(response.status).toBe(409);
    expect((await response.json()).error.code).toBe('ORDER_NOT_CANCELLABLE');
    expect((await orderOf(order)).status).toBe('paid');
  });

  it('takes reports from the cave alone, and only well-formed ones for print orders that exist', async () => {
    const { order, print } = await paidPrint();
    const job = crypto.randomUUID();
    const good = update('offered', job);
    expect((await report(print.id, good, '')).status).toBe(401);
    expect((await report(print.id, good, tokens.customer)).status).toBe(403);
    expect((await report(print.id, good, tokens.store)).status).toBe(403);
    expect((await report(crypto.randomUUID(), good)).status).toBe(404);
    for (const bad of [
      { ...good, status: 'teleported' },
      { ...good, eventId: 'x' },
      { ...good, trackingUrl: 'javascript:alert(1)' },
      { ...good, reason: 'x'.repeat(501) },
    ]) {
      expect((await report(print.id, bad)).status, JSON.stringify(bad)).toBe(400);
    }
    expect((await printOf(order)).timeline).toEqual([]);

    const unpaid = await placedPrint();
    const early = await report((await printOf(unpaid)).id, update('offered', job));
    expect(early.status).toBe(409);
    expect((await early.json()).error.code).toBe('PRINT_ORDER_NOT_PAID');
  });

  it('shows a print to its buyer alone', async () => {
    const order = await placedPrint();
    expect((await api(`/orders/${order.id}/print`, '')).status).toBe(401);
    expect((await api(`/orders/${order.id}/print`, tokens.other)).status).toBe(404);
    const withLink = await fetch(`${baseUrl}/api/v1/orders/${order.id}/print`, {
      headers: { 'x-order-token': order.accessToken },
    });
    expect(withLink.status).toBe(200);
  });
  /** A paid print the cave has taken to the customer's door. */
  async function deliveredPrint() {
    const { order, print } = await paidPrint();
    const job = crypto.randomUUID();
    const maker = provider('Round Rock Fab');
    for (const status of ['offered', 'accepted', 'printing', 'shipped', 'delivered'] as const) {
      expect((await report(print.id, update(status, job, { provider: maker }))).status).toBe(200);
    }
    return { order, print: await printOf(order), job };
  }

  const rate = (orderId: string, body: unknown, token = tokens.customer) =>
    api(`/orders/${orderId}/print/rating`, token, { method: 'POST', body });

  async function storedRating(printId: string) {
    const rows = await store.app.db.execute(
      sql`select rating_stars, rating_comment from store.print_orders where id = ${printId}`,
    );
    return rows.rows[0];
  }

  it('keeps the buyer’s rating of a delivered print and hands it to the cave’s job', async () => {
    const { order, print, job } = await deliveredPrint();
    expect(print.rating).toBeNull();

    const response = await rate(order.id, { stars: 4, comment: '  Crisp layers, fast.  ' });
    expect(response.status).toBe(201);
    const rated = (await response.json()) as PrintOrderView;
    expect(rated.rating).toMatchObject({ stars: 4, comment: 'Crisp layers, fast.' });
    expect((await printOf(order)).rating).toEqual(rated.rating);

    const sent = await eventsAbout(print.id, 'store.print.rated');
    expect(sent.map((event) => event.payload)).toEqual([
      { printOrderId: print.id, jobId: job, stars: 4, comment: 'Crisp layers, fast.' },
    ]);

    // The same rating again (a double submit) answers as the first and sends nothing more.
    const replay = await rate(order.id, { stars: 4, comment: 'Crisp layers, fast.' });
    expect(replay.status).toBe(200);
    expect(((await replay.json()) as PrintOrderView).rating).toEqual(rated.rating);
    // Another rating is refused: a print is rated once.
    const changed = await rate(order.id, { stars: 1 });
    expect(changed.status).toBe(409);
    expect((await changed.json()).error.code).toBe('PRINT_ALREADY_RATED');
    expect(await eventsAbout(print.id, 'store.print.rated')).toHaveLength(1);
    expect(await storedRating(print.id)).toEqual({
      rating_stars: 4,
      rating_comment: 'Crisp layers, fast.',
    });
  });

  it('takes a rating without a comment', async () => {
    const { order } = await deliveredPrint();
    const response = await rate(order.id, { stars: 5, comment: '   ' });
    expect(response.status).toBe(201);
    expect(((await response.json()) as PrintOrderView).rating).toMatchObject({
      stars: 5,
      comment: null,
    });
  });

  it('refuses a rating before delivery', async () => {
    const { order, print } = await paidPrint();
    const early = await rate(order.id, { stars: 5 });
    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({
      error: { code: 'PRINT_NOT_DELIVERED', details: { status: 'routing' } },
    });
    const job = crypto.randomUUID();
    await report(print.id, update('offered', job));
    await report(print.id, update('accepted', job));
    await report(print.id, update('shipped', job));
    const shipped = await rate(order.id, { stars: 5 });
    expect(shipped.status).toBe(409);
    expect((await shipped.json()).error.code).toBe('PRINT_NOT_DELIVERED');
    expect((await printOf(order)).rating).toBeNull();
    expect(await eventsAbout(print.id, 'store.print.rated')).toHaveLength(0);
  });

  it('takes a rating from the buyer alone, and only a well-formed one', async () => {
    const { order, print } = await deliveredPrint();
    expect((await rate(order.id, { stars: 5 }, '')).status).toBe(401);
    // Another customer learns nothing of the order.
    expect((await rate(order.id, { stars: 5 }, tokens.other)).status).toBe(404);
    // A store admin may read the order, but the rating is the buyer's to give.
    const admin = await rate(order.id, { stars: 5 }, tokens.admin);
    expect(admin.status).toBe(403);
    expect((await admin.json()).error.code).toBe('NOT_THE_BUYER');
    // The order's link is for reading it, not for rating it.
    const withLink = await fetch(`${baseUrl}/api/v1/orders/${order.id}/print/rating`, {
      method: 'POST',
      headers: { 'x-order-token': order.accessToken, 'content-type': 'application/json' },
      body: JSON.stringify({ stars: 5 }),
    });
    expect(withLink.status).toBe(401);
    expect((await rate(crypto.randomUUID(), { stars: 5 })).status).toBe(404);
    expect((await rate('not-an-id', { stars: 5 })).status).toBe(400);
    // The cave's token is not a customer's.
    expect((await rate(order.id, { stars: 5 }, tokens.cave)).status).toBe(403);

    for (const bad of [
      {},
      { stars: 0 },
      { stars: 6 },
      { stars: 4.5 },
      { stars: '5' },
      { stars: 5, comment: 'x'.repeat(1001) },
      { stars: 5, comment: 42 },
      { stars: 5, extra: true },
    ]) {
      const response = await rate(order.id, bad);
      expect(response.status, JSON.stringify(bad)).toBe(400);
      expect((await response.json()).error.code).toBe('VALIDATION_FAILED');
    }
    const huge = await rate(order.id, { stars: 5, comment: 'x'.repeat(2_000_000) });
    expect([400, 413]).toContain(huge.status);
    const malformed = await fetch(`${baseUrl}/api/v1/orders/${order.id}/print/rating`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.customer}`, 'content-type': 'application/json' },
      body: '{"stars": 5',
    });
    expect(malformed.status).toBe(400);

    expect((await printOf(order)).rating).toBeNull();
    expect(await storedRating(print.id)).toEqual({ rating_stars: null, rating_comment: null });
    expect(await eventsAbout(print.id, 'store.print.rated')).toHaveLength(0);
  });

  it('gives the cave alone a print order’s model file, byte for byte, and its analysis', async () => {
    const { print } = await paidPrint();
    const sent = Buffer.from(toBinaryStl(cube(20)));

    const model = await api(`/service-orders/${print.id}/model`, tokens.cave);
    expect(model.status).toBe(200);
    expect(model.headers.get('content-type')).toBe('model/stl');
    expect(model.headers.get('content-length')).toBe(String(sent.length));
    expect(model.headers.get('content-disposition')).toBe(
      `attachment; filename="cube.stl"; filename*=UTF-8''cube.stl`,
    );
    const bytes = Buffer.from(await model.arrayBuffer());
    expect(bytes.equals(sent)).toBe(true);
    const sha256 = createHash('sha256').update(sent).digest('hex');
    expect(model.headers.get('x-model-sha256')).toBe(sha256);

    const analysis = await api(`/service-orders/${print.id}/analysis`, tokens.cave);
    expect(analysis.status).toBe(200);
    const body = (await analysis.json()) as ModelAnalysis;
    expect(body).toMatchObject({
      format: 'stl-binary',
      triangleCount: 12,
      unitScale: 1,
      watertight: true,
      shells: 1,
      boundaryEdges: 0,
    });
    expect(body.dimensionsMm).toEqual({ x: 20, y: 20, z: 20 });
    expect(body.volumeMm3).toBeCloseTo(8000);
    expect(body.surfaceAreaMm2).toBeCloseTo(2400);
    // What the customer sees of the same upload.
    const own = await api(`/model-uploads/${print.upload.id}`, tokens.customer);
    expect(((await own.json()) as { analysis: ModelAnalysis }).analysis).toEqual(body);
  });

  it('gives a print order’s file and analysis to no one else, and 404 for an unknown order', async () => {
    const { print } = await paidPrint();
    for (const part of ['model', 'analysis']) {
      const path = `/service-orders/${print.id}/${part}`;
      expect((await api(path, '')).status, part).toBe(401);
      expect((await api(path, tokens.customer)).status, part).toBe(403);
      expect((await api(path, tokens.store)).status, part).toBe(403);
      const unknown = await api(`/service-orders/${crypto.randomUUID()}/${part}`, tokens.cave);
      expect(unknown.status, part).toBe(404);
      expect((await unknown.json()).error.code).toBe('NOT_FOUND');
      expect((await api(`/service-orders/not-a-uuid/${part}`, tokens.cave)).status).toBe(400);
    }
  });

  it('lists a customer’s own prints, latest first, to them alone', async () => {
    const placed = await placedPrint(2);
    const mine = await api('/me/print-orders?limit=20', tokens.customer);
    expect(mine.status).toBe(200);
    expect(mine.headers.get('cache-control')).toBe('no-store');
    const { items } = (await mine.json()) as MyPrintOrderList;
    expect(items[0]).toMatchObject({
      orderId: placed.id,
      orderNumber: placed.number,
      status: 'awaiting_payment',
      fileName: 'cube.stl',
      quantity: 2,
      providerName: null,
    });
    const times = items.map((item) => item.updatedAt);
    expect(times).toEqual([...times].sort().reverse());

    const other = await api('/me/print-orders', tokens.other);
    expect(((await other.json()) as MyPrintOrderList).items).toEqual([]);
    expect((await api('/me/print-orders', '')).status).toBe(401);
    expect((await api('/me/print-orders', tokens.cave)).status).toBe(403);
    for (const limit of ['0', '21', 'many']) {
      expect((await api(`/me/print-orders?limit=${limit}`, tokens.customer)).status).toBe(400);
    }
    const one = await api('/me/print-orders?limit=1', tokens.customer);
    expect(((await one.json()) as MyPrintOrderList).items).toHaveLength(1);
  });

  it('names the file safely whatever the customer called it', () => {
    expect(attachmentOf('bracket "v2"/ünï.stl')).toBe(
      `attachment; filename="bracket _v2___n_.stl"; filename*=UTF-8''bracket%20%22v2%22%2F%C3%BCn%C3%AF.stl`,
    );
    expect(attachmentOf('a\r\nx: y.stl')).not.toMatch(/[\r\n]/);
  });
});
