import { type Reservation, type ReservationCalendar, type ReservationSlot } from '@makrx/contracts';
import type { reservationCalendarQuery, reservationInput } from '@makrx/contracts';
import {
  auditActor,
  recordAudit,
  recordAuditBy,
  violates,
  type AuditRequester,
  type Database,
} from '@makrx/db';
import { users } from '@makrx/db/schema';
import { publishEvent, publishLive } from '@makrx/events';
import { conflict, notFound } from '@makrx/service-kit';
import { and, asc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import {
  machinesById,
  machineToBook,
  maintenanceDuring,
  type MachineRef,
} from '../equipment/service';
import { makerspacePlacesById, openingScheduleOf } from '../makerspaces/service';
import { projectNamesById, recordProjectActivity } from '../projects/service';
import { trainingRefusal } from '../trainings/service';
import { checkBookingRules } from './booking-rules';
import { reservations } from './tables';

/**
 * Who asks for a change, as the audit log records it; `runsTheMakerspace` when they hold
 * `makerspace:admin` there (they book machines without a training pass).
 */
export type ReservationActor = AuditRequester & { runsTheMakerspace?: boolean };

// How machines were used over a period, for analytics (summed in PostgreSQL).
export {
  activeMembersByMonth,
  bookedHoursByWeekdayHour,
  machineHoursIn,
  noShowsByMachineIn,
  type UsagePeriod,
  type UsageScope,
} from './usage';

/** A booking the route names: found only within that makerspace, and only the owner's if set. */
export interface ReservationRef {
  makerspaceId: string;
  reservationId: string;
  /** Set for a member acting on their own booking; unset for the makerspace's admins. */
  ownerId?: string;
}

/** Check-in opens this long before the slot starts. */
const CHECK_IN_EARLY_MS = 15 * 60 * 1000;
/** A booking nobody checked in to this long after its start is a no-show. */
export const NO_SHOW_GRACE_MS = 15 * 60 * 1000;

/** The statuses that hold a slot; the exclusion constraint's WHERE lists the same. */
const LIVE = ['booked', 'checked_in', 'completed'] as const;

const rangeOf = (startsAt: string, endsAt: string) =>
  sql`tstzrange(${startsAt}::timestamptz, ${endsAt}::timestamptz, '[)')`;
const startsAt = sql<string>`lower(${reservations.during})`.mapWith(toIso);
const endsAt = sql<string>`upper(${reservations.during})`.mapWith(toIso);

function toIso(value: unknown): string {
  return new Date(value as string).toISOString();
}
const isoOrNull = (value: Date | null) => value?.toISOString() ?? null;

const reservationColumns = {
  id: reservations.id,
  status: reservations.status,
  userId: reservations.userId,
  projectId: reservations.projectId,
  equipmentId: reservations.equipmentId,
  makerspaceId: reservations.makerspaceId,
  startsAt,
  endsAt,
  checkedInAt: reservations.checkedInAt,
  checkedOutAt: reservations.checkedOutAt,
  cancelledAt: reservations.cancelledAt,
  createdAt: reservations.createdAt,
};

/**
 * Bookings matching `where`, earliest first, each with its machine and makerspace by name (read
 * through their modules, which own those tables).
 */
async function reservationsWhere(db: Database, where: SQL | undefined): Promise<Reservation[]> {
  const rows = await db
    .select(reservationColumns)
    .from(reservations)
    .where(where)
    .orderBy(sql`lower(${reservations.during})`, asc(reservations.createdAt));
  const [machines, spaces, projectNames] = await Promise.all([
    machinesById(
      db,
      rows.map((row) => row.equipmentId),
    ),
    makerspacePlacesById(
      db,
      rows.map((row) => row.makerspaceId),
    ),
    projectNamesById(
      db,
      rows.flatMap((row) => (row.projectId ? [row.projectId] : [])),
    ),
  ]);
  const machineOf = new Map(machines.map((machine) => [machine.id, machine]));
  const spaceOf = new Map(
    spaces.map(({ id, slug, name, timeZone }) => [id, { id, slug, name, timeZone }]),
  );
  return rows.map(({ equipmentId, makerspaceId, projectId, ...row }) => ({
    ...row,
    project: projectId ? (projectNames.get(projectId) ?? null) : null,
    machine: machineOf.get(equipmentId)!,
    makerspace: spaceOf.get(makerspaceId)!,
    checkedInAt: isoOrNull(row.checkedInAt),
    checkedOutAt: isoOrNull(row.checkedOutAt),
    cancelledAt: isoOrNull(row.cancelledAt),
    createdAt: row.createdAt.toISOString(),
  }));
}

async function oneReservation(db: Database, id: string): Promise<Reservation> {
  const [found] = await reservationsWhere(db, eq(reservations.id, id));
  return found!;
}

const audit = (
  tx: Database,
  actor: ReservationActor,
  action: string,
  entityId: string,
  change: { before?: unknown; after?: unknown },
) =>
  recordAuditBy(tx, actor, {
    service: 'cave',
    action,
    entityType: 'reservation',
    entityId,
    ...change,
  });

/** Refuses a machine that takes no bookings, each refusal naming why. */
function refuseUnbookable(machine: Awaited<ReturnType<typeof machineToBook>>) {
  if (machine.archived || machine.status === 'offline') {
    throw conflict(
      'EQUIPMENT_UNAVAILABLE',
      `"${machine.name}" is ${machine.archived ? 'archived' : 'offline'} and takes no bookings.`,
      { status: machine.archived ? 'archived' : machine.status },
    );
  }
}

/**
 * Refuses a member without a valid pass of the training the machine requires (403
 * TRAINING_REQUIRED, naming the training and its next session with a free seat). Like Fabman's
 * staff, the makerspace's admins may book it without one: they answer for its use.
 */
async function refuseUntrained(
  tx: Database,
  machine: Awaited<ReturnType<typeof machineToBook>>,
  actor: ReservationActor,
) {
  if (!machine.trainingId || actor.runsTheMakerspace) return;
  const refusal = await trainingRefusal(tx, {
    trainingId: machine.trainingId,
    userId: actor.userId,
    machineName: machine.name,
  });
  if (refusal) throw refusal;
}

/** Refuses a slot overlapping maintenance scheduled on the machine, naming the maintenance. */
async function refuseMaintenance(
  tx: Database,
  machine: { id: string; name: string },
  slot: ReservationSlot,
) {
  const [maintenance] = await maintenanceDuring(tx, machine.id, slot.startsAt, slot.endsAt);
  if (!maintenance) return;
  throw conflict(
    'MAINTENANCE_SCHEDULED',
    `"${machine.name}" is under maintenance from ${maintenance.startsAt} to ${maintenance.endsAt}.`,
    { maintenance: { startsAt: maintenance.startsAt, endsAt: maintenance.endsAt } },
  );
}

/** The live booking of the machine overlapping the slot, as the SLOT_TAKEN refusal names it. */
async function bookingInTheWay(
  db: Database,
  equipmentId: string,
  slot: ReservationSlot,
): Promise<ReservationSlot | undefined> {
  const [taken] = await db
    .select({ startsAt, endsAt })
    .from(reservations)
    .where(
      and(
        eq(reservations.equipmentId, equipmentId),
        inArray(reservations.status, [...LIVE]),
        sql`${reservations.during} && ${rangeOf(slot.startsAt, slot.endsAt)}`,
      ),
    )
    .orderBy(sql`lower(${reservations.during})`)
    .limit(1);
  return taken;
}

/**
 * Books a machine for a member. Overlap is left to the exclusion constraint alone, so two
 * requests at the same instant (on any instance) cannot both pass a check that ran before
 * either wrote: one inserts, the other's insert fails with 23P01 and is answered SLOT_TAKEN.
 */
export async function bookMachine(
  db: Database,
  ref: MachineRef,
  input: z.output<typeof reservationInput>,
  actor: ReservationActor,
  /** The booker's project the time is for, as `projectToBookFor` found it. */
  project?: { id: string; title: string },
): Promise<Reservation> {
  const slot = {
    startsAt: new Date(input.startsAt).toISOString(),
    endsAt: new Date(input.endsAt).toISOString(),
  };
  let machine: Awaited<ReturnType<typeof machineToBook>> | undefined;
  let id: string;
  try {
    id = await db.transaction(async (tx) => {
      machine = await machineToBook(tx, ref, 'share');
      refuseUnbookable(machine);
      await checkBookingRules(tx, machine, slot);
      await refuseUntrained(tx, machine, actor);
      await refuseMaintenance(tx, machine, slot);
      const [row] = await tx
        .insert(reservations)
        .values({
          equipmentId: machine.id,
          makerspaceId: machine.makerspaceId,
          userId: actor.userId,
          projectId: project?.id ?? null,
          during: rangeOf(slot.startsAt, slot.endsAt) as never,
        })
        .returning({ id: reservations.id });
      const booked = { reservationId: row!.id, equipmentId: machine.id, ...slot };
      await audit(tx, actor, 'reservation.booked', row!.id, { after: booked });
      if (project) {
        await recordProjectActivity(tx, {
          projectId: project.id,
          actorId: actor.userId,
          action: 'booking.made',
          summary: `Booked ${machine.name} from ${slot.startsAt}`,
          details: { reservationId: row!.id },
        });
      }
      await publishEvent(tx, {
        type: 'cave.reservation.booked',
        source: 'cave',
        payload: { ...booked, makerspaceId: machine.makerspaceId, userId: actor.userId },
      });
      await publishLive(tx, {
        kind: 'booking.created',
        makerspaceId: machine.makerspaceId,
        equipmentId: machine.id,
        reservationId: row!.id,
      });
      return row!.id;
    });
  } catch (err) {
    if (!machine || !violates(err, '23P01', 'reservations_no_overlap')) throw err;
    // Read after the failed transaction: the booking that won is committed by now.
    const taken = (await bookingInTheWay(db, machine.id, slot)) ?? slot;
    throw conflict(
      'SLOT_TAKEN',
      `"${machine.name}" is already booked from ${taken.startsAt} to ${taken.endsAt}.`,
      { taken },
    );
  }
  return oneReservation(db, id);
}

/** A machine's calendar: its live bookings and scheduled maintenance over a day or a week. */
export async function machineCalendar(
  db: Database,
  ref: MachineRef,
  range: z.output<typeof reservationCalendarQuery>,
  viewer: { userId: string; seesNames: boolean },
): Promise<ReservationCalendar> {
  const machine = await machineToBook(db, ref);
  const from = new Date(range.from).toISOString();
  const to = new Date(range.to).toISOString();
  const [rows, maintenance, schedule] = await Promise.all([
    db
      .select({
        id: reservations.id,
        status: reservations.status,
        userId: reservations.userId,
        displayName: users.displayName,
        startsAt,
        endsAt,
      })
      .from(reservations)
      .innerJoin(users, eq(users.id, reservations.userId))
      .where(
        and(
          eq(reservations.equipmentId, machine.id),
          inArray(reservations.status, [...LIVE]),
          sql`${reservations.during} && ${rangeOf(from, to)}`,
        ),
      )
      .orderBy(sql`lower(${reservations.during})`),
    maintenanceDuring(db, machine.id, from, to),
    openingScheduleOf(db, machine.makerspaceId),
  ]);
  return {
    timeZone: schedule.timeZone,
    from,
    to,
    items: rows.map(({ userId, displayName, ...entry }) => {
      const mine = userId === viewer.userId;
      const named = mine || viewer.seesNames;
      return { ...entry, mine, member: named ? { id: userId, displayName } : null };
    }),
    maintenance: maintenance.map(({ startsAt: start, endsAt: end }) => ({
      startsAt: start,
      endsAt: end,
    })),
  };
}

/** The caller's bookings in every makerspace, earliest first (print jobs' holds are not). */
export async function myReservations(db: Database, userId: string): Promise<Reservation[]> {
  return reservationsWhere(
    db,
    and(eq(reservations.userId, userId), eq(reservations.kind, 'member')),
  );
}

/**
 * The booking a route names, locked for the change; another's (for a member) is 404, and so
 * is a print job's hold, which changes only with its job.
 */
async function lockedReservation(tx: Database, ref: ReservationRef) {
  const [row] = await tx
    .select({ ...reservationColumnsForChange, startsAt, endsAt })
    .from(reservations)
    .where(
      and(
        eq(reservations.id, ref.reservationId),
        eq(reservations.makerspaceId, ref.makerspaceId),
        eq(reservations.kind, 'member'),
        ref.ownerId === undefined ? undefined : eq(reservations.userId, ref.ownerId),
      ),
    )
    .for('update');
  if (!row) throw notFound('Booking');
  return row;
}
const reservationColumnsForChange = {
  id: reservations.id,
  status: reservations.status,
  userId: reservations.userId,
  equipmentId: reservations.equipmentId,
  makerspaceId: reservations.makerspaceId,
};

/** Cancels a booking that has not started; its slot is free again at once. */
export async function cancelReservation(
  db: Database,
  ref: ReservationRef,
  actor: ReservationActor,
): Promise<Reservation> {
  await db.transaction(async (tx) => {
    const booking = await lockedReservation(tx, ref);
    if (booking.status !== 'booked' || Date.parse(booking.startsAt) <= Date.now()) {
      throw conflict(
        'RESERVATION_STARTED',
        'Only a booking that has not started can be cancelled.',
        { status: booking.status },
      );
    }
    await tx
      .update(reservations)
      .set({
        status: 'cancelled',
        cancelledAt: new Date(),
        cancelledBy: await auditActor(tx, actor.userId),
      })
      .where(eq(reservations.id, booking.id));
    await audit(tx, actor, 'reservation.cancelled', booking.id, {
      before: { status: booking.status },
      after: { status: 'cancelled', byOwner: booking.userId === actor.userId },
    });
    await publishEvent(tx, {
      type: 'cave.reservation.cancelled',
      source: 'cave',
      payload: {
        reservationId: booking.id,
        equipmentId: booking.equipmentId,
        makerspaceId: booking.makerspaceId,
        userId: booking.userId,
        startsAt: booking.startsAt,
        endsAt: booking.endsAt,
        cancelledBy: actor.userId,
      },
    });
    await publishLive(tx, {
      kind: 'booking.cancelled',
      makerspaceId: booking.makerspaceId,
      equipmentId: booking.equipmentId,
      reservationId: booking.id,
    });
  });
  return oneReservation(db, ref.reservationId);
}

/** The member arrives: from 15 minutes before the start until the end of the slot. */
export async function checkIn(
  db: Database,
  ref: ReservationRef,
  actor: ReservationActor,
): Promise<Reservation> {
  await db.transaction(async (tx) => {
    const booking = await lockedReservation(tx, ref);
    const now = Date.now();
    const open =
      booking.status === 'booked' &&
      now >= Date.parse(booking.startsAt) - CHECK_IN_EARLY_MS &&
      now < Date.parse(booking.endsAt);
    if (!open) {
      throw conflict(
        'RESERVATION_NOT_CHECKABLE',
        'Check-in opens 15 minutes before a booked slot and closes at its end.',
        { status: booking.status },
      );
    }
    await tx
      .update(reservations)
      .set({ status: 'checked_in', checkedInAt: new Date(now) })
      .where(eq(reservations.id, booking.id));
    await audit(tx, actor, 'reservation.checked-in', booking.id, {
      before: { status: booking.status },
      after: { status: 'checked_in' },
    });
  });
  return oneReservation(db, ref.reservationId);
}

/** The member is done: the actual use (check-in to check-out) is what billing will charge. */
export async function checkOut(
  db: Database,
  ref: ReservationRef,
  actor: ReservationActor,
): Promise<Reservation> {
  await db.transaction(async (tx) => {
    const booking = await lockedReservation(tx, ref);
    if (booking.status !== 'checked_in') {
      throw conflict('RESERVATION_NOT_CHECKABLE', 'Only a checked-in booking can be checked out.', {
        status: booking.status,
      });
    }
    await tx
      .update(reservations)
      .set({ status: 'completed', checkedOutAt: new Date() })
      .where(eq(reservations.id, booking.id));
    await audit(tx, actor, 'reservation.checked-out', booking.id, {
      before: { status: booking.status },
      after: { status: 'completed' },
    });
  });
  return oneReservation(db, ref.reservationId);
}

/**
 * Records as no-shows the bookings nobody checked in to within the grace period after their
 * start, in one makerspace or (for the background job) all. Each is audited; running it twice
 * marks nothing twice, since only `booked` rows change.
 */
export async function markNoShows(
  db: Database,
  actor: ReservationActor | undefined,
  makerspaceId?: string,
): Promise<number> {
  return db.transaction(async (tx) => {
    const cutoff = new Date(Date.now() - NO_SHOW_GRACE_MS).toISOString();
    const missed = await tx
      .update(reservations)
      .set({ status: 'no_show' })
      .where(
        and(
          eq(reservations.status, 'booked'),
          lt(sql`lower(${reservations.during})`, sql`${cutoff}::timestamptz`),
          makerspaceId ? eq(reservations.makerspaceId, makerspaceId) : undefined,
        ),
      )
      .returning({ id: reservations.id });
    for (const { id } of missed) {
      await recordAudit(tx, {
        service: 'cave',
        action: 'reservation.no-show',
        entityType: 'reservation',
        entityId: id,
        actorId: actor ? await auditActor(tx, actor.userId) : null,
        requestId: actor?.requestId ?? null,
        before: { status: 'booked' },
        after: { status: 'no_show' },
      });
    }
    return missed.length;
  });
}

/** Minutes of one machine a member used, as billing prices them. */
export interface MachineUse {
  equipmentId: string;
  minutes: number;
}

/**
 * The machine time a member used in a makerspace over `[from, to)`: each completed booking's
 * check-in to check-out in whole minutes, counted in the period its check-out falls in, summed
 * per machine. Billing asks this instead of reading bookings itself.
 */
export async function usedMinutesByMachine(
  db: Database,
  of: { makerspaceId: string; userId: string; from: string; to: string },
): Promise<MachineUse[]> {
  const minutes = sql<number>`sum(floor(extract(epoch from ${reservations.checkedOutAt} - ${reservations.checkedInAt}) / 60))`;
  const rows = await db
    .select({ equipmentId: reservations.equipmentId, minutes: minutes.mapWith(Number) })
    .from(reservations)
    .where(
      and(
        eq(reservations.makerspaceId, of.makerspaceId),
        eq(reservations.userId, of.userId),
        eq(reservations.status, 'completed'),
        sql`${reservations.checkedOutAt} >= ${of.from}::timestamptz`,
        lt(reservations.checkedOutAt, sql`${of.to}::timestamptz`),
      ),
    )
    .groupBy(reservations.equipmentId);
  return rows.filter((row) => row.minutes > 0);
}

/** A machine's slot, as print jobs hold and route around them. */
export interface HeldSlot {
  equipmentId: string;
  startsAt: string;
  endsAt: string;
}

/**
 * The live bookings and print-job holds on `equipmentIds` overlapping `[from, to)`, and their
 * scheduled maintenance: every interval no new job may start in. Earliest first.
 */
export async function busyTimesOn(
  db: Database,
  equipmentIds: readonly string[],
  from: string,
  to: string,
): Promise<HeldSlot[]> {
  if (equipmentIds.length === 0) return [];
  const booked = await db
    .select({ equipmentId: reservations.equipmentId, startsAt, endsAt })
    .from(reservations)
    .where(
      and(
        inArray(reservations.equipmentId, [...new Set(equipmentIds)]),
        inArray(reservations.status, [...LIVE]),
        sql`${reservations.during} && ${rangeOf(from, to)}`,
      ),
    );
  const maintenance = (
    await Promise.all(
      [...new Set(equipmentIds)].map(async (equipmentId) =>
        (await maintenanceDuring(db, equipmentId, from, to)).map((window) => ({
          equipmentId,
          startsAt: window.startsAt,
          endsAt: window.endsAt,
        })),
      ),
    )
  ).flat();
  return [...booked, ...maintenance].sort(
    (a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt),
  );
}

/**
 * Holds a machine's slot for an accepted print job, in the caller's transaction: a row of the
 * same table as members' bookings, so the exclusion constraint keeps both apart. An overlap
 * fails the transaction with 23P01; the caller answers it with `slotTakenRefusal` once the
 * transaction is over. Maintenance in the slot is refused here, by name.
 */
export async function holdMachineForJob(
  tx: Database,
  hold: HeldSlot & { makerspaceId: string; serviceJobId: string; machineName: string },
  actor: AuditRequester,
): Promise<string> {
  await refuseMaintenance(tx, { id: hold.equipmentId, name: hold.machineName }, hold);
  const [row] = await tx
    .insert(reservations)
    .values({
      equipmentId: hold.equipmentId,
      makerspaceId: hold.makerspaceId,
      userId: actor.userId,
      kind: 'service_job',
      serviceJobId: hold.serviceJobId,
      during: rangeOf(hold.startsAt, hold.endsAt) as never,
    })
    .returning({ id: reservations.id });
  const held = {
    reservationId: row!.id,
    equipmentId: hold.equipmentId,
    startsAt: hold.startsAt,
    endsAt: hold.endsAt,
  };
  await audit(tx, actor, 'reservation.held-for-job', row!.id, {
    after: { ...held, serviceJobId: hold.serviceJobId },
  });
  await publishEvent(tx, {
    type: 'cave.reservation.booked',
    source: 'cave',
    payload: { ...held, makerspaceId: hold.makerspaceId, userId: actor.userId },
  });
  await publishLive(tx, {
    kind: 'booking.created',
    makerspaceId: hold.makerspaceId,
    equipmentId: hold.equipmentId,
    reservationId: row!.id,
  });
  return row!.id;
}

/** Whether an error is the exclusion constraint refusing an overlapping slot. */
export const isSlotOverlap = (err: unknown) => violates(err, '23P01', 'reservations_no_overlap');

/** The 409 SLOT_TAKEN for a slot another booking or job holds, naming what is in the way. */
export async function slotTakenRefusal(
  db: Database,
  machine: { id: string; name: string },
  slot: ReservationSlot,
) {
  const taken = (await bookingInTheWay(db, machine.id, slot)) ?? slot;
  return conflict(
    'SLOT_TAKEN',
    `"${machine.name}" is already booked from ${taken.startsAt} to ${taken.endsAt}.`,
    { taken },
  );
}

/** The slots of bookings or job holds by reservation id. */
export async function slotsById(
  db: Database,
  ids: readonly string[],
): Promise<Map<string, ReservationSlot>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: reservations.id, startsAt, endsAt })
    .from(reservations)
    .where(inArray(reservations.id, [...new Set(ids)]));
  return new Map(rows.map(({ id, ...slot }) => [id, slot]));
}

/**
 * Each member's `n`th machine booking that was kept (not cancelled, not missed) and has begun,
 * with when it began: the milestones MakrX.org profiles show ("ten machine bookings").
 */
export async function nthKeptBookings(
  db: Database,
  n: number,
): Promise<{ userId: string; at: Date }[]> {
  const rows = await db.execute<{ user_id: string; starts_at: Date | string }>(sql`
    select user_id, starts_at from (
      select ${reservations.userId} as user_id, lower(${reservations.during}) as starts_at,
             row_number() over (partition by ${reservations.userId} order by lower(${reservations.during}), ${reservations.id}) as nth
      from ${reservations}
      where ${reservations.kind} = 'member' and ${reservations.status} in ('booked', 'checked_in', 'completed')
        and lower(${reservations.during}) <= now()
    ) numbered
    where nth = ${n}`);
  return rows.rows.map((row) => ({ userId: row.user_id, at: new Date(row.starts_at) }));
}

/** The bookings made for a project, earliest first. */
export const bookingsForProject = (db: Database, projectId: string): Promise<Reservation[]> =>
  reservationsWhere(db, eq(reservations.projectId, projectId));
export { bookingsExportOf, eraseUpcomingBookings } from './privacy';
