import type { InvoiceStatus, MembershipPlan } from '@makrx/contracts';
import { ApiError } from '@makrx/spa-kit';
import type { BadgeTone } from '@makrx/ui';
import { formatMoney } from '../../money';

/** An amount in minor units, in its own currency, as the viewer writes money. */
export { formatMoney };

export const invoiceStatusDisplay: Record<InvoiceStatus, { label: string; tone: BadgeTone }> = {
  open: { label: 'Open', tone: 'warning' },
  paid: { label: 'Paid', tone: 'success' },
  void: { label: 'Void', tone: 'neutral' },
};

const dayFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const monthFormat = new Intl.DateTimeFormat('en-GB', {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A calendar day (`2026-11-30`) as "30 Nov 2026"; days carry no zone. */
export const formatDay = (day: string) => dayFormat.format(new Date(`${day}T00:00:00Z`));

/** An invoice's period: "November 2026" for a whole month, else "3 Nov 2026 – 30 Nov 2026". */
export function formatPeriod(start: string, end: string): string {
  const first = new Date(`${start}T00:00:00Z`);
  const last = new Date(`${end}T00:00:00Z`);
  const dayAfter = new Date(last.getTime() + 24 * 60 * 60 * 1000);
  const wholeMonth =
    first.getUTCDate() === 1 &&
    dayAfter.getUTCDate() === 1 &&
    first.getUTCMonth() === last.getUTCMonth() &&
    first.getUTCFullYear() === last.getUTCFullYear();
  return wholeMonth ? monthFormat.format(first) : `${formatDay(start)} – ${formatDay(end)}`;
}

/** "₹2,500.00 a month · 10 h included · 10% off extra hours". */
export function planTerms(plan: MembershipPlan): string {
  return [
    `${formatMoney(plan.priceCents, plan.currency)} a ${plan.interval === 'monthly' ? 'month' : 'year'}`,
    `${plan.includedHours} h included`,
    ...(plan.discountPercent > 0 ? [`${plan.discountPercent}% off extra hours`] : []),
  ].join(' · ');
}

/** Why the service refused a billing change, in words. */
export function billingRefusalOf(error: unknown): string {
  if (!(error instanceof ApiError)) return 'That did not work. Try again in a moment.';
  if (error.code === 'SERVICE_UNREACHABLE')
    return 'MakrCave could not be reached, so nothing changed. Try again in a moment.';
  return error.message;
}
