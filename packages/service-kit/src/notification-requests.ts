import { raisedNotification, type EventPayloadInput } from '@makrx/contracts';
import { publishEvent, type Executor } from '@makrx/events';
import type { PeerName } from './peers';
import type { EventConsumer } from './service-events';

/** The event a service publishes to notify a user; its notification consumer delivers it. */
export const NOTIFICATION_REQUESTED = 'notification.requested';

export type RequestedNotification = EventPayloadInput<typeof NOTIFICATION_REQUESTED>;

/**
 * Notifies a user of a change, in the transaction of that change: the notification is raised
 * if and only if the change commits, at least once, and exactly once as the user sees it (the
 * event id is its idempotency key). Any service: `requestNotification(tx, 'store', { userId,
 * kind: 'order.paid', title, body, link })`, with `notificationRelay` among its consumers.
 */
export async function requestNotification(
  tx: Executor,
  source: PeerName,
  notification: RequestedNotification,
): Promise<{ id: number }> {
  return publishEvent(tx, { type: NOTIFICATION_REQUESTED, source, payload: notification });
}

/** The key the auth service deduplicates a requested notification by. */
export const notificationKeyOf = (event: { source: string; id: number }) =>
  `${event.source}:event:${event.id}`;

/**
 * The cave's and the store's consumer: hands each requested notification to the auth service
 * (`POST /api/v1/notifications`, which only their client credentials may call). The call is
 * idempotent by the event id, so a repeated delivery raises nothing twice.
 */
export const notificationRelay: EventConsumer<typeof NOTIFICATION_REQUESTED> = {
  name: 'notification-relay',
  eventTypes: [NOTIFICATION_REQUESTED],
  outsideTransaction: true,
  async handle(event, { app }) {
    await app.peers.json('auth', '/api/v1/notifications', raisedNotification, {
      method: 'POST',
      body: JSON.stringify({
        ...event.payload,
        idempotencyKey: notificationKeyOf(event),
      }),
    });
  },
};
