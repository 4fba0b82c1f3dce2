import type {
  BookingBlock,
  DashboardAttention,
  MakerspaceCalendar,
  MakerspaceDashboard,
  ReservationStatus,
} from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { users } from '@makrx/db/schema';
import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import { listMachines, machinesById, maintenanceInMakerspace } from '../equipment/service';
import { invitesExpiringWithin } from '../invites/service';
import {
  localDateOf,
  localDayBounds,
  makerspacePlacesById,
  openingDay,
  openingDays,
  openingScheduleOf,
} from '../makerspaces/service';
import { reservations } from './tables';

/*
 * What a makerspace's dashboard and calendar show, read across the modules through their
 * services. Privacy (decision 0015): every member sees when each machine is busy, since that is
 * what booking needs; who booked is named only to the makerspace's admins, and to each member on
 * their own bookings. Other members' bookings are busy blocks without a name.
 */

/** Who is looking: their id, and whether they run the makerspace (and so see names). */
export interface Viewer {
  userId: string;
  runsMakerspace: boolean;
}

const DAY = 24 * 60 * 60 * 1000;
/** Maintenance starting within this many days needs the admin's attention. */
const MAINTENANCE_AHEAD_DAYS = 7;
/** Invites expiring within this many hours need it too (resend or let go). */
const INVITES_EXPIRING_HOURS = 24;
/** The statuses that hold a slot, as the exclusion constraint counts them. */
const LIVE: ReservationStatus[] = ['booked', 'checked_in', 'completed'];

const toIso = (value: unknown) => new Date(value as string).toISOString();
const range = (from: string, to: string) =>
  sql`tstzrange(${from}::timestamptz, ${to}::timestamptz, '[)')`;

/** A makerspace's bookings in `[from, to)` with the given statuses, as the viewer may see them. */
async function bookingBlocks(
  db: Database,
  makerspaceId: string,
  window: { from: string; to: string },
  statuses: ReservationStatus[],
  viewer: Viewer,
): Promise<BookingBlock[]> {
  const rows = await db
    .select({
      id: reservations.id,
      status: reservations.status,
      userId: reservations.userId,
      equipmentId: reservations.equipmentId,
      startsAt: sql<string>`lower(${reservations.during})`.mapWith(toIso),
      endsAt: sql<string>`upper(${reservations.during})`.mapWith(toIso),
      displayName: users.displayName,
    })
    .from(reservations)
    .leftJoin(users, eq(users.id, reservations.userId))
    .where(
      and(
        eq(reservations.makerspaceId, makerspaceId),
        inArray(reservations.status, statuses),
        sql`${reservations.during} && ${range(window.from, window.to)}`,
      ),
    )
    .orderBy(sql`lower(${reservations.during})`);
  const machines = new Map(
    (
      await machinesById(
        db,
        rows.map((row) => row.equipmentId),
      )
    ).map((machine) => [machine.id, machine]),
  );
  return rows.map(({ userId, equipmentId, displayName, ...row }) => {
    const mine = userId === viewer.userId;
    return {
      ...row,
      mine,
      machine: machines.get(equipmentId)!,
      member:
        viewer.runsMakerspace || mine ? { id: userId, displayName: displayName ?? 'Member' } : null,
    };
  });
}

/** Each machine's next booking still to start, by machine id. */
async function nextBookings(db: Database, makerspaceId: string, now: string) {
  const rows = await db
    .selectDistinctOn([reservations.equipmentId], {
      equipmentId: reservations.equipmentId,
      startsAt: sql<string>`lower(${reservations.during})`.mapWith(toIso),
      endsAt: sql<string>`upper(${reservations.during})`.mapWith(toIso),
    })
    .from(reservations)
    .where(
      and(
        eq(reservations.makerspaceId, makerspaceId),
        eq(reservations.status, 'booked'),
        gt(sql`lower(${reservations.during})`, sql`${now}::timestamptz`),
      ),
    )
    .orderBy(reservations.equipmentId, sql`lower(${reservations.during})`);
  return new Map(rows.map(({ equipmentId, ...slot }) => [equipmentId, slot]));
}

