import type { Reservation, ReservationStatus } from '@makrx/contracts';
import type { BadgeTone } from '@makrx/ui';

/** Check-in opens this long before a booking starts (the service's rule). */
const CHECK_IN_EARLY_MS = 15 * 60 * 1000;

export const bookingStatusDisplay: Record<ReservationStatus, { label: string; tone: BadgeTone }> = {
  booked: { label: 'Booked', tone: 'accent' },
  checked_in: { label: 'Checked in', tone: 'info' },
  completed: { label: 'Completed', tone: 'success' },
  cancelled: { label: 'Cancelled', tone: 'neutral' },
  no_show: { label: 'No-show', tone: 'danger' },
};

const dayFormats = new Map<string, Intl.DateTimeFormat>();
const timeFormats = new Map<string, Intl.DateTimeFormat>();
const cached = (
  cache: Map<string, Intl.DateTimeFormat>,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
) => {
  let format = cache.get(timeZone);
  if (!format)
    cache.set(timeZone, (format = new Intl.DateTimeFormat('en-GB', { ...options, timeZone })));
  return format;
};
const dayOf = (at: Date, timeZone: string) =>
  cached(dayFormats, timeZone, { weekday: 'short', day: 'numeric', month: 'short' }).format(at);
const timeOf = (at: Date, timeZone: string) =>
  cached(timeFormats, timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    at,
  );

/** "Mon 7 Dec, 10:00–11:30" in the makerspace's zone; both days when it runs past midnight. */
export function formatSlot(startsAt: string, endsAt: string, timeZone: string): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  const startDay = dayOf(start, timeZone);
  const endDay = dayOf(end, timeZone);
  return startDay === endDay
    ? `${startDay}, ${timeOf(start, timeZone)}–${timeOf(end, timeZone)}`
    : `${startDay}, ${timeOf(start, timeZone)} – ${endDay}, ${timeOf(end, timeZone)}`;
}

/** "Mon 7 Dec, 10:00" in the makerspace's zone: one moment, such as when an invite expires. */
export function formatMoment(at: string, timeZone: string): string {
  const moment = new Date(at);
  return `${dayOf(moment, timeZone)}, ${timeOf(moment, timeZone)}`;
}

/** "10:00–11:30" in the makerspace's zone: a slot on a day already named. */
export function formatTimes(startsAt: string, endsAt: string, timeZone: string): string {
  return `${timeOf(new Date(startsAt), timeZone)}–${timeOf(new Date(endsAt), timeZone)}`;
}

/** "1 h 30 min", "45 min", "2 h". */
export function formatDuration(startsAt: string, endsAt: string): string {
  const minutes = Math.round((Date.parse(endsAt) - Date.parse(startsAt)) / 60_000);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** What the owner of a booking can do with it now, by the service's rules. */
export function bookingActions(
  booking: Pick<Reservation, 'status' | 'startsAt' | 'endsAt'>,
  now: Date,
) {
  const at = now.getTime();
  const starts = Date.parse(booking.startsAt);
  const ends = Date.parse(booking.endsAt);
  return {
    cancel: booking.status === 'booked' && at < starts,
    checkIn: booking.status === 'booked' && at >= starts - CHECK_IN_EARLY_MS && at < ends,
    checkOut: booking.status === 'checked_in',
  };
}

/**
 * Upcoming: bookings still to be used or under way, soonest first. Past: everything else
 * (done, cancelled, missed), latest first.
 */
export function splitBookings<T extends Pick<Reservation, 'status' | 'endsAt' | 'startsAt'>>(
  bookings: readonly T[],
  now: Date,
): { upcoming: T[]; past: T[] } {
  const isUpcoming = (booking: T) =>
    booking.status === 'checked_in' ||
    (booking.status === 'booked' && Date.parse(booking.endsAt) > now.getTime());
  const byStart = (a: T, b: T) => Date.parse(a.startsAt) - Date.parse(b.startsAt);
  return {
    upcoming: bookings.filter(isUpcoming).sort(byStart),
    past: bookings.filter((booking) => !isUpcoming(booking)).sort((a, b) => byStart(b, a)),
  };
}
