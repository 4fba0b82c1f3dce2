import type { Database } from '@makrx/db';
import { sql } from 'drizzle-orm';
import { reservations } from './tables';

/*
 * How a makerspace's machines were used over a period, summed and grouped by PostgreSQL for the
 * analytics module. Every figure clips bookings to the period, so a booking across its edge
 * counts only its part inside.
 */

/** A period as instants, with the time zone its local hours and months are read in. */
export interface UsagePeriod {
  startsAt: string;
  endsAt: string;
  timeZone: string;
}

/** Whose bookings count: the makerspace's, or one person's own there. */
export interface UsageScope {
  makerspaceId: string;
  userId?: string | undefined;
}

const periodRange = (period: UsagePeriod) =>
  sql`tstzrange(${period.startsAt}::timestamptz, ${period.endsAt}::timestamptz, '[)')`;

const inScope = (scope: UsageScope) =>
  scope.userId === undefined
    ? sql`${reservations.makerspaceId} = ${scope.makerspaceId}`
    : sql`${reservations.makerspaceId} = ${scope.makerspaceId} and ${reservations.userId} = ${scope.userId}`;

/** Decimal hours of a range, 0 for an empty one. */
const hoursOf = (range: ReturnType<typeof sql>) =>
  sql`coalesce(extract(epoch from upper(${range}) - lower(${range})), 0) / 3600`;

/** Hours rounded to two places, as numbers on either driver. */
const rounded = (hours: ReturnType<typeof sql>) => sql`round((${hours})::numeric, 2)::float8`;

/**
 * The actual use of a booking: check-in to check-out, or to now (at most its slot's end) while
 * the member is still checked in; empty when nobody checked in.
 */
const usedRange = sql`case when ${reservations.checkedInAt} is null then 'empty'::tstzrange
  else tstzrange(${reservations.checkedInAt},
    greatest(${reservations.checkedInAt}, coalesce(${reservations.checkedOutAt}, least(now(), upper(${reservations.during})))), '[)') end`;

/**
 * Booked and used hours per machine. Booked hours are the slots of bookings that were not
 * cancelled — no-shows included, since their slot was held from others until they were missed.
 */
export async function machineHoursIn(
  db: Database,
  scope: UsageScope,
  period: UsagePeriod,
): Promise<{ equipmentId: string; bookedHours: number; usedHours: number }[]> {
  const p = periodRange(period);
  const booked = sql`${reservations.during} * ${p}`;
  const used = sql`(${usedRange}) * ${p}`;
  const { rows } = await db.execute<{
    equipmentId: string;
    bookedHours: number;
    usedHours: number;
  }>(sql`
    select ${reservations.equipmentId} as "equipmentId",
      ${rounded(sql`sum(${hoursOf(booked)})`)} as "bookedHours",
      ${rounded(sql`sum(${hoursOf(used)})`)} as "usedHours"
    from ${reservations}
    where ${inScope(scope)} and ${reservations.status} <> 'cancelled'
      and (${reservations.during} && ${p} or (${usedRange}) && ${p})
    group by ${reservations.equipmentId}`);
  return rows;
}

/**
 * Per machine, the bookings whose slot ended in the period (up to now; cancelled ones left
 * out) and how many of them were no-shows.
 */
export async function noShowsByMachineIn(
  db: Database,
  scope: UsageScope,
  period: UsagePeriod,
): Promise<{ equipmentId: string; endedBookings: number; noShows: number }[]> {
  const { rows } = await db.execute<{
    equipmentId: string;
    endedBookings: number;
    noShows: number;
  }>(sql`
    select ${reservations.equipmentId} as "equipmentId",
      count(*)::int as "endedBookings",
      (count(*) filter (where ${reservations.status} = 'no_show'))::int as "noShows"
    from ${reservations}
    where ${inScope(scope)} and ${reservations.status} <> 'cancelled'
      and upper(${reservations.during}) > ${period.startsAt}::timestamptz
      and upper(${reservations.during}) <= least(${period.endsAt}::timestamptz, now())
    group by ${reservations.equipmentId}`);
  return rows;
}

/**
 * Booked hours by local weekday (ISO: 1 Monday … 7 Sunday) and local hour of the day, for the
 * busiest-hours heat map. Each booking is cut at the local hour boundaries of the period's
 * time zone, so a booking from 10:30 to 12:00 adds half an hour at 10 and an hour at 11.
 */
export async function bookedHoursByWeekdayHour(
  db: Database,
  scope: UsageScope,
  period: UsagePeriod,
): Promise<{ weekday: number; hour: number; bookedHours: number }[]> {
  const p = periodRange(period);
  const zone = period.timeZone;
  const { rows } = await db.execute<{ weekday: number; hour: number; bookedHours: number }>(sql`
    with held as (
      select ${reservations.during} * ${p} as slot
      from ${reservations}
      where ${inScope(scope)} and ${reservations.status} <> 'cancelled'
        and ${reservations.during} && ${p}
    ),
    pieces as (
      select local_hour,
        least(upper(slot), (local_hour + interval '1 hour') at time zone ${zone})
          - greatest(lower(slot), local_hour at time zone ${zone}) as length
      from held,
        generate_series(date_trunc('hour', lower(slot) at time zone ${zone}),
                        upper(slot) at time zone ${zone}, interval '1 hour') as local_hour
    )
    select extract(isodow from local_hour)::int as weekday,
      extract(hour from local_hour)::int as hour,
      ${rounded(sql`sum(extract(epoch from length)) / 3600`)} as "bookedHours"
    from pieces
    where length > interval '0'
    group by 1, 2
    order by 1, 2`);
  return rows;
}

/**
 * People active in the makerspace per local month (`YYYY-MM`): who made a booking or checked in
 * during it.
 */
export async function activeMembersByMonth(
  db: Database,
  makerspaceId: string,
  period: UsagePeriod,
): Promise<{ month: string; activeMembers: number }[]> {
  const { rows } = await db.execute<{ month: string; activeMembers: number }>(sql`
    with activity as (
      select ${reservations.userId} as user_id, ${reservations.createdAt} as at
      from ${reservations} where ${reservations.makerspaceId} = ${makerspaceId}
      union all
      select ${reservations.userId}, ${reservations.checkedInAt}
      from ${reservations}
      where ${reservations.makerspaceId} = ${makerspaceId} and ${reservations.checkedInAt} is not null
    )
    select to_char(at at time zone ${period.timeZone}, 'YYYY-MM') as month,
      count(distinct user_id)::int as "activeMembers"
    from activity
    where at >= ${period.startsAt}::timestamptz and at < ${period.endsAt}::timestamptz
    group by 1
    order by 1`);
  return rows;
}
