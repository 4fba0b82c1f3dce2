import { z } from 'zod';
import { serviceJobStatus } from './fabrication';
import { raiseNotificationRequest } from './notifications';

/*
 * Every event a service publishes to the outbox, by type, with the schema of its payload.
 * publishEvent (@makrx/events) refuses an event whose payload does not match; a consumer gets
 * the payload parsed with the same schema, and an event that no longer parses is a failed
 * delivery (retried, then parked), never quietly handled.
 */

/** Ids as the database keeps them (any uuid, whatever its version). */
const id = z.guid();

/**
 * A store order was paid (spec flow "Order Product": route to fulfilment). Consumed by the
 * store's confirmation mail and by MakrX.org's purchase activity (spec section 7).
 */
export const storeOrderPaid = z.object({
  orderId: id,
  orderNumber: z.string().min(1),
  /** Null for a guest's order: guests have no MakrX.org profile. */
  userId: id.nullable(),
  email: z.string().min(1),
  totalCents: z.number().int().nonnegative(),
  currency: z.string().length(3),
  lines: z.array(z.object({ sku: z.string().min(1), quantity: z.number().int().positive() })),
  /** The slugs of the categories bought from, each once. */
  productCategories: z.array(z.string().min(1)),
});

/**
 * A paid order was cancelled before it shipped: its payment is to be refunded. Published in the
 * transaction that cancelled it, so the refund follows the cancellation (and only it): an
 * order that shipped first was never cancelled, and is never refunded this way.
 */
export const storeOrderRefundRequested = z.object({
  orderId: id,
  /** Why, for the payment's audit row. */
  reason: z.string().min(1),
});

/**
 * A customer rated their delivered print: the cave's job gets the rating (its provider's
 * average follows), sent from the outbox so a cave that is down gets it later.
 */
export const storePrintRated = z.object({
  printOrderId: id,
  jobId: id,
  stars: z.number().int().min(1).max(5),
  comment: z.string().max(1000).nullable(),
});

/**
 * A paid order moved on after payment: shipped, delivered, or closed by a cancellation or a
 * refund. Published in the transaction of the change, so what follows an order (the cave's
 * BOM items of a Quick Reorder) hears of each change once it has happened, and only then.
 */
export const storeOrderFulfilmentChanged = z.object({
  orderId: id,
  orderNumber: z.string().min(1),
  userId: id.nullable(),
  from: z.enum(['paid', 'in_fulfilment', 'shipped', 'delivered']),
  to: z.enum(['shipped', 'delivered', 'cancelled', 'refunded']),
});

/**
 * A change of stock (a sale, an admin's adjustment or edit, an import) left these variants
 * with fewer units than the low-stock threshold, and fewer than before. Published in the
 * transaction of the change; the cave hears of those its BOMs use at once (spec 7, "Sync
 * Schedule": critical stock levels in real time).
 */
export const storeCatalogStockLow = z.object({
  skus: z.array(z.string().min(1)).min(1),
});

/** A guest asked for their order's link by number and email; it goes to the order's address. */
export const storeOrderLinkRequested = z.object({ orderId: id });

/**
 * A machine's status changed (available, in use, maintenance, offline). Published in the
 * transaction of the change, for what shows machines live and, later, bookings it affects.
 */
export const caveEquipmentStatusChanged = z.object({
  equipmentId: id,
  makerspaceId: id,
  from: z.enum(['available', 'in_use', 'maintenance', 'offline']),
  to: z.enum(['available', 'in_use', 'maintenance', 'offline']),
});

/** A member booked a machine: for live calendars and, later, billing's usage. */
export const caveReservationBooked = z.object({
  reservationId: id,
  equipmentId: id,
  makerspaceId: id,
  userId: id,
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
});

/** A booking was cancelled (by its member or an admin): its slot is free again. */
export const caveReservationCancelled = caveReservationBooked.extend({ cancelledBy: id });

/**
 * A print job changed (offered, accepted, passed on, printing, …, unroutable): the store's
 * order follows it. `updateId` is the idempotency key the store's updates route is sent.
 */
export const caveServiceJobChanged = z.object({
  updateId: id,
  serviceOrderId: id,
  jobId: id,
  status: serviceJobStatus,
  provider: z.object({ makerspaceId: id, name: z.string() }).nullable(),
  reason: z.string().max(500).nullable(),
  trackingUrl: z.string().nullable(),
  at: z.iso.datetime({ offset: true }),
});

/**
 * A project was created, changed or deleted (its status, visibility or title): what a maker's
 * achievements and MakrX.org profile follow at once.
 */
export const caveProjectChanged = z.object({
  projectId: id,
  ownerId: id,
  change: z.enum(['created', 'updated', 'deleted']),
});

/**
 * A user is to be notified of a change, raised in the transaction of that change; the relay
 * hands it to the auth service with the event id as its idempotency key.
 */
export const notificationRequested = raiseNotificationRequest.omit({ idempotencyKey: true });

export const eventSchemas = {
  'store.order.paid': storeOrderPaid,
  'store.order.link-requested': storeOrderLinkRequested,
  'store.order.refund-requested': storeOrderRefundRequested,
  'store.order.fulfilment-changed': storeOrderFulfilmentChanged,
  'store.catalog.stock-low': storeCatalogStockLow,
  'store.print.rated': storePrintRated,
  'cave.equipment.status-changed': caveEquipmentStatusChanged,
  'cave.reservation.booked': caveReservationBooked,
  'cave.reservation.cancelled': caveReservationCancelled,
  'cave.service-job.changed': caveServiceJobChanged,
  'cave.project.changed': caveProjectChanged,
  'notification.requested': notificationRequested,
} as const;

export type EventType = keyof typeof eventSchemas;
/** A payload as a consumer reads it, defaults filled in. */
export type EventPayload<T extends EventType> = z.output<(typeof eventSchemas)[T]>;
/** A payload as a publisher gives it. */
export type EventPayloadInput<T extends EventType> = z.input<(typeof eventSchemas)[T]>;

export const eventTypes = Object.keys(eventSchemas) as EventType[];

export const isEventType = (type: string): type is EventType => Object.hasOwn(eventSchemas, type);

/**
 * The payload of an event of `type`, checked with its schema: a ZodError names what does not
 * match; an unknown type is an error too.
 */
export function parseEventPayload<T extends EventType>(type: T, payload: unknown): EventPayload<T>;
export function parseEventPayload(type: string, payload: unknown): EventPayload<EventType>;
export function parseEventPayload(type: string, payload: unknown) {
  if (!isEventType(type)) throw new Error(`"${type}" is not a known event type.`);
  return eventSchemas[type].parse(payload);
}
