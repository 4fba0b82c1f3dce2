import type { Order } from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { renderEmail, type EmailContent } from '@makrx/mailer';
import type { EventConsumer } from '@makrx/service-kit';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { storeLinks } from '../../store-links';
import { loadOrder } from './order-records';
import { orderMails } from './tables';

type MailKind = 'order-shipped' | 'order-delivered';

/**
 * A sender that crashed after claiming a mail leaves it claimed; after this long another
 * delivery of the event may take it on (and at worst the buyer gets that one mail twice).
 */
const CLAIM_LEASE = sql`interval '5 minutes'`;

/**
 * Spec flow "Order Product": the buyer, guest or signed in, hears when the order leaves (with
 * the carrier's tracking link) and when it arrives, once each. The order's own row in
 * `order_mails` is taken before the mail leaves, so a replayed event, a second delivery of it
 * or a retried admin request finds it taken and sends nothing.
 */
export const orderFulfilmentMail: EventConsumer<'store.order.fulfilment-changed'> = {
  name: 'order-fulfilment-mail',
  eventTypes: ['store.order.fulfilment-changed'],
  // The mailer writes through its own connection: no transaction may stay open meanwhile.
  outsideTransaction: true,
  async handle(event, { app }) {
    const { orderId, to } = event.payload;
    if (to !== 'shipped' && to !== 'delivered') return;
    const kind: MailKind = to === 'shipped' ? 'order-shipped' : 'order-delivered';
    const found = await loadOrder(app.db, { id: orderId });
    if (!found || !(await claimMail(app.db, orderId, kind))) return;
    const link = storeLinks(app.config).order(found.order.number, found.row.accessToken);
    const content =
      kind === 'order-shipped' ? shippedMail(found.order, link) : deliveredMail(found.order, link);
    const { html, text } = renderEmail(content);
    try {
      await app.mailer.send({ to: found.row.email, subject: content.heading, text, html, kind });
    } catch (error) {
      await releaseMail(app.db, orderId, kind);
      throw error;
    }
    await app.db
      .update(orderMails)
      .set({ sentAt: new Date() })
      .where(and(eq(orderMails.orderId, orderId), eq(orderMails.kind, kind)));
  },
};

/** Takes the order's mail of this kind, unless it was sent or another sender holds it. */
async function claimMail(db: Database, orderId: string, kind: MailKind) {
  const claimed = await db
    .insert(orderMails)
    .values({ orderId, kind })
    .onConflictDoUpdate({
      target: [orderMails.orderId, orderMails.kind],
      set: { claimedAt: sql`now()` },
      setWhere: sql`${orderMails.sentAt} is null and ${orderMails.claimedAt} < now() - ${CLAIM_LEASE}`,
    })
    .returning({ orderId: orderMails.orderId });
  return claimed.length > 0;
}

/** The mail did not leave: the next delivery of the event may send it at once. */
async function releaseMail(db: Database, orderId: string, kind: MailKind) {
  await db
    .update(orderMails)
    .set({ claimedAt: new Date(0) })
    .where(
      and(eq(orderMails.orderId, orderId), eq(orderMails.kind, kind), isNull(orderMails.sentAt)),
    );
}

function shippedMail(order: Order, orderLink: string): EmailContent {
  const { shipment } = order;
  return {
    heading: `Your MakrX.Store order ${order.number} has shipped`,
    paragraphs: [
      `Your order is on its way to ${order.shippingAddress.name}, ${order.shippingAddress.city}.`,
      shipment
        ? `Carrier: ${shipment.carrierName}. Tracking number: ${order.trackingNumber}.`
        : `Tracking: ${order.trackingNumber}.`,
    ],
    action: { label: 'Track your order', url: orderLink },
    links: shipment
      ? [{ label: `Follow the parcel at ${shipment.carrierName}`, url: shipment.trackingUrl }]
      : [],
    footer: `You placed order ${order.number} at MakrX.Store with this email address.`,
  };
}

function deliveredMail(order: Order, orderLink: string): EmailContent {
  return {
    heading: `Your MakrX.Store order ${order.number} was delivered`,
    paragraphs: [
      `Your order reached ${order.shippingAddress.name}, ${order.shippingAddress.city}. We hope you enjoy it.`,
      'The order page keeps its details, whenever you need them.',
    ],
    action: { label: 'See your order', url: orderLink },
    footer: `You placed order ${order.number} at MakrX.Store with this email address.`,
  };
}
