import { createHash } from 'node:crypto';
import type { Database } from '@makrx/db';
import { publishEvent } from '@makrx/events';
import { renderEmail } from '@makrx/mailer';
import { AppError, type EventConsumer } from '@makrx/service-kit';
import { and, count, eq, gt, lt, or, sql } from 'drizzle-orm';
import { storeLinks } from '../../store-links';
import { findGuestOrder } from './order-lists';
import { loadOrder } from './order-records';
import { orderLinkRequests } from './tables';

/** How many times in an hour one order, or one address, may be asked about. */
export const ORDER_LINK_REQUESTS_PER_HOUR = 5;

const hashOf = (email: string) =>
  createHash('sha256').update(email.trim().toLowerCase()).digest('hex');

/**
 * A guest who lost their order email asks for its link by number and email. Whether or not
 * such an order exists, the answer is the same; when it does, its link is mailed to the
 * order's own address (from the outbox, so the answer does not wait for the mail either).
 * Every request counts towards the limit, so guessing numbers or addresses soon stops.
 */
export async function requestOrderLink(db: Database, input: { number: string; email: string }) {
  const emailHash = hashOf(input.email);
  await db.transaction(async (tx) => {
    await tx
      .delete(orderLinkRequests)
      .where(lt(orderLinkRequests.requestedAt, sql`now() - interval '1 day'`));
    const [recent] = await tx
      .select({ count: count() })
      .from(orderLinkRequests)
      .where(
        and(
          gt(orderLinkRequests.requestedAt, sql`now() - interval '1 hour'`),
          or(
            eq(orderLinkRequests.orderNumber, input.number),
            eq(orderLinkRequests.emailHash, emailHash),
          ),
        ),
      );
    if ((recent?.count ?? 0) >= ORDER_LINK_REQUESTS_PER_HOUR) {
      throw new AppError(
        429,
        'TOO_MANY_REQUESTS',
        'This order or address was asked about too often. Try again in an hour.',
      );
    }
    await tx.insert(orderLinkRequests).values({ orderNumber: input.number, emailHash });
    const orderId = await findGuestOrder(tx, input.number, input.email);
    if (orderId) {
      await publishEvent(tx, {
        type: 'store.order.link-requested',
        source: 'store',
        payload: { orderId },
      });
    }
  });
}

/** Mails the order's tracking link, with its token, to the address the order was placed with. */
export const orderLinkMail: EventConsumer<'store.order.link-requested'> = {
  name: 'order-link-mail',
  eventTypes: ['store.order.link-requested'],
  // Mail leaves outside any transaction; a repeated delivery may send it twice, never none.
  outsideTransaction: true,
  async handle(event, { app }) {
    const { orderId } = event.payload;
    const found = await loadOrder(app.db, { id: orderId });
    if (!found) return;
    const { order, row } = found;
    const { html, text } = renderEmail({
      heading: `Your order ${order.number}`,
      paragraphs: [
        'Someone, probably you, asked for the link to this order at MakrX.Store.',
        'It opens the order’s page, where you can follow it, see its invoice and, while it has not shipped, cancel it.',
      ],
      action: {
        label: 'Open your order',
        url: storeLinks(app.config).order(order.number, row.accessToken),
      },
      footer: `If you did not ask for it, you can ignore this email: the link was sent only to you.`,
    });
    await app.mailer.send({
      to: order.email,
      subject: `The link to your MakrX.Store order ${order.number}`,
      text,
      html,
      kind: 'order-link',
    });
  },
};
