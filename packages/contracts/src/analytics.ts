import { z } from 'zod';

/*
 * A makerspace's analytics (MakrCave, spec 4's "Analytics dashboard"): how its machines are
 * used over a period of local dates. Hours are decimal hours rounded to two places; months are
 * `YYYY-MM` in the makerspace's time zone. The advanced views (ENABLE_ADVANCED_ANALYTICS) are
 * null while the flag is off for the makerspace.
 */

const localDate = z.iso.date();

/** The longest period one request covers. */
export const MAX_ANALYTICS_PERIOD = '1 year';

/** Whether `to` falls less than a calendar year after `from` (2026-01-01 → 2026-12-31 at most). */
function withinAYear({
  from,
  to,
}: {
  from?: string | undefined;
  to?: string | undefined;
}): boolean {
  if (!from || !to) return true;
  const limit = new Date(`${from}T00:00:00Z`);
  limit.setUTCFullYear(limit.getUTCFullYear() + 1);
  return Date.parse(`${to}T00:00:00Z`) < limit.getTime();
}

/** How many days the period covers when the request names none: the last 30, today included. */
export const DEFAULT_ANALYTICS_DAYS = 30;

/**
 * A period of whole local days, both ends included; without both, the last 30 days up to today
 * in the makerspace's time zone.
 */
export const analyticsQuery = z
  .strictObject({ from: localDate.optional(), to: localDate.optional() })
  .refine((period) => (period.from === undefined) === (period.to === undefined), {
    message: 'is given with from, or both are left out',
    path: ['to'],
  })
  .refine((period) => !period.from || !period.to || period.from <= period.to, {
    message: 'is on or after from',
    path: ['to'],
  })
  .refine(withinAYear, {
    message: `is less than ${MAX_ANALYTICS_PERIOD} after from`,
    path: ['to'],
  });
export type AnalyticsQuery = z.infer<typeof analyticsQuery>;
/** A period as the analytics answer it: both days known. */
export interface AnalyticsPeriod {
  from: string;
  to: string;
}

export const machineUtilisation = z.object({
  machineSlug: z.string(),
  machineName: z.string(),
  /** Hours of bookings that were not cancelled (no-shows included: the slot was held). */
  bookedHours: z.number(),
  /** Hours from check-in to check-out. */
  usedHours: z.number(),
  openHours: z.number(),
  /** bookedHours / openHours, 0…1 (0 when the makerspace was never open). */
  bookedShare: z.number(),
  usedShare: z.number(),
});
export type MachineUtilisation = z.infer<typeof machineUtilisation>;

export const memberMonth = z.object({
  month: z.string(),
  /** People who made a booking or checked in during the month. */
  activeMembers: z.number().int(),
  /** People who joined the makerspace during the month. */
  newMembers: z.number().int(),
});

export const noShowRow = z.object({
  machineSlug: z.string(),
  machineName: z.string(),
  /** Bookings whose slot ended in the period (cancelled ones left out). */
  endedBookings: z.number().int(),
  noShows: z.number().int(),
  /** noShows / endedBookings, null when none ended. */
  rate: z.number().nullable(),
});

export const noShowTotals = noShowRow.omit({ machineSlug: true, machineName: true });

/** Booked hours in one local hour of one weekday (1 Monday … 7 Sunday, ISO). */
export const busyHour = z.object({
  weekday: z.number().int().min(1).max(7),
  hour: z.number().int().min(0).max(23),
  bookedHours: z.number(),
});
export type BusyHour = z.infer<typeof busyHour>;

export const revenueMonth = z.object({
  month: z.string(),
  /** What was invoiced in the month, in the currency's minor unit (paise for INR). */
  invoicedCents: z.number().int(),
  currency: z.string(),
});

export const makerspaceAnalytics = z.object({
  makerspace: z.object({ slug: z.string(), name: z.string() }),
  from: localDate,
  to: localDate,
  timeZone: z.string(),
  /** Today in the makerspace's time zone, for periods that end today. */
  today: localDate,
  /**
   * `makerspace`: everything in it (its admins); `own-bookings`: only the caller's own bookings
   * (a service provider's own work); member counts are then left out.
   */
  scope: z.enum(['makerspace', 'own-bookings']),
  /** Whether ENABLE_ADVANCED_ANALYTICS is on for the makerspace. */
  advanced: z.boolean(),
  openHours: z.number(),
  utilisation: z.array(machineUtilisation),
  members: z.array(memberMonth).nullable(),
  noShows: z.object({
    overall: noShowTotals,
    byMachine: z.array(noShowRow).nullable(),
  }),
  busiestHours: z.array(busyHour).nullable(),
  revenue: z.array(revenueMonth).nullable(),
});
export type MakerspaceAnalytics = z.infer<typeof makerspaceAnalytics>;

/** The tables one can download as CSV: `…/analytics/<table>.csv`. */
export const analyticsTables = [
  'utilisation',
  'members',
  'no-shows',
  'busiest-hours',
  'revenue',
] as const;
export const analyticsTable = z.enum(analyticsTables);
export type AnalyticsTable = z.infer<typeof analyticsTable>;
