import { z } from 'zod';

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

/** The longest one booking may last. */
export const MAX_RESERVATION_HOURS = 4;
const HOUR = 60 * 60 * 1000;

export const reservationInput = z
  .strictObject({
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
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
  makerspace: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }),
  userId: z.guid(),
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

/** One booking on a machine's calendar: who booked is not shown to other members. */
export const calendarEntry = reservationSlot.extend({
  id: z.uuid(),
  status: reservationStatus,
  mine: z.boolean(),
});

export const reservationCalendar = z.object({
  /** The makerspace's IANA time zone, or null while makerspaces do not record one (draw in the viewer's). */
  timeZone: z.string().nullable(),
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
