import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { signInForAccessToken } from '@makrx/auth-service/testing';
import {
  storeOrderPaid,
  type CheckoutAddresses,
  type PlacedOrder,
  type Product,
  type PurchaseSummary,
} from '@makrx/contracts';
import { outboxEvents, processedEvents, publishEvent } from '@makrx/events';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLauncherConfig } from './config';
import { startMakrx, type RunningMakrx } from './start-makrx';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'makrx-store-org-'));
const issuer = 'http://localhost:29380/realms/makrx';
const env = {
  MAKRX_DATA_DIR: dataDir,
  AUTH_API_URL: 'http://localhost:29301',
  CAVE_API_URL: 'http://localhost:29302',
  STORE_API_URL: 'http://localhost:29303',
  OIDC_ISSUER: issuer,
  MAKRX_EMBEDDED_IDP: 'true',
  LOG_LEVEL: 'silent',
};
const config = loadLauncherConfig(env);
const org = 'http://localhost:29301/api/v1';
const store = 'http://localhost:29303/api/v1';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let makrx: RunningMakrx;
let customer: string;

beforeAll(async () => {
  makrx = await startMakrx(root, env, () => {}, { withApps: false });
  customer = await signInForAccessToken({
    issuer,
    clientId: 'makrx-org-frontend',
    redirectUri: 'http://localhost:3000/auth/callback',
    login: 'customer@demo.makrx.org',
    password: config.MAKRX_DEMO_PASSWORD,
  });
});
afterAll(async () => {
  await makrx.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const send = async (url: string, init: { method?: string; body?: object; headers?: object } = {}) =>
  fetch(url, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.body ? { 'content-type': 'application/json' } : {}),
      ...(init.headers ?? {}),
    },
    ...(init.body ? { body: JSON.stringify(init.body) } : {}),
  });
const bearer = () => ({ authorization: `Bearer ${customer}` });
const purchases = async () =>
  (await (
    await send(`${org}/me/purchase-activity`, { headers: bearer() })
  ).json()) as PurchaseSummary;

/** Waits, up to a generous bound, until the store's dispatcher has handled the event. */
async function reportedToOrg(eventId: number) {
  for (let i = 0; i < 100; i += 1) {
    const [done] = await makrx.database.db
      .select()
      .from(processedEvents)
      .where(
        and(
          eq(processedEvents.consumer, 'org-purchase-activity'),
          eq(processedEvents.eventId, eventId),
        ),
      );
    if (done) return;
    await sleep(100);
  }
  throw new Error(`event ${eventId} was never reported to MakrX.org`);
}

async function paidOrder(signedIn: boolean): Promise<PlacedOrder> {
  const product = (await (await send(`${store}/products/esp32-devkit-v1`)).json()) as Product;
  const placed = await send(`${store}/orders`, {
    method: 'POST',
    headers: { 'idempotency-key': crypto.randomUUID(), ...(signedIn ? bearer() : {}) },
    body: {
      items: [{ variantId: product.variants[0]!.id, quantity: 1 }],
      ...(signedIn ? {} : { email: 'guest@example.com' }),
      shippingMethod: 'standard',
      shippingAddress: {
        name: 'Chris Customer',
        line1: '1 Market Street',
        city: 'San Francisco',
        region: 'CA',
        postalCode: '94105',
        country: 'US',
      },
    },
  });
  expect(placed.status).toBe(201);
  const order = (await placed.json()) as PlacedOrder;
  const paid = await send(`${store}/orders/${order.id}/payments`, {
    method: 'POST',
    headers: { 'x-order-token': order.accessToken },
    body: { paymentMethod: 'tok_visa' },
  });
  expect(paid.status).toBe(201);
  return order;
}

async function paidEventOf(orderId: string) {
  const events = await makrx.database.db
    .select()
    .from(outboxEvents)
    .where(eq(outboxEvents.type, 'store.order.paid'));
  return events.find((e) => (e.payload as { orderId: string }).orderId === orderId)!;
}

describe('the store and MakrX.org in npm start (spec 7, Store → Org)', () => {
  it('offers the customer the addresses they saved on MakrX.org at the store’s checkout', async () => {
    const saved = await send(`${org}/me/addresses`, {
      method: 'POST',
      headers: bearer(),
      body: {
        name: 'Chris Customer',
        line1: '12 Residency Road',
        city: 'Bengaluru',
        postalCode: '560025',
        country: 'IN',
      },
    });
    expect(saved.status).toBe(201);
    const response = await send(`${store}/checkout/addresses`, { headers: bearer() });
    expect(response.status).toBe(200);
    expect((await response.json()) as CheckoutAddresses).toMatchObject({
      reachable: true,
      addresses: [{ name: 'Chris Customer', city: 'Bengaluru', isDefault: true }],
    });
  });

  it('reports the customer’s paid order to their MakrX.org activity once, even when redelivered', async () => {
    const order = await paidOrder(true);
    const paid = await paidEventOf(order.id);
    await reportedToOrg(paid.id);
    expect(await purchases()).toMatchObject({
      orders: 1,
      categories: [{ slug: 'electronics', orders: 1 }],
    });

    // The same order's event delivered again (a retry after a lost answer, say).
    const again = await makrx.database.db.transaction((tx) =>
      publishEvent(tx, {
        type: 'store.order.paid',
        source: 'store',
        payload: storeOrderPaid.parse(paid.payload),
      }),
    );
    await reportedToOrg(again.id);
    expect((await purchases()).orders).toBe(1);
  });

  it('reports nothing for a guest’s order: guests have no MakrX.org profile', async () => {
    const order = await paidOrder(false);
    await reportedToOrg((await paidEventOf(order.id)).id);
    expect((await purchases()).orders).toBe(1);
  });
});
