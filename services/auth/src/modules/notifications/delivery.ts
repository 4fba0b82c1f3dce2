import { NOTIFICATION_REQUESTED, notificationKeyOf, type EventConsumer } from '@makrx/service-kit';
import { raiseNotification } from './service';

/**
 * The auth service's own notifications (account changes) go through its outbox like the
 * cave's and store's, and are raised here without an HTTP hop; the event id keeps a repeated
 * delivery from raising or mailing twice.
 */
export const notificationDelivery: EventConsumer<typeof NOTIFICATION_REQUESTED> = {
  name: 'notification-delivery',
  eventTypes: [NOTIFICATION_REQUESTED],
  // The mail leaves through the same database in embedded mode: no transaction held open.
  outsideTransaction: true,
  async handle(event, { app }) {
    await raiseNotification(app.db, app.mailer, app.log, {
      ...event.payload,
      source: 'auth',
      idempotencyKey: notificationKeyOf(event),
    });
  },
};
