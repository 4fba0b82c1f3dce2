import { startTestIssuer, type TestIssuer } from '@makrx/auth/testing';
import type { PlacedOrder } from '@makrx/contracts';
import { auditLogs, type Driver } from '@makrx/db';
import { outboxEvents } from '@makrx/events';
import { startTestService, type TestService } from '@makrx/service-kit/testing';
import { and, eq, sql } from 'drizzle-orm';
import { storeConfigOf } from '../config';
import { loadOrder, type OrderRow } from '../modules/orders/service';
import { placeGuestOrder, variantOf } from '../modules/orders/testing';
import {
  FAKE_STRIPE_SECRET_KEY,
  startFakeStripeApi,
  type FakeStripeApi,
} from '../modules/payments/testing';
import { createPaymentProvider } from '../modules/payments/service';
import { storeService } from '../service';
import { storeLinks } from '../store-links';
import type { PaymentFlowInput } from './settle-payment';

/**
 * The store paying through a fake Stripe API that records every charge and refund, so a flow
 * test can see the provider's side as well as the store's.
 */
export interface FlowTestSetup {
  store: TestService;
  stripe: FakeStripeApi;
  issuer: TestIssuer;
  /** What a flow is given when a guest acts in a request. */
  input(): PaymentFlowInput;
  /** An order's row as the flows take it. */
  row(order: PlacedOrder): Promise<OrderRow>;
  /** A guest's order of `quantity` units of the product's first variant. */
  placeOrder(slug: string, quantity?: number): Promise<PlacedOrder>;
  /** A guest's order, paid with Stripe's test Visa. */
  paidOrder(slug: string, quantity?: number): Promise<PlacedOrder>;
  stockOf(slug: string): Promise<number>;
  statusOf(order: PlacedOrder): Promise<string>;
  /** Stripe's charges and refunds for the order. */
  atStripe(order: PlacedOrder): { charges: string[]; refunds: string[] };
  /** The order's `store.order.paid` events and its audit actions. */
  recorded(order: PlacedOrder): Promise<{ paidEvents: number; audit: string[] }>;
  close(): Promise<void>;
}

export async function startFlowTestSetup(driver: Driver): Promise<FlowTestSetup> {
  const stripe = await startFakeStripeApi();
  const issuer = await startTestIssuer();
  const store = await startTestService(storeService, driver, {
    issuer: issuer.issuer,
    env: { STRIPE_SECRET_KEY: FAKE_STRIPE_SECRET_KEY, STRIPE_API_URL: stripe.url },
  });
  const { app } = store;
  const provider = createPaymentProvider(storeConfigOf(app.config));
  const placeOrder = async (slug: string, quantity = 1) =>
    placeGuestOrder(app, [{ variantId: (await variantOf(app, slug)).id, quantity }]);
  return {
    store,
    stripe,
    issuer,
    input: () => ({ provider, links: storeLinks(app.config), actorId: null, log: app.log }),
    row: async (order) => (await loadOrder(app.db, { id: order.id }))!.row,
    placeOrder,
    paidOrder: async (slug, quantity) => {
      const order = await placeOrder(slug, quantity);
      const paid = await app.inject({
        method: 'POST',
        url: `/api/v1/orders/${order.id}/payments`,
        headers: { 'x-order-token': order.accessToken },
        payload: { paymentMethod: 'pm_card_visa' },
      });
      if (paid.statusCode !== 201) throw new Error(`not paid: ${paid.body}`);
      return order;
    },
    stockOf: async (slug) => (await variantOf(app, slug)).stock,
    statusOf: async (order) => (await loadOrder(app.db, { id: order.id }))!.order.status,
    atStripe: (order) => {
      const charges = [...stripe.intents.values()]
        .filter((intent) => intent.metadata.orderId === order.id)
        .map((intent) => intent.id);
      const refunds = stripe.refunds
        .filter((refund) => charges.includes(refund.paymentIntent))
        .map((refund) => refund.id);
      return { charges, refunds };
    },
    recorded: async (order) => {
      const events = await app.db
        .select({ id: outboxEvents.id })
        .from(outboxEvents)
        .where(
          and(
            eq(outboxEvents.type, 'store.order.paid'),
            sql`${outboxEvents.payload} ->> 'orderId' = ${order.id}`,
          ),
        );
      const audit = await app.db
        .select({ action: auditLogs.action })
        .from(auditLogs)
        .where(eq(auditLogs.entityId, order.id))
        .orderBy(auditLogs.id);
      return { paidEvents: events.length, audit: audit.map((row) => row.action) };
    },
    close: async () => {
      await store.close();
      await issuer.close();
      await stripe.close();
    },
  };
}
