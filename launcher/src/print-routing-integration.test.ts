import { createHash } from 'node:crypto';
import type {
  ModelAnalysis,
  ModelQuotes,
  Order,
  PlacedOrder,
  PrintOrderView,
  ProviderJobList,
  ProvidersAvailable,
} from '@makrx/contracts';
import { outboxEvents } from '@makrx/events';
import { cube, toBinaryStl } from '@makrx/mesh/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningMakrx } from './start-makrx';
import { embeddedMakrxForTest } from './testing';

/*
 * Spec flow "Upload STL → Job Routing" across the store and the cave as `npm start` runs them:
 * the store quotes on the cave's providers, routes the paid order through the cave (spec
 * section 7), and the cave's reports move the store's order.
 */

const system = embeddedMakrxForTest('print-routing', 29400);
const { issuer } = system;
const { cave, store, auth } = system.api;

let makrx: RunningMakrx;
const tokens = { customer: '', provider: '', superadmin: '' };

beforeAll(async () => {
  makrx = await system.start();
  tokens.customer = await system.signIn('customer@demo.makrx.org');
  tokens.provider = await system.signIn('provider@demo.makrx.org');
  tokens.superadmin = await system.signIn('superadmin@demo.makrx.org');
});
// Stopping waits for work in flight, such as the cave’s first sweep of makers’ highlights.
afterAll(() => system.stop(), 120_000);

