import { z } from 'zod';
import { projectSlug } from './projects';
import { equipmentStatus } from './makerspaces';
import { equipmentType, machineSummary } from './equipment';

/*
 * Machine reservations (MakrCave): a member books a machine for a slot; the calendars read a
 * machine's bookings over a range. Times travel as UTC ISO strings; the calendar answer carries
 * the makerspace's time zone for drawing them.
 */

export const reservationStatus = z.enum([
  'booked',
  'checked_in',
  'completed',
  'cancelled',
  'no_show',
]);
export type ReservationStatus = z.infer<typeof reservationStatus>;

/**
 * The longest any booking may last, whatever the machine allows; each machine's own limit
 * (`maxBookingMinutes`, at most this) is checked when it is booked (BOOKING_TOO_LONG).
 */
export const MAX_RESERVATION_HOURS = 7 * 24;
const HOUR = 60 * 60 * 1000;

export const reservationInput = z
  .strictObject({
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    /** The booker's project the machine time is for (one they own or edit). */
    projectSlug: projectSlug.optional(),
  })
  .refine((slot) => Date.parse(slot.startsAt) < Date.parse(slot.endsAt), {
    message: 'ends after it starts',
    path: ['endsAt'],
  })
  .refine(
    (slot) => Date.parse(slot.endsAt) - Date.parse(slot.startsAt) <= MAX_RESERVATION_HOURS * HOUR,
    {
      message: `lasts at most ${MAX_RESERVATION_HOURS} hours`,
      path: ['endsAt'],
    },
  )
  // Machine time is booked ahead; what was used without a booking is not recorded here.
  .refine((slot) => Date.parse(slot.startsAt) > Date.now(), {
    message: 'starts in the future',
    path: ['startsAt'],
  });

/** A slot as the calendars and the refusals name it. */
export const reservationSlot = z.object({
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
});
export type ReservationSlot = z.infer<typeof reservationSlot>;

export const reservation = reservationSlot.extend({
  id: z.uuid(),
  status: reservationStatus,
  machine: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }),
  /** Where, with the time zone its times are read in. */
  makerspace: z.object({ id: z.uuid(), slug: z.string(), name: z.string(), timeZone: z.string() }),
  userId: z.guid(),
  /** The project the booking is for, if the booker named one. */
  project: z.object({ slug: z.string(), title: z.string() }).nullable(),
  checkedInAt: z.iso.datetime().nullable(),
  checkedOutAt: z.iso.datetime().nullable(),
  cancelledAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type Reservation = z.infer<typeof reservation>;

/** The longest range one calendar request reads: a week and a day of margin either side. */
export const MAX_CALENDAR_DAYS = 9;

export const reservationCalendarQuery = z
  .strictObject({
    from: z.iso.datetime({ offset: true }),
    to: z.iso.datetime({ offset: true }),
  })
  .refine((range) => Date.parse(range.from) < Date.parse(range.to), {
    message: 'ends after it starts',
    path: ['to'],
  })
  .refine(
    (range) => Date.parse(range.to) - Date.parse(range.from) <= MAX_CALENDAR_DAYS * 24 * HOUR,
    {
      message: `spans at most ${MAX_CALENDAR_DAYS} days (a day or a week of calendar)`,
      path: ['to'],
    },
  );

/**
 * One booking on a machine's calendar: who booked is named to the makerspace's admins and to
 * the booker, never to other members (decision 0015).
 */
export const calendarEntry = reservationSlot.extend({
  id: z.uuid(),
  status: reservationStatus,
  mine: z.boolean(),
  member: z.object({ id: z.guid(), displayName: z.string() }).nullable(),
});

export const reservationCalendar = z.object({
  /** The makerspace's IANA time zone, to draw the instants in. */
  timeZone: z.string(),
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  items: z.array(calendarEntry),
  /** Scheduled maintenance in the range: it cannot be booked either. */
  maintenance: z.array(reservationSlot),
});
export type ReservationCalendar = z.infer<typeof reservationCalendar>;

export const reservationList = z.object({ items: z.array(reservation) });
export type ReservationList = z.infer<typeof reservationList>;

export const noShowSweep = z.object({ markedNoShow: z.number().int().nonnegative() });