/** What only the makerspace's admins see: machines down, maintenance soon, invites, no-shows. */
async function attentionOf(
  db: Database,
  makerspaceId: string,
  machines: Awaited<ReturnType<typeof listMachines>>,
  today: { from: string; to: string },
  viewer: Viewer,
): Promise<DashboardAttention> {
  const now = new Date();
  const [maintenance, expiringInvites, noShowsToday] = await Promise.all([
    maintenanceInMakerspace(db, makerspaceId, {
      from: now.toISOString(),
      to: new Date(now.getTime() + MAINTENANCE_AHEAD_DAYS * DAY).toISOString(),
      starting: true,
    }),
    invitesExpiringWithin(db, makerspaceId, INVITES_EXPIRING_HOURS),
    bookingBlocks(db, makerspaceId, today, ['no_show'], viewer),
  ]);
  const machineOf = new Map(machines.map((machine) => [machine.id, machine]));
  return {
    machinesDown: machines.flatMap(({ slug, name, status }) =>
      status === 'maintenance' || status === 'offline' ? [{ slug, name, status }] : [],
    ),
    upcomingMaintenance: maintenance.flatMap(({ equipmentId, ...window }) => {
      const machine = machineOf.get(equipmentId);
      return machine ? [{ ...window, machine: { slug: machine.slug, name: machine.name } }] : [];
    }),
    expiringInvites: expiringInvites.map(({ id, email, role, expiresAt }) => ({
      id,
      email,
      role,
      expiresAt,
    })),
    noShowsToday,
  };
}

const itemsOf = (attention: DashboardAttention) =>
  attention.machinesDown.length +
  attention.upcomingMaintenance.length +
  attention.expiringInvites.length +
  attention.noShowsToday.length;

/** A makerspace's day at a glance, "today" being the date in its own time zone. */
export async function makerspaceDashboard(
  db: Database,
  makerspaceId: string,
  viewer: Viewer,
): Promise<MakerspaceDashboard> {
  const [[place], schedule] = await Promise.all([
    makerspacePlacesById(db, [makerspaceId]),
    openingScheduleOf(db, makerspaceId),
  ]);
  const now = new Date();
  const date = localDateOf(now, schedule.timeZone);
  const today = localDayBounds(date, schedule.timeZone);
  const [bookingsToday, machines, next] = await Promise.all([
    bookingBlocks(db, makerspaceId, today, LIVE, viewer),
    listMachines(db, makerspaceId, {}),
    nextBookings(db, makerspaceId, now.toISOString()),
  ]);
  const attention = viewer.runsMakerspace
    ? await attentionOf(db, makerspaceId, machines, today, viewer)
    : null;
  const counted = (...statuses: string[]) =>
    machines.filter((machine) => statuses.includes(machine.status)).length;
  return {
    makerspace: {
      id: place!.id,
      slug: place!.slug,
      name: place!.name,
      timeZone: place!.timeZone,
      currency: place!.currency,
    },
    today: openingDay(schedule, date),
    counts: {
      bookingsToday: bookingsToday.length,
      machines: machines.length,
      machinesAvailable: counted('available'),
      machinesInUse: counted('in_use'),
      machinesDown: counted('maintenance', 'offline'),
      needsAttention: attention ? itemsOf(attention) : null,
    },
    bookingsToday,
    machines: machines.map((machine) => ({
      ...machine,
      currency: place!.currency,
      nextBooking: next.get(machine.id) ?? null,
    })),
    attention,
  };
}

/**
 * Every machine's bookings and maintenance over a range, with the open intervals of each local
 * day, all as instants beside the makerspace's time zone: the app draws day and week views
 * from it without doing any zone arithmetic of its own.
 */
export async function makerspaceCalendar(
  db: Database,
  makerspaceId: string,
  window: { from: string; to: string },
  viewer: Viewer,
): Promise<MakerspaceCalendar> {
  const from = new Date(window.from).toISOString();
  const to = new Date(window.to).toISOString();
  const [schedule, machines, bookings, maintenance, [place]] = await Promise.all([
    openingScheduleOf(db, makerspaceId),
    listMachines(db, makerspaceId, {}),
    bookingBlocks(db, makerspaceId, { from, to }, LIVE, viewer),
    maintenanceInMakerspace(db, makerspaceId, { from, to }),
    makerspacePlacesById(db, [makerspaceId]),
  ]);
  return {
    timeZone: schedule.timeZone,
    currency: place!.currency,
    from,
    to,
    days: openingDays(schedule, from, to),
    machines: machines.map(({ id, slug, name, type, status, hourlyRateCents }) => ({
      id,
      slug,
      name,
      type,
      status,
      hourlyRateCents,
      currency: place!.currency,
      bookings: bookings.filter((booking) => booking.machine.id === id),
      maintenance: maintenance
        .filter((window) => window.equipmentId === id)
        .map(({ equipmentId: _machine, ...window }) => window),
    })),
  };
}
