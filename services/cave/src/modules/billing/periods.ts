import type { BillingInterval } from '@makrx/contracts';

/*
 * Billing periods are calendar months in the makerspace's time zone. Dates travel as
 * `YYYY-MM-DD` strings; the arithmetic here is on those calendar days (in UTC, where a day is
 * always 24 hours), and the instants a period starts and ends at are computed by PostgreSQL in
 * the makerspace's time zone.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const dateOf = (day: string) => new Date(`${day}T00:00:00Z`);
const dayOf = (date: Date) => date.toISOString().slice(0, 10);

export const addDays = (day: string, days: number) =>
  dayOf(new Date(dateOf(day).getTime() + days * DAY_MS));

/** The same day `months` calendar months later (the 31st runs on into the next month). */
export function addMonths(day: string, months: number): string {
  const date = dateOf(day);
  date.setUTCMonth(date.getUTCMonth() + months);
  return dayOf(date);
}

/** `2026-11` → its first day and the first day of the month after. */
export function monthBounds(month: string): { first: string; next: string } {
  const first = `${month}-01`;
  return { first, next: addMonths(first, 1) };
}

export const monthOf = (day: string) => day.slice(0, 7);
export const previousMonth = (day: string) => monthOf(addMonths(`${monthOf(day)}-01`, -1));

/** Today's date where the makerspace is. */
export const todayIn = (timeZone: string, now = new Date()) =>
  new Intl.DateTimeFormat('en-CA', { timeZone }).format(now);

/** The days of `month` a subscription covers, `[start, end)`, or undefined for none. */
export function coveredDays(
  subscription: { startsOn: string; endsOn: string | null },
  month: string,
): { start: string; end: string } | undefined {
  const { first, next } = monthBounds(month);
  const start = subscription.startsOn > first ? subscription.startsOn : first;
  const end = subscription.endsOn && subscription.endsOn < next ? subscription.endsOn : next;
  return start < end ? { start, end } : undefined;
}

/**
 * The first month of the plan period `month` belongs to: the month itself for a monthly plan;
 * for a yearly one, the month of the latest start or anniversary of the subscription. A yearly
 * plan's fee is billed in that month, and its hours are shared by the twelve months from it.
 */
export function periodOpening(interval: BillingInterval, startsOn: string, month: string): string {
  if (interval === 'monthly') return month;
  const opened = monthOf(startsOn);
  const monthsSince =
    (Number(month.slice(0, 4)) - Number(opened.slice(0, 4))) * 12 +
    (Number(month.slice(5, 7)) - Number(opened.slice(5, 7)));
  return monthOf(addMonths(`${opened}-01`, monthsSince - (monthsSince % 12)));
}

/**
 * The first day a subscription is no longer billed if cancelled (or changed) today: the end
 * of the current month, or of the current subscription year for a yearly plan.
 */
export function currentPeriodEnd(interval: BillingInterval, startsOn: string, today: string) {
  const month = today < startsOn ? monthOf(startsOn) : monthOf(today);
  const opening = periodOpening(interval, startsOn, month);
  const next = monthBounds(opening).first;
  return addMonths(next, interval === 'monthly' ? 1 : 12);
}
