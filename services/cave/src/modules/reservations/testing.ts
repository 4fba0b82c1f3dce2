// What the tests of other modules may use to arrange bookings that already happened.
export { recordPastBookings, type PastBooking } from './demo-reservations';
import { DateTime } from 'luxon';

/** The demo hub's zone: its hours (Mon–Sat 08:00–22:00, Sun 10:00–18:00) are read in it. */
export const HUB_TIME_ZONE = 'Asia/Kolkata';

/**
 * A slot `hours` long on the hub's local day `days` from today, inside its opening hours every
 * day: at 10:00 local, moved later by the fraction of `days` (a tenth of a day is an hour), so
 * `slot(3.05)` starts at 10:30 and overlaps `slot(3, 3)`.
 */
export function slot(days: number, hours = 1): { startsAt: string; endsAt: string } {
  const whole = Math.floor(days);
  const start = DateTime.now()
    .setZone(HUB_TIME_ZONE)
    .startOf('day')
    .plus({ days: whole })
    .set({ hour: 10 })
    .plus({ minutes: Math.round((days - whole) * 600) });
  return {
    startsAt: start.toUTC().toISO()!,
    endsAt: start.plus({ hours }).toUTC().toISO()!,
  };
}
// What other modules' tests may use to set up bookings (eslint.config.js: tests only).
export { recordPastMachineUse, type PastMachineUse } from './machine-use';
