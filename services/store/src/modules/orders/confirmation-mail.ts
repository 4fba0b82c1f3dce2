import { lineName } from '@makrx/contracts';
import { renderEmail } from '@makrx/mailer';
import type { EventConsumer } from '@makrx/service-kit';
import { storeLinks } from '../../store-links';
import { loadOrder } from './order-records';

const money = (cents: number, currency: string) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(cents / 100);

/**
 * Spec flow "Order Product": once paid, the buyer gets a confirmation with a link to the
 * order's tracking page, which the order's token opens without an account.
 */
export const orderConfirmationMail: EventConsumer<'store.order.paid'> = {
  name: 'order-confirmation-mail',
  eventTypes: ['store.order.paid'],
  // Mail leaves outside any transaction; a repeated delivery may send it twice, never none.
  outsideTransaction: true,
  async handle(event, { app }) {
    const { orderId } = event.payload;
    const found = await loadOrder(app.db, { id: orderId });
    if (!found) return;
    const { order, row } = found;
    const link = storeLinks(app.config).order(order.number, row.accessToken);
    const items = order.lines.map(
      (l) => `${l.quantity} × ${lineName(l)}: ${money(l.lineTotalCents, order.currency)}`,
    );
    const { html, text } = renderEmail({
      heading: `Thank you: order ${order.number} is confirmed`,
      paragraphs: [
        `We received your payment of ${money(order.totalCents, order.currency)} and are getting your order ready.`,
        ...items,
        ...(order.discountCode
          ? [
              `Discount (code ${order.discountCode}): −${money(order.discountCents, order.currency)}`,
            ]
          : []),
        `Shipping: ${order.shippingMethod.name}, to ${order.shippingAddress.name}, ${order.shippingAddress.city}.`,
      ],
      action: { label: 'Track your order', url: link },
      footer: `You placed order ${order.number} at MakrX.Store with this email address.`,
    });
    await app.mailer.send({
      to: order.email,
      subject: `Your MakrX.Store order ${order.number} is confirmed`,
      text,
      html,
      kind: 'order-confirmation',
    });
  },
};
