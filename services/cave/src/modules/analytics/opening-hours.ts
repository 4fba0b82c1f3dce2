import type { Database } from '@makrx/db';
import { openingDay, openingScheduleOf, type OpeningSchedule } from '../makerspaces/service';

/*
 * When a makerspace is open, which utilisation is measured against: its own weekly hours and
 * closures, in its own time zone (decision 0015), asked of the makerspaces module.
 */

/** A period of whole local days, both ends included (`YYYY-MM-DD`). */
export interface LocalPeriod {
  from: string;
  to: string;
}

export { type OpeningSchedule };

/** The makerspace's schedule: its zone, weekly hours and closures. */
export const openingOf = (db: Database, makerspaceId: string): Promise<OpeningSchedule> =>
  openingScheduleOf(db, makerspaceId);

const HOUR_MS = 60 * 60 * 1000;

/**
 * How many hours the makerspace is open in the period: each local day's intervals as instants,
 * so a day with a clock change counts the hours it really had, and a closure counts none.
 */
export function openHoursIn(schedule: OpeningSchedule, period: LocalPeriod): number {
  let hours = 0;
  for (let date = period.from; date <= period.to; date = nextDate(date)) {
    for (const interval of openingDay(schedule, date).open) {
      hours += (Date.parse(interval.endsAt) - Date.parse(interval.startsAt)) / HOUR_MS;
    }
  }
  return hours;
}

function nextDate(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}
