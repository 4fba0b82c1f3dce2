import type { AnalyticsQuery, MakerspaceAnalytics } from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { invoicedByMonth } from '../billing/service';
import { listMachines, machinesById } from '../equipment/service';
import { newMembersByMonth } from '../memberships/service';
import {
  activeMembersByMonth,
  bookedHoursByWeekdayHour,
  machineHoursIn,
  noShowsByMachineIn,
  type UsagePeriod,
  type UsageScope,
} from '../reservations/service';
import { openHoursIn, openingOf, type LocalPeriod } from './opening-hours';
import { monthsOf, periodAskedFor, todayIn, usagePeriodOf } from './period';

/*
 * A makerspace's analytics, put together from what the reservations, equipment and memberships
 * modules sum up; this module owns no tables.
 */

/** Who looks, and at what. */
export interface AnalyticsViewer {
  makerspace: { id: string; slug: string; name: string };
  /**
   * `own-bookings` for someone who does not run the makerspace (a service provider): their work
   * there is the machine time they booked themselves, so only their bookings count, and the
   * makerspace's member counts are not theirs to see.
   */
  scope: MakerspaceAnalytics['scope'];
  userId: string;
  /** Whether ENABLE_ADVANCED_ANALYTICS is on for the makerspace. */
  advanced: boolean;
}

/**
 * Invoiced amounts per month of the period, from the billing module. The makerspace's income is
 * not a service provider's work: their own-bookings view has none.
 */
export async function revenueByMonth(
  db: Database,
  scope: UsageScope,
  period: LocalPeriod,
): Promise<NonNullable<MakerspaceAnalytics['revenue']>> {
  if (scope.userId) return [];
  return invoicedByMonth(db, scope.makerspaceId, period);
}

const share = (hours: number, open: number) =>
  open > 0 ? Math.round((hours / open) * 10_000) / 10_000 : 0;
const rate = (noShows: number, ended: number) =>
  ended > 0 ? Math.round((noShows / ended) * 10_000) / 10_000 : null;

/** The machines to report on: those in use, and archived ones that still had bookings. */
async function machinesToReport(db: Database, makerspaceId: string, withBookings: string[]) {
  const current = await listMachines(db, makerspaceId, {});
  const known = new Set(current.map((machine) => machine.id));
  const archived = await machinesById(
    db,
    withBookings.filter((id) => !known.has(id)),
  );
  return [...current, ...archived].map(({ id, slug, name }) => ({ id, slug, name }));
}

export async function makerspaceAnalytics(
  db: Database,
  viewer: AnalyticsViewer,
  query: AnalyticsQuery,
): Promise<MakerspaceAnalytics> {
  const opening = await openingOf(db, viewer.makerspace.id);
  const { timeZone } = opening;
  const today = todayIn(timeZone);
  const asked = periodAskedFor(query, today);
  const period = usagePeriodOf(asked, timeZone);
  const scope: UsageScope = {
    makerspaceId: viewer.makerspace.id,
    userId: viewer.scope === 'own-bookings' ? viewer.userId : undefined,
  };
  const openHours = openHoursIn(opening, asked);
  const [hours, noShows, heat, members, revenue] = await Promise.all([
    machineHoursIn(db, scope, period),
    noShowsByMachineIn(db, scope, period),
    viewer.advanced ? bookedHoursByWeekdayHour(db, scope, period) : null,
    viewer.scope === 'makerspace' ? membersByMonth(db, viewer.makerspace.id, asked, period) : null,
    viewer.advanced ? revenueByMonth(db, scope, asked) : null,
  ]);
  const machines = await machinesToReport(db, viewer.makerspace.id, [
    ...hours.map((row) => row.equipmentId),
    ...noShows.map((row) => row.equipmentId),
  ]);
  const hoursOf = new Map(hours.map((row) => [row.equipmentId, row]));
  const noShowsOf = new Map(noShows.map((row) => [row.equipmentId, row]));
  const ended = noShows.reduce((sum, row) => sum + row.endedBookings, 0);
  const missed = noShows.reduce((sum, row) => sum + row.noShows, 0);
  return {
    makerspace: { slug: viewer.makerspace.slug, name: viewer.makerspace.name },
    ...asked,
    timeZone,
    today,
    scope: viewer.scope,
    advanced: viewer.advanced,
    openHours,
    utilisation: machines.map((machine) => {
      const { bookedHours = 0, usedHours = 0 } = hoursOf.get(machine.id) ?? {};
      return {
        machineSlug: machine.slug,
        machineName: machine.name,
        bookedHours,
        usedHours,
        openHours,
        bookedShare: share(bookedHours, openHours),
        usedShare: share(usedHours, openHours),
      };
    }),
    members,
    noShows: {
      overall: { endedBookings: ended, noShows: missed, rate: rate(missed, ended) },
      byMachine: viewer.advanced
        ? machines.map((machine) => {
            const { endedBookings = 0, noShows: count = 0 } = noShowsOf.get(machine.id) ?? {};
            return {
              machineSlug: machine.slug,
              machineName: machine.name,
              endedBookings,
              noShows: count,
              rate: rate(count, endedBookings),
            };
          })
        : null,
    },
    busiestHours: heat,
    revenue,
  };
}

/** Active and new members for every month of the period, months without either as zeros. */
async function membersByMonth(
  db: Database,
  makerspaceId: string,
  asked: LocalPeriod,
  period: UsagePeriod,
) {
  const [active, joined] = await Promise.all([
    activeMembersByMonth(db, makerspaceId, period),
    newMembersByMonth(db, makerspaceId, period),
  ]);
  const activeIn = new Map(active.map((row) => [row.month, row.activeMembers]));
  const joinedIn = new Map(joined.map((row) => [row.month, row.newMembers]));
  return monthsOf(asked).map((month) => ({
    month,
    activeMembers: activeIn.get(month) ?? 0,
    newMembers: joinedIn.get(month) ?? 0,
  }));
}
