import { z } from 'zod';
import { equipmentStatus } from './makerspaces';

/*
 * What the services push to open pages over their live stream (`GET /api/v1/live`,
 * text/event-stream). Each event is small: it says what changed, never the new state, so a
 * page refetches what it shows through the routes that already decide what the viewer may see.
 */

export const liveMachineStatusChanged = z.object({
  kind: z.literal('machine.status-changed'),
  makerspaceId: z.uuid(),
  equipmentId: z.uuid(),
  status: equipmentStatus,
});

export const liveBookingChanged = z.object({
  kind: z.enum(['booking.created', 'booking.cancelled']),
  makerspaceId: z.uuid(),
  equipmentId: z.uuid(),
  reservationId: z.uuid(),
});

/** A notification stored for `userId`; only that user's streams carry it. */
export const liveNotificationCreated = z.object({
  kind: z.literal('notification.created'),
  userId: z.uuid(),
  notificationId: z.uuid(),
});

export const liveEvent = z.union([
  liveMachineStatusChanged,
  liveBookingChanged,
  liveNotificationCreated,
]);
export type LiveEvent = z.infer<typeof liveEvent>;
export type LiveEventKind = LiveEvent['kind'];

/** The events about one makerspace's machines and bookings (ENABLE_REAL_TIME_EQUIPMENT_STATUS). */
export type LiveMakerspaceEvent = Extract<LiveEvent, { makerspaceId: string }>;

/**
 * Sent instead of events a reconnecting stream may have missed (its Last-Event-ID is no longer
 * known to the instance it reached): the page refetches everything live.
 */
export const LIVE_RESYNC = 'resync';

/** A message on the stream as the apps read it: an event, or the call to refetch everything. */
export type LiveMessage = LiveEvent | { kind: typeof LIVE_RESYNC };

/**
 * The NOTIFY channels the events travel on between instances (one database): the cave's
 * machine and booking events, and the auth service's stored notifications, which both the
 * cave's and the auth service's streams carry to their user.
 */
export const liveChannels = {
  cave: 'makrx_live_cave',
  notifications: 'makrx_live_notifications',
} as const;
export type LiveChannel = (typeof liveChannels)[keyof typeof liveChannels];
