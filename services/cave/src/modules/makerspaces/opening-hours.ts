import {
  weekdays,
  type Closure,
  type OpeningDay,
  type OpeningInterval,
  type ReservationSlot,
  type WeeklyHours,
} from '@makrx/contracts';
// Luxon does the zone arithmetic: a local date and "HH:MM" in an IANA zone to an instant and
// back, through the runtime's own tz data, so a daylight-saving change (a 23- or 25-hour day) is
// handled the way the zone's rules say. It is maintained, typed and tree-free of globals; the
// Temporal polyfill would do as well but is larger, and date-fns-tz works on Date objects whose
// own local zone leaks into the arithmetic (decision 0015).
import { DateTime } from 'luxon';

/** When a makerspace is open: its zone, its weekly hours and its closures (decision 0015). */
export interface OpeningSchedule {
  timeZone: string;
  weeklyHours: WeeklyHours;
  closures: Closure[];
}

const dayNames: Record<(typeof weekdays)[number], string> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
};

const intervalsText = (intervals: OpeningInterval[]) =>
  intervals.map((interval) => `${interval.opens}–${interval.closes}`).join(' and ');

/**
 * The week as a sentence for the directory, runs of days with the same hours together:
 * "Mon–Sat 08:00–22:00, Sun 10:00–18:00", "Daily 12:00–23:00", or "Closed".
 */
export function describeWeeklyHours(hours: WeeklyHours): string {
  const runs: { first: string; last: string; text: string }[] = [];
  for (const day of weekdays) {
    const text = intervalsText(hours[day]);
    const run = runs.at(-1);
    if (run && run.text === text) run.last = day;
    else runs.push({ first: day, last: day, text });
  }
  const open = runs.filter((run) => run.text !== '');
  if (open.length === 0) return 'Closed';
  if (runs.length === 1) return `Daily ${runs[0]!.text}`;
  return open
    .map(({ first, last, text }) => {
      const days =
        first === last
          ? dayNames[first as 'mon']
          : `${dayNames[first as 'mon']}–${dayNames[last as 'mon']}`;
      return `${days} ${text}`;
    })
    .join(', ');
}

/** The local date (YYYY-MM-DD) an instant falls on in the zone. */
export function localDateOf(instant: string | Date, timeZone: string): string {
  const at = typeof instant === 'string' ? DateTime.fromISO(instant) : DateTime.fromJSDate(instant);
  return at.setZone(timeZone).toISODate()!;
}

/** A local date and "HH:MM" (or "24:00", the next midnight) in the zone, as a UTC ISO instant. */
function instantAt(date: string, time: string, timeZone: string): string {
  const day = DateTime.fromISO(date, { zone: timeZone });
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  const local =
    hours === 24
      ? day.plus({ days: 1 }).startOf('day')
      : day.set({ hour: hours, minute: minutes, second: 0, millisecond: 0 });
  return local.toUTC().toISO({ suppressMilliseconds: false })!;
}

const closureOn = (closures: Closure[], date: string) =>
  closures.find((closure) => closure.startsOn <= date && date <= closure.endsOn);

/** When the makerspace is open on one of its local days, as instants; none on a closure. */
export function openingDay(schedule: OpeningSchedule, date: string): OpeningDay {
  const closure = closureOn(schedule.closures, date);
  if (closure) return { date, open: [], closedFor: closure.reason };
  const weekday = weekdays[DateTime.fromISO(date, { zone: schedule.timeZone }).weekday - 1]!;
  return {
    date,
    open: schedule.weeklyHours[weekday].map((interval) => ({
      startsAt: new Date(instantAt(date, interval.opens, schedule.timeZone)).toISOString(),
      endsAt: new Date(instantAt(date, interval.closes, schedule.timeZone)).toISOString(),
    })),
    closedFor: null,
  };
}

const nextDate = (date: string, days = 1) => DateTime.fromISO(date).plus({ days }).toISODate()!;

/** The local days from `first` to `last` (YYYY-MM-DD, both included). */
function daysBetween(schedule: OpeningSchedule, first: string, last: string): OpeningDay[] {
  const days: OpeningDay[] = [];
  for (let date = first; date <= last; date = nextDate(date)) {
    days.push(openingDay(schedule, date));
  }
  return days;
}

/** Every local day touched by `[from, to)`, in order. */
export function openingDays(schedule: OpeningSchedule, from: string, to: string): OpeningDay[] {
  const last = localDateOf(new Date(Date.parse(to) - 1), schedule.timeZone);
  return daysBetween(schedule, localDateOf(from, schedule.timeZone), last);
}

/** Open intervals of consecutive days joined where one ends as the next begins (24:00/00:00). */
function joined(days: OpeningDay[]): ReservationSlot[] {
  const merged: ReservationSlot[] = [];
  for (const interval of days.flatMap((day) => day.open)) {
    const previous = merged.at(-1);
    if (previous && Date.parse(previous.endsAt) >= Date.parse(interval.startsAt)) {
      if (Date.parse(interval.endsAt) > Date.parse(previous.endsAt))
        previous.endsAt = interval.endsAt;
    } else merged.push({ ...interval });
  }
  return merged;
}

export type OpeningVerdict =
  | { fits: true }
  | { fits: false; closure: Closure }
  | { fits: false; closure: null; day: OpeningDay };

/**
 * Whether a slot lies inside the makerspace's opening hours: within one open interval (or
 * intervals that touch across midnight), on no closed day. A closed day the slot touches is
 * named before the hours, since that is what the member must be told.
 */
export function judgeSlot(schedule: OpeningSchedule, slot: ReservationSlot): OpeningVerdict {
  const first = localDateOf(slot.startsAt, schedule.timeZone);
  const last = localDateOf(new Date(Date.parse(slot.endsAt) - 1), schedule.timeZone);
  // The day before too: its hours may run to midnight and join the first day's.
  const days = daysBetween(schedule, nextDate(first, -1), last);
  const touched = days.slice(1);
  for (const day of touched) {
    const closure = closureOn(schedule.closures, day.date);
    if (closure) return { fits: false, closure };
  }
  const start = Date.parse(slot.startsAt);
  const end = Date.parse(slot.endsAt);
  const inside = joined(days).some(
    (open) => Date.parse(open.startsAt) <= start && end <= Date.parse(open.endsAt),
  );
  return inside ? { fits: true } : { fits: false, closure: null, day: touched[0]! };
}

/** A local day's bounds as instants: its midnight and the next (23 or 25 hours apart on a change). */
export function localDayBounds(date: string, timeZone: string): { from: string; to: string } {
  const start = DateTime.fromISO(date, { zone: timeZone }).startOf('day');
  return {
    from: start.toUTC().toISO()!,
    to: start.plus({ days: 1 }).toUTC().toISO()!,
  };
}
