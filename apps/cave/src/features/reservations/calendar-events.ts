import type { EventInput } from '@fullcalendar/core';
import type { MakerspaceCalendar, OpeningDay, ReservationCalendar } from '@makrx/contracts';
import type { EquipmentType } from '@makrx/contracts/equipment-types';
import { utcToZoned, zonedToUtc } from '../../time-zone';

/*
 * What the machine and makerspace calendars draw, as plain functions of the service's answers:
 * every instant stays a UTC instant, and local days are found with the makerspace's own zone, so
 * a day with a daylight-saving change is 23 or 25 hours long and nothing shifts by an hour.
 */

export interface Span {
  startsAt: string;
  endsAt: string;
}

const HOUR = 3_600_000;

/** The instant a local date (YYYY-MM-DD) begins in `timeZone`. */
export const startOfLocalDay = (date: string, timeZone: string) =>
  zonedToUtc(`${date}T00:00`, timeZone);

/** The local date after `date`, by the calendar rather than by adding 24 hours. */
function nextDate(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/**
 * The hours each local day the makerspace is closed: the whole day less its open intervals.
 * A closure or a day without hours is closed from midnight to midnight.
 */
export function closedSpans(days: OpeningDay[], timeZone: string): Span[] {
  return days.flatMap((day) => {
    const dayEnds = startOfLocalDay(nextDate(day.date), timeZone);
    const spans: Span[] = [];
    let cursor = startOfLocalDay(day.date, timeZone);
    const open = [...day.open].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
    for (const interval of open) {
      if (Date.parse(interval.startsAt) > Date.parse(cursor))
        spans.push({ startsAt: cursor, endsAt: new Date(interval.startsAt).toISOString() });
      if (Date.parse(interval.endsAt) > Date.parse(cursor))
        cursor = new Date(interval.endsAt).toISOString();
    }
    if (Date.parse(cursor) < Date.parse(dayEnds)) spans.push({ startsAt: cursor, endsAt: dayEnds });
    return spans;
  });
}

/** The next whole hour on the makerspace's clock, an hour long: where "Choose a time" starts. */
export function nextHour(timeZone: string, now = new Date()): Span {
  const thisHour = zonedToUtc(
    `${utcToZoned(now.toISOString(), timeZone).slice(0, 13)}:00`,
    timeZone,
  );
  const start = Date.parse(thisHour) + HOUR;
  return { startsAt: new Date(start).toISOString(), endsAt: new Date(start + HOUR).toISOString() };
}

/**
 * A range or selection FullCalendar reports, as UTC instants. Its Date objects are shifted for
 * named zones; its strings carry the true offset.
 */
export const spanOf = (range: { startStr: string; endStr: string }): Span => ({
  startsAt: new Date(range.startStr).toISOString(),
  endsAt: new Date(range.endStr).toISOString(),
});

const MINE = 'var(--makrx-accent-600)';
const OTHERS = 'var(--color-ink-500)';

/** A booking's title: mine, the member's name for those who may see it, or just busy. */
const bookingTitle = (booking: { mine: boolean; member: { displayName: string } | null }) =>
  booking.mine ? 'Your booking' : (booking.member?.displayName ?? 'Booked');

/** A machine's bookings (mine, and everyone's for the makerspace's admins, named) and maintenance. */
export function machineEvents(calendar: ReservationCalendar | undefined): EventInput[] {
  if (!calendar) return [];
  return [
    ...calendar.items.map((entry) => ({
      id: entry.id,
      title: bookingTitle(entry),
      start: entry.startsAt,
      end: entry.endsAt,
      backgroundColor: entry.mine ? MINE : OTHERS,
      textColor: '#fff',
    })),
    ...calendar.maintenance.map((window, index) => ({
      id: `maintenance-${index}`,
      title: 'Maintenance',
      start: window.startsAt,
      end: window.endsAt,
      display: 'background',
    })),
  ];
}

/** One colour a kind of machine, from the palette's 600 shades so white text reads on them. */
export const typeColours: Record<EquipmentType, string> = {
  '3d_printer': 'var(--color-sky-700, #0369a1)',
  laser_cutter: 'var(--color-rose-700, #be123c)',
  cnc_mill: 'var(--color-violet-700, #6d28d9)',
  vinyl_cutter: 'var(--color-emerald-700, #047857)',
  electronics_bench: 'var(--color-amber-700, #b45309)',
  other: 'var(--color-ink-600, #475569)',
};

/** What a machine event or closed span is, for the calendar's overlap and click rules. */
export type EventKind = 'booking' | 'maintenance' | 'closed';

/**
 * The makerspace calendar's events for the machines shown: each booking in its machine type's
 * colour, titled with the machine and, for those who may see it, who booked; each machine's
 * maintenance; and the closed hours shaded.
 */
export function makerspaceEvents(
  calendar: MakerspaceCalendar | undefined,
  shown: ReadonlySet<string>,
): EventInput[] {
  if (!calendar) return [];
  const machines = calendar.machines.filter((machine) => shown.has(machine.id));
  return [
    ...machines.flatMap((machine) =>
      machine.bookings.map((booking) => ({
        id: booking.id,
        title: `${machine.name} · ${bookingTitle(booking)}`,
        start: booking.startsAt,
        end: booking.endsAt,
        backgroundColor: typeColours[machine.type],
        borderColor: booking.mine ? 'var(--color-ink-950, #020617)' : undefined,
        textColor: '#fff',
        extendedProps: { kind: 'booking' satisfies EventKind, machineId: machine.id },
      })),
    ),
    ...machines.flatMap((machine) =>
      machine.maintenance.map((window) => ({
        id: `maintenance-${window.id}`,
        title: `${machine.name} · Maintenance`,
        start: window.startsAt,
        end: window.endsAt,
        backgroundColor: 'var(--color-amber-100, #fef3c7)',
        borderColor: 'var(--color-amber-500, #f59e0b)',
        textColor: 'var(--color-amber-950, #451a03)',
        classNames: ['makrx-calendar-maintenance'],
        extendedProps: { kind: 'maintenance' satisfies EventKind, machineId: machine.id },
      })),
    ),
    ...closedSpans(calendar.days, calendar.timeZone).map((span, index) => ({
      id: `closed-${index}`,
      start: span.startsAt,
      end: span.endsAt,
      display: 'background',
      backgroundColor: 'var(--color-ink-300, #cbd5e1)',
      classNames: ['makrx-calendar-closed'],
      extendedProps: { kind: 'closed' satisfies EventKind },
    })),
  ];
}