/** A range of calendar days to draw, as instants; the makerspace calendar reads up to six weeks. */
export const MAX_MAKERSPACE_CALENDAR_DAYS = 42;

export const makerspaceCalendarQuery = z
  .strictObject({
    from: z.iso.datetime({ offset: true }),
    to: z.iso.datetime({ offset: true }),
  })
  .refine((range) => Date.parse(range.from) < Date.parse(range.to), {
    message: 'ends after it starts',
    path: ['to'],
  })
  .refine(
    (range) =>
      Date.parse(range.to) - Date.parse(range.from) <= MAX_MAKERSPACE_CALENDAR_DAYS * 24 * HOUR,
    {
      message: `spans at most ${MAX_MAKERSPACE_CALENDAR_DAYS} days (six weeks of calendar)`,
      path: ['to'],
    },
  );

/**
 * A booking on a makerspace's dashboard or calendar. Who booked is named to the makerspace's
 * admins, and to the member on their own bookings; other members see a busy block
 * (`member: null`), as a privacy-minded makerspace shows it (decision 0015).
 */
export const bookingBlock = reservationSlot.extend({
  id: z.uuid(),
  status: reservationStatus,
  mine: z.boolean(),
  machine: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }),
  member: z.object({ id: z.guid(), displayName: z.string() }).nullable(),
});
export type BookingBlock = z.infer<typeof bookingBlock>;

/** The instants a makerspace is open on one of its local days, and why not if closed. */
export const openingDay = z.object({
  /** The local date, YYYY-MM-DD, in the makerspace's time zone. */
  date: z.iso.date(),
  open: z.array(reservationSlot),
  /** The closure's reason when the makerspace is closed that day for one. */
  closedFor: z.string().nullable(),
});
export type OpeningDay = z.infer<typeof openingDay>;

const maintenanceBlock = reservationSlot.extend({ id: z.uuid(), reason: z.string() });

export const makerspaceCalendar = z.object({
  timeZone: z.string(),
  /** The makerspace's currency (ISO 4217), which every hourly rate here is in. */
  currency: z.string(),
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  days: z.array(openingDay),
  machines: z.array(
    z.object({
      id: z.uuid(),
      slug: z.string(),
      name: z.string(),
      /** What kind of machine: the calendar colours and groups by it. */
      type: equipmentType,
      status: equipmentStatus,
      /** What an hour costs, for the booking started from a free slot. */
      hourlyRateCents: z.number().int(),
      currency: z.string(),
      bookings: z.array(bookingBlock),
      maintenance: z.array(maintenanceBlock),
    }),
  ),
});
export type MakerspaceCalendar = z.infer<typeof makerspaceCalendar>;

/** What needs a makerspace admin's attention today (only they see it). */
export const dashboardAttention = z.object({
  machinesDown: z.array(
    z.object({ slug: z.string(), name: z.string(), status: z.enum(['maintenance', 'offline']) }),
  ),
  upcomingMaintenance: z.array(
    maintenanceBlock.extend({ machine: z.object({ slug: z.string(), name: z.string() }) }),
  ),
  expiringInvites: z.array(
    z.object({ id: z.uuid(), email: z.string(), role: z.string(), expiresAt: z.iso.datetime() }),
  ),
  noShowsToday: z.array(bookingBlock),
});
export type DashboardAttention = z.infer<typeof dashboardAttention>;

export const makerspaceDashboard = z.object({
  makerspace: z.object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    timeZone: z.string(),
    currency: z.string(),
  }),
  /** Today in the makerspace's time zone, and when it is open today. */
  today: openingDay,
  counts: z.object({
    bookingsToday: z.number().int(),
    machines: z.number().int(),
    machinesAvailable: z.number().int(),
    machinesInUse: z.number().int(),
    machinesDown: z.number().int(),
    /** Items under "needs attention"; null for those who do not see it. */
    needsAttention: z.number().int().nullable(),
  }),
  bookingsToday: z.array(bookingBlock),
  /** Every machine that is not archived, as the equipment list has it, with its next booking. */
  machines: z.array(machineSummary.extend({ nextBooking: reservationSlot.nullable() })),
  /** Only for the makerspace's admins; null for everyone else. */
  attention: dashboardAttention.nullable(),
});
export type MakerspaceDashboard = z.infer<typeof makerspaceDashboard>;
