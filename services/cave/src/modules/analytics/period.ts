import { DEFAULT_ANALYTICS_DAYS, type AnalyticsQuery } from '@makrx/contracts';
import type { UsagePeriod } from '../reservations/service';
import type { LocalPeriod } from './opening-hours';

/** The instant's offset from UTC in `timeZone`, in milliseconds (+05:30 → 19 800 000). */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a local date begins in `timeZone`. Asked twice, so a day that starts on the other
 * side of a daylight-saving change than UTC midnight still gets its own offset.
 */
export function startOfLocalDay(date: string, timeZone: string): string {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  let start = utcMidnight - offsetAt(utcMidnight, timeZone);
  start = utcMidnight - offsetAt(start, timeZone);
  return new Date(start).toISOString();
}

const DAY_MS = 24 * 60 * 60 * 1000;

const nextDay = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

/** The period's instants: from the start of its first day to the start of the day after its last. */
export function usagePeriodOf(period: LocalPeriod, timeZone: string): UsagePeriod {
  return {
    startsAt: startOfLocalDay(period.from, timeZone),
    endsAt: startOfLocalDay(nextDay(period.to), timeZone),
    timeZone,
  };
}

/** Each month (`YYYY-MM`) the period touches, in order. */
export function monthsOf(period: LocalPeriod): string[] {
  const months: string[] = [];
  let [year, month] = period.from.split('-').map(Number) as [number, number];
  const last = period.to.slice(0, 7);
  for (;;) {
    const current = `${year}-${String(month).padStart(2, '0')}`;
    months.push(current);
    if (current >= last) return months;
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
}

/** Today's date in `timeZone` (`YYYY-MM-DD`). */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(now);
}

/** The period asked for, or the last `DEFAULT_ANALYTICS_DAYS` days up to `today`. */
export function periodAskedFor(query: AnalyticsQuery, today: string): LocalPeriod {
  if (query.from && query.to) return { from: query.from, to: query.to };
  const first = Date.parse(`${today}T00:00:00Z`) - (DEFAULT_ANALYTICS_DAYS - 1) * DAY_MS;
  return { from: new Date(first).toISOString().slice(0, 10), to: today };
}
