import type { ServiceOrderUpdate } from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { publishEvent } from '@makrx/events';
import { defineFlow, requestNotification, runFlow } from '@makrx/service-kit';
import type { FastifyBaseLogger } from 'fastify';
import {
  changeOrderStatus,
  loadOrder,
  NOT_SHIPPED,
  wasPaid,
  type StatusChange,
} from '../modules/orders/service';
import {
  recordUpdate,
  type PrintOrderRow,
  type RecordedUpdate,
} from '../modules/print-orders/service';
import type { StoreLinks } from '../store-links';
import { inOneTransaction, runOptions } from './store-flows';

interface RecordingUpdate {
  readonly printOrderId: string;
  readonly update: ServiceOrderUpdate;
  readonly links: StoreLinks;
  recorded?: RecordedUpdate;
}

/** What the store order becomes when its print reaches a status (the rest leave it paid). */
function orderChangeFor(print: PrintOrderRow, update: ServiceOrderUpdate): StatusChange | null {
  const by = { actorId: null, note: `print ${update.status.replace('_', ' ')}` };
  switch (print.status) {
    case 'accepted':
      return { ...by, to: 'in_fulfilment', from: ['paid'], action: 'order.in_fulfilment' };
    case 'shipped':
      return {
        ...by,
        to: 'shipped',
        from: NOT_SHIPPED,
        action: 'order.shipped',
        trackingNumber: print.trackingUrl ?? `Sent by ${print.providerName ?? 'the provider'}`,
      };
    case 'delivered':
      return { ...by, to: 'delivered', from: ['shipped'], action: 'order.delivered' };
    case 'unroutable':
    case 'cancelled':
      return {
        ...by,
        to: 'cancelled',
        from: NOT_SHIPPED,
        action: 'order.cancelled',
        note: update.reason ?? 'No provider could make this print.',
      };
    default:
      return null;
  }
}

/** What the customer is told, for the statuses they want to hear about. */
function noticeFor(print: PrintOrderRow, update: ServiceOrderUpdate): string | null {
  const provider = print.providerName ?? update.provider?.name ?? 'The provider';
  switch (print.status) {
    case 'accepted':
      return `${provider} accepted your print and will start it soon.`;
    case 'printing':
      return `${provider} is printing it now.`;
    case 'quality_check':
      return `${provider} is checking the finished parts.`;
    case 'shipped':
      return `${provider} sent it${print.trackingUrl ? '; follow it with the tracking link' : ''}.`;
    case 'delivered':
      return 'It was delivered. How did it turn out?';
    case 'unroutable':
      return 'No provider could make it in time; your payment is being refunded in full.';
    case 'cancelled':
      return 'The print was cancelled; your payment is being refunded in full.';
    default:
      return null;
  }
}

/**
 * The cave's report of a print job, recorded once (by its event id) with what follows from it
 * in the store, all in one transaction: the print order's status, the store order's (in
 * fulfilment, shipped, delivered; cancelled with a refund requested when no provider is left),
 * and the customer's notification. A stale or repeated report changes nothing.
 */
export const recordPrintUpdateFlow = defineFlow<RecordingUpdate, Database>('record-print-update', [
  inOneTransaction('in-one-transaction', [
    {
      name: 'record-update',
      run: async (recording, tx) => {
        recording.recorded = await recordUpdate(tx, recording.printOrderId, recording.update);
      },
    },
    {
      name: 'move-order',
      run: async ({ recorded, update }, tx) => {
        if (!recorded?.applied) return;
        const change = orderChangeFor(recorded.after, update);
        if (!change) return;
        const moved = await changeOrderStatus(tx, recorded.after.orderId, change);
        if (change.to === 'cancelled' && wasPaid(moved.fromStatus)) {
          await publishEvent(tx, {
            type: 'store.order.refund-requested',
            source: 'store',
            payload: { orderId: moved.id, reason: change.note ?? 'print not made' },
          });
        }
      },
    },
    {
      name: 'tell-customer',
      run: async ({ recorded, update, links }, tx) => {
        if (!recorded?.applied) return;
        const body = noticeFor(recorded.after, update);
        if (!body) return;
        const order = (await loadOrder(tx, { id: recorded.after.orderId }))!;
        await requestNotification(tx, 'store', {
          userId: recorded.after.ownerId,
          kind: 'print.update',
          title: `Your print in order ${order.order.number}`,
          body,
          link: links.order(order.order.number, order.row.accessToken),
        });
      },
    },
  ]),
]);

export async function recordPrintUpdate(
  db: Database,
  input: { printOrderId: string; update: ServiceOrderUpdate; links: StoreLinks },
  log: FastifyBaseLogger,
): Promise<RecordedUpdate> {
  const done = await runFlow(
    recordPrintUpdateFlow,
    { ...input },
    db,
    runOptions({ actorId: null, log }),
  );
  return done.recorded!;
}