async function call<T>(url: string, token: string, body?: unknown, method = 'POST'): Promise<T> {
  const response = await fetch(url, {
    method: body === undefined ? 'GET' : method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url} answered ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

/** The tus protocol by hand: create the upload, then send every byte in one PATCH. */
async function uploadModel(bytes: Uint8Array, filename: string): Promise<string> {
  const created = await fetch(`${store}/model-uploads/tus`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${tokens.customer}`,
      'tus-resumable': '1.0.0',
      'upload-length': String(bytes.length),
      'upload-metadata': `filename ${Buffer.from(filename).toString('base64')}`,
    },
  });
  expect(created.status).toBe(201);
  const url = new URL(created.headers.get('location')!, store).toString();
  const sent = await fetch(url, {
    method: 'PATCH',
    headers: {
      authorization: `Bearer ${tokens.customer}`,
      'tus-resumable': '1.0.0',
      'upload-offset': '0',
      'content-type': 'application/offset+octet-stream',
    },
    body: Buffer.from(bytes),
  });
  expect(sent.status).toBe(204);
  return url.split('/').pop()!;
}

/** Asks until `check` holds: the services hand events to each other in the background. */
async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean): Promise<T> {
  let value = await read();
  for (let i = 0; i < 150 && !check(value); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

const jobsOf = (slug: string, token: string) =>
  call<ProviderJobList>(`${cave}/makerspaces/${slug}/provider/jobs`, token);

describe('a print order from the store, routed through the cave (spec 7, Store → Cave)', () => {
  it('quotes on the cave’s offerings, passes a rejected job on, hands the next provider the customer’s file, follows it to the door, and counts the customer’s rating in its own', async () => {
    const modelBytes = Buffer.from(toBinaryStl(cube(30)));
    const uploadId = await uploadModel(modelBytes, 'bracket.stl');
    const { quotes } = await call<ModelQuotes>(
      `${store}/model-uploads/${uploadId}/quotes?quantity=2`,
      tokens.customer,
    );
    const hubPla = quotes.find(
      (q) => q.provider.name === 'MakrX Hub Bengaluru' && q.materialKey === 'pla',
    );
    expect(hubPla).toMatchObject({ currency: 'INR', quantity: 2 });

    const placed = await fetch(`${store}/print-orders`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${tokens.customer}`,
        'content-type': 'application/json',
        'idempotency-key': crypto.randomUUID(),
      },
      body: JSON.stringify({
        uploadId,
        offeringId: hubPla!.offeringId,
        quantity: 2,
        shippingAddress: {
          name: 'Chris Customer',
          line1: '12 MG Road',
          city: 'Bengaluru',
          postalCode: '560001',
          country: 'IN',
        },
      }),
    });
    expect(placed.status).toBe(201);
    const order = (await placed.json()) as PlacedOrder;
    await call(`${store}/orders/${order.id}/payments`, tokens.customer, {
      paymentMethod: 'tok_visa',
    });

    // The hub, whose offer the customer chose, is asked first.
    const offered = await eventually(
      () => jobsOf('makrx-hub-bengaluru', tokens.provider),
      (list) => list.items.some((job) => job.orderNumber === order.number),
    );
    const hubJob = offered.items.find((job) => job.orderNumber === order.number)!;
    expect(hubJob).toMatchObject({
      status: 'offered',
      materialKey: 'pla',
      quantity: 2,
      file: { uploadId, name: 'bracket.stl' },
      price: { total: hubPla!.total, currency: 'INR' },
    });
    // Before answering, the hub reads the store's analysis of the customer's model.
    const hubJobUrl = `${cave}/makerspaces/makrx-hub-bengaluru/provider/jobs/${hubJob.id}`;
    const analysis = await call<ModelAnalysis>(`${hubJobUrl}/analysis`, tokens.provider);
    expect(analysis).toMatchObject({
      format: 'stl-binary',
      dimensionsMm: { x: 30, y: 30, z: 30 },
      watertight: true,
      shells: 1,
      triangleCount: 12,
    });
    expect(analysis.volumeMm3).toBeCloseTo(27_000);
    await call(`${hubJobUrl}/reject`, tokens.provider, {
      reason: 'Both PLA printers are down for a nozzle change.',
    });
    // Passed on, the job's file is no longer the hub's to read.
    const gone = await fetch(`${hubJobUrl}/model`, {
      headers: { authorization: `Bearer ${tokens.provider}` },
    });
    expect(gone.status).toBe(404);

    // The next qualified provider gets it; the store hears of each step.
    const next = await eventually(
      () => jobsOf('tinkerworks-pune', tokens.superadmin),
      (list) => list.items.some((job) => job.orderNumber === order.number),
    );
    const puneJob = next.items.find((job) => job.orderNumber === order.number)!;
    expect(puneJob.status).toBe('offered');
    await call(
      `${cave}/makerspaces/tinkerworks-pune/provider/jobs/${puneJob.id}/accept`,
      tokens.superadmin,
      {},
    );
    // The accepting provider downloads the very bytes the customer uploaded.
    const model = await fetch(
      `${cave}/makerspaces/tinkerworks-pune/provider/jobs/${puneJob.id}/model`,
      { headers: { authorization: `Bearer ${tokens.superadmin}` } },
    );
    expect(model.status).toBe(200);
    expect(model.headers.get('content-type')).toBe('model/stl');
    expect(model.headers.get('content-length')).toBe(String(modelBytes.length));
    expect(model.headers.get('content-disposition')).toContain('filename="bracket.stl"');
    const downloaded = Buffer.from(await model.arrayBuffer());
    expect(downloaded.equals(modelBytes)).toBe(true);
    const sha256 = createHash('sha256').update(downloaded).digest('hex');
    expect(model.headers.get('x-model-sha256')).toBe(sha256);
    expect(puneJob.file.sha256).toBe(sha256);
    await call(
      `${cave}/makerspaces/tinkerworks-pune/provider/jobs/${puneJob.id}/status`,
      tokens.superadmin,
      { status: 'printing' },
    );

    const print = await eventually(
      () => call<PrintOrderView>(`${store}/orders/${order.id}/print`, tokens.customer),
      (view) => view.status === 'printing',
    );
    expect(print.provider?.name).toBe('TinkerWorks Pune');
    expect(print.timeline.map((step) => [step.status, step.providerName])).toEqual([
      ['offered', 'MakrX Hub Bengaluru'],
      ['rejected', 'MakrX Hub Bengaluru'],
      ['offered', 'TinkerWorks Pune'],
      ['accepted', 'TinkerWorks Pune'],
      ['printing', 'TinkerWorks Pune'],
    ]);
    expect(print.timeline[1]!.reason).toBe('Both PLA printers are down for a nozzle change.');
    const inStore = await call<Order>(`${store}/orders/${order.id}`, tokens.customer);
    expect(inStore.status).toBe('in_fulfilment');

    // Delivered, the customer rates it; the rating reaches the provider's through the outbox.
    for (const change of [
      { status: 'shipped', trackingUrl: 'https://track.example/MX-PUNE-1' },
      { status: 'delivered' },
    ]) {
      await call(
        `${cave}/makerspaces/tinkerworks-pune/provider/jobs/${puneJob.id}/status`,
        tokens.superadmin,
        change,
      );
    }
    await eventually(
      () => call<PrintOrderView>(`${store}/orders/${order.id}/print`, tokens.customer),
      (view) => view.status === 'delivered',
    );
    await call(
      `${auth}/flags/ENABLE_SERVICE_MARKETPLACE`,
      tokens.superadmin,
      {
        enabled: true,
        justification: 'The providers list shows ratings.',
      },
      'PATCH',
    );
    const puneRating = async () => {
      const response = await fetch(`${cave}/providers`);
      if (!response.ok) return null;
      const { providers } = (await response.json()) as ProvidersAvailable;
      return providers.find((p) => p.slug === 'tinkerworks-pune')?.rating ?? null;
    };
    const before = (await eventually(puneRating, (rating) => rating !== null))!;

    const rated = await call<PrintOrderView>(
      `${store}/orders/${order.id}/print/rating`,
      tokens.customer,
      {
        stars: 5,
        comment: 'Sharp corners, well packed.',
      },
    );
    expect(rated.rating).toMatchObject({ stars: 5, comment: 'Sharp corners, well packed.' });
    const after = await eventually(puneRating, (rating) => rating?.count === before.count + 1);
    expect(after).toEqual({
      average: ((before.average ?? 0) * before.count + 5) / (before.count + 1),
      count: before.count + 1,
    });
  });

  it('does not retry, or park, the reports of a job the store never placed', async () => {
    const token = await fetch(`${issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from('store-backend:embedded-store-backend-secret').toString('base64')}`,
      },
      body: 'grant_type=client_credentials',
    });
    const storeToken = ((await token.json()) as { access_token: string }).access_token;
    const serviceOrderId = crypto.randomUUID();
    await call(`${cave}/jobs/route-service-order`, storeToken, {
      serviceOrderId,
      orderNumber: 'MX-BYHAND',
      customer: { userId: null, name: 'Routed by hand' },
      requirements: {
        materialKey: 'pla',
        quality: 'standard',
        quantity: 1,
        partSizeMm: { x: 20, y: 20, z: 20 },
        volumeMm3: 8000,
        printMinutes: 30,
        dueBy: new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString(),
      },
      preferences: {},
      price: { total: 30_000, currency: 'INR' },
      file: {
        uploadId: crypto.randomUUID(),
        name: 'by-hand.stl',
        sizeBytes: 684,
        sha256: 'a'.repeat(64),
      },
    });
    const reports = () =>
      makrx.database.db
        .select({ status: outboxEvents.status })
        .from(outboxEvents)
        .where(
          sql`${outboxEvents.type} = 'cave.service-job.changed' and ${outboxEvents.payload} ->> 'serviceOrderId' = ${serviceOrderId}`,
        );
    const settled = await eventually(
      reports,
      (rows) => rows.length > 0 && rows.every((row) => row.status !== 'pending'),
    );
    expect(settled.map((row) => row.status)).toEqual(['delivered']);
  });
});
