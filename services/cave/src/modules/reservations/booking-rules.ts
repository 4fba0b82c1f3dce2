import { AppError, type ErrorCode, type ReservationSlot } from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { DateTime } from 'luxon';
import { judgeSlot, openingScheduleOf } from '../makerspaces/service';

/** What the rules need to know of the machine being booked (the equipment module's limits). */
export interface BookableMachine {
  name: string;
  makerspaceId: string;
  maxBookingMinutes: number;
  minLeadMinutes: number;
  maxDaysAhead: number;
}

const MINUTE = 60 * 1000;

/** "2 hours", "90 minutes", "1 day": a limit as the refusal names it. */
export function durationText(minutes: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (minutes % (24 * 60) === 0) return plural(minutes / (24 * 60), 'day');
  if (minutes % 60 === 0) return plural(minutes / 60, 'hour');
  return plural(minutes, 'minute');
}

const refuse = (code: ErrorCode, message: string, details: object) =>
  new AppError(422, code, message, details);

/** The machine's own limits: how long, how soon and how far ahead it may be booked. */
function refuseBeyondLimits(machine: BookableMachine, slot: ReservationSlot, now: number) {
  const start = Date.parse(slot.startsAt);
  const minutes = (Date.parse(slot.endsAt) - start) / MINUTE;
  if (minutes > machine.maxBookingMinutes) {
    throw refuse(
      'BOOKING_TOO_LONG',
      `"${machine.name}" can be booked for at most ${durationText(machine.maxBookingMinutes)} at a time.`,
      { maxBookingMinutes: machine.maxBookingMinutes },
    );
  }
  if (start < now + machine.minLeadMinutes * MINUTE) {
    throw refuse(
      'BOOKING_TOO_SOON',
      `"${machine.name}" must be booked at least ${durationText(machine.minLeadMinutes)} before the start.`,
      { minLeadMinutes: machine.minLeadMinutes },
    );
  }
  if (start > now + machine.maxDaysAhead * 24 * 60 * MINUTE) {
    throw refuse(
      'BOOKING_TOO_FAR_AHEAD',
      `"${machine.name}" can be booked at most ${durationText(machine.maxDaysAhead * 24 * 60)} ahead.`,
      { maxDaysAhead: machine.maxDaysAhead },
    );
  }
}

const localTime = (instant: string, timeZone: string) =>
  DateTime.fromISO(instant).setZone(timeZone).toFormat('HH:mm');

/**
 * The makerspace's hours, in its time zone: the slot lies inside one opening interval and on no
 * closed day (decision 0015). The refusal says, in local time, when it is open that day.
 */
async function refuseOutsideOpeningHours(
  db: Database,
  machine: BookableMachine,
  slot: ReservationSlot,
) {
  const schedule = await openingScheduleOf(db, machine.makerspaceId);
  const verdict = judgeSlot(schedule, slot);
  if (verdict.fits) return;
  if (verdict.closure) {
    const { startsOn, endsOn, reason } = verdict.closure;
    const when = startsOn === endsOn ? `on ${startsOn}` : `from ${startsOn} to ${endsOn}`;
    throw refuse('MAKERSPACE_CLOSED', `The makerspace is closed ${when}: ${reason}.`, {
      closure: verdict.closure,
    });
  }
  const { day } = verdict;
  const hours = day.open
    .map(
      (open) =>
        `${localTime(open.startsAt, schedule.timeZone)}–${localTime(open.endsAt, schedule.timeZone)}`,
    )
    .join(' and ');
  throw refuse(
    'OUTSIDE_OPENING_HOURS',
    hours
      ? `Bookings on ${day.date} must lie within the opening hours, ${hours} (${schedule.timeZone}).`
      : `The makerspace is closed on ${day.date}, a closed day of its week.`,
    { timeZone: schedule.timeZone, date: day.date, open: day.open },
  );
}

/**
 * The rules a booking must meet beyond a free slot (issue 12, "Reservations"): the machine's
 * own limits first, then the makerspace's opening hours and closures. Each refusal is 422 with
 * its code and names the limit, so the member knows what to change.
 */
export async function checkBookingRules(
  db: Database,
  machine: BookableMachine,
  slot: ReservationSlot,
  now = Date.now(),
): Promise<void> {
  refuseBeyondLimits(machine, slot, now);
  await refuseOutsideOpeningHours(db, machine, slot);
}
