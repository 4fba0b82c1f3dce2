import {
  equipmentSpecifications,
  equipmentTypeLabels,
  type Equipment,
  type EquipmentStatus,
  type MachineDetail,
  type MachineSummary,
  type MaintenanceLogEntry,
  type MaintenanceWindow,
  type Photo,
} from '@makrx/contracts';
import type {
  machineInput,
  machineListQuery,
  machineStatusChange,
  machineUpdate,
  maintenanceLogEntryInput,
  maintenanceWindowInput,
} from '@makrx/contracts';
import { auditActor, recordAuditBy, violates, type AuditRequester, type Database } from '@makrx/db';
import { users } from '@makrx/db/schema';
import { publishEvent, publishLive } from '@makrx/events';
import { conflict, notFound } from '@makrx/service-kit';
import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { coverPhotosOf, photosOf } from '../../photo-albums';
import { trainingsById, trainingToRequire } from '../trainings/service';
import { machineAlbum } from './photos';
import { equipment, maintenanceLog, maintenanceWindows } from './tables';

type MachineRow = typeof equipment.$inferSelect;

/**
 * A machine as this module knows it. Its rate is in the makerspace's currency, which the
 * makerspaces module holds: the routes add it to every answer (`MachineSummary`), since
 * makerspaces already depends on this module for its directory.
 */
export type Machine = Omit<MachineSummary, 'currency'>;
export type MachineWithMaintenance = Omit<MachineDetail, 'currency'>;

/** Who asks for a change, as the audit log records it. */
export type EquipmentActor = AuditRequester;

/** The makerspace and machine a route names, the makerspace already resolved to its id. */
export interface MachineRef {
  makerspaceId: string;
  slug: string;
}

const RECENT_LOG_ENTRIES = 10;

/** The names of the trainings machines require, by training id. */
type TrainingNames = ReadonlyMap<string, string>;

const toSummary = (
  row: MachineRow,
  trainingNames: TrainingNames,
  covers: ReadonlyMap<string, Photo>,
): Machine => ({
  id: row.id,
  slug: row.slug,
  name: row.name,
  type: row.type,
  make: row.make,
  model: row.model,
  location: row.location,
  // Read back through the schema, so a job never meets a shape it does not know.
  specifications: equipmentSpecifications.parse(row.specifications),
  hourlyRateCents: row.hourlyRateCents,
  requiresTraining: row.trainingId !== null,
  training: row.trainingId
    ? { id: row.trainingId, name: trainingNames.get(row.trainingId) ?? '' }
    : null,
  maxBookingMinutes: row.maxBookingMinutes,
  minLeadMinutes: row.minLeadMinutes,
  maxDaysAhead: row.maxDaysAhead,
  status: row.status,
  coverPhoto: covers.get(row.id) ?? null,
  archivedAt: row.archivedAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

/** Machines as the API shows them, each with the name of the training it requires and its photo. */
async function summaries(db: Database, rows: MachineRow[]): Promise<Machine[]> {
  const [trainings, covers] = await Promise.all([
    trainingsById(
      db,
      rows.flatMap((row) => (row.trainingId ? [row.trainingId] : [])),
    ),
    coverPhotosOf(
      db,
      machineAlbum,
      rows.map((row) => row.id),
    ),
  ]);
  const names = new Map(trainings.map((training) => [training.id, training.name]));
  return rows.map((row) => toSummary(row, names, covers));
}

async function summary(db: Database, row: MachineRow): Promise<Machine> {
  const [one] = await summaries(db, [row]);
  return one!;
}

const notArchived = isNull(equipment.archivedAt);

/** How many machines each makerspace has, of which kinds, and how many are free now. */
export async function equipmentSummaries(db: Database, makerspaceIds: readonly string[]) {
  if (makerspaceIds.length === 0) return new Map();
  const rows = await db
    .select({
      makerspaceId: equipment.makerspaceId,
      equipmentCount: sql<number>`cast(count(*) as integer)`,
      types: sql<MachineRow['type'][]>`array_agg(distinct ${equipment.type})`,
      availableNow: sql<number>`cast(count(*) filter (where ${equipment.status} = 'available') as integer)`,
    })
    .from(equipment)
    .where(and(inArray(equipment.makerspaceId, [...makerspaceIds]), notArchived))
    .groupBy(equipment.makerspaceId);
  return new Map(
    rows.map(({ makerspaceId, types, ...counts }) => [
      makerspaceId,
      { ...counts, equipmentKinds: types.map((type) => equipmentTypeLabels[type]) },
    ]),
  );
}

/** A makerspace's machines as its public page lists them. */
export async function publicMachinesOf(db: Database, makerspaceId: string): Promise<Equipment[]> {
  const rows = await db
    .select()
    .from(equipment)
    .where(and(eq(equipment.makerspaceId, makerspaceId), notArchived))
    .orderBy(asc(equipment.type), asc(equipment.name));
  const covers = await coverPhotosOf(
    db,
    machineAlbum,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    name: row.name,
    kind: equipmentTypeLabels[row.type],
    status: row.status,
    hourlyRateCents: row.hourlyRateCents,
    coverPhoto: covers.get(row.id) ?? null,
  }));
}

/** A makerspace's machines in use (archived ones left out), by type then name. */
export async function listMachines(
  db: Database,
  makerspaceId: string,
  query: z.infer<typeof machineListQuery>,
): Promise<Machine[]> {
  const rows = await db
    .select()
    .from(equipment)
    .where(
      and(
        eq(equipment.makerspaceId, makerspaceId),
        notArchived,
        query.type ? eq(equipment.type, query.type) : undefined,
        query.status ? eq(equipment.status, query.status) : undefined,
      ),
    )
    .orderBy(asc(equipment.type), asc(equipment.name));
  return summaries(db, rows);
}

async function machineRow(db: Database, ref: MachineRef, lock?: 'update' | 'share') {
  const query = db
    .select()
    .from(equipment)
    .where(and(eq(equipment.makerspaceId, ref.makerspaceId), eq(equipment.slug, ref.slug)));
  const [row] = lock ? await query.for(lock) : await query;
  // Another makerspace's machine answers like a missing one: its slug reveals nothing.
  if (!row) throw notFound(`Machine "${ref.slug}"`);
  return row;
}

/** The machine, locked for the change, refused if archived (kept for history, never changed). */
async function changeableMachine(tx: Database, ref: MachineRef) {
  const row = await machineRow(tx, ref, 'update');
  if (row.archivedAt) {
    throw conflict('EQUIPMENT_ARCHIVED', `"${row.name}" is archived and can no longer change.`);
  }
  return row;
}

/** One machine's page: its maintenance still to come and the latest log entries. */
export async function findMachine(db: Database, ref: MachineRef): Promise<MachineWithMaintenance> {
  const row = await machineRow(db, ref);
  const [upcomingMaintenance, recentMaintenance, photos] = await Promise.all([
    upcomingWindows(db, row.id),
    recentLogEntries(db, row.id),
    photosOf(db, machineAlbum, row.id),
  ]);
  return { ...(await summary(db, row)), photos, upcomingMaintenance, recentMaintenance };
}

/** The id of the machine a route names, for its photo album; 404 as for any machine. */
export async function machineIdOf(db: Database, ref: MachineRef): Promise<string> {
  return (await machineRow(db, ref)).id;
}

const windowColumns = {
  id: maintenanceWindows.id,
  startsAt: sql<string>`lower(${maintenanceWindows.during})`.mapWith(toIso),
  endsAt: sql<string>`upper(${maintenanceWindows.during})`.mapWith(toIso),
  reason: maintenanceWindows.reason,
};

function toIso(value: unknown): string {
  return new Date(value as string).toISOString();
}

async function upcomingWindows(db: Database, equipmentId: string): Promise<MaintenanceWindow[]> {
  return db
    .select(windowColumns)
    .from(maintenanceWindows)
    .where(
      and(
        eq(maintenanceWindows.equipmentId, equipmentId),
        isNull(maintenanceWindows.cancelledAt),
        sql`upper(${maintenanceWindows.during}) > now()`,
      ),
    )
    .orderBy(sql`lower(${maintenanceWindows.during})`);
}

/** Log entries matching `where`, the latest first, with who performed them. */
async function logEntries(db: Database, where: SQL, limit: number): Promise<MaintenanceLogEntry[]> {
  const rows = await db
    .select({
      id: maintenanceLog.id,
      summary: maintenanceLog.summary,
      notes: maintenanceLog.notes,
      performedAt: maintenanceLog.performedAt,
      performedById: maintenanceLog.performedBy,
      performedByName: users.displayName,
    })
    .from(maintenanceLog)
    .leftJoin(users, eq(users.id, maintenanceLog.performedBy))
    .where(where)
    .orderBy(desc(maintenanceLog.performedAt))
    .limit(limit);
  return rows.map(({ performedById, performedByName, performedAt, ...entry }) => ({
    ...entry,
    performedAt: performedAt.toISOString(),
    performedBy:
      performedById && performedByName ? { id: performedById, displayName: performedByName } : null,
  }));
}

const recentLogEntries = (db: Database, equipmentId: string) =>
  logEntries(db, eq(maintenanceLog.equipmentId, equipmentId), RECENT_LOG_ENTRIES);

const audit = (
  tx: Database,
  actor: EquipmentActor,
  action: string,
  entityId: string,
  change: { before?: unknown; after?: unknown },
) =>
  recordAuditBy(tx, actor, {
    service: 'cave',
    action,
    entityType: 'equipment',
    entityId,
    ...change,
  });

/** Turns the database's refusals into answers an admin can act on. */
function explainWriteError(err: unknown): never {
  if (violates(err, '23505', 'equipment_name_per_makerspace'))
    throw conflict('EQUIPMENT_NAME_TAKEN', 'Another machine here already has this name.');
  if (violates(err, '23505', 'equipment_slug_per_makerspace'))
    throw conflict('SLUG_TAKEN', 'Another machine here already has this slug.');
  throw err;
}

async function writing<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    explainWriteError(err);
  }
}

export async function createMachine(
  db: Database,
  makerspaceId: string,
  input: z.output<typeof machineInput>,
  actor: EquipmentActor,
): Promise<MachineWithMaintenance> {
  return writing(() =>
    db.transaction(async (tx) => {
      if (input.trainingId) await trainingToRequire(tx, makerspaceId, input.trainingId);
      const [row] = await tx
        .insert(equipment)
        .values({ ...input, makerspaceId })
        .returning();
      const created = await summary(tx, row!);
      await audit(tx, actor, 'equipment.created', row!.id, { after: created });
      return { ...created, photos: [], upcomingMaintenance: [], recentMaintenance: [] };
    }),
  );
}

export async function updateMachine(
  db: Database,
  ref: MachineRef,
  update: z.output<typeof machineUpdate>,
  actor: EquipmentActor,
): Promise<Machine> {
  return writing(() =>
    db.transaction(async (tx) => {
      const before = await changeableMachine(tx, ref);
      if (update.trainingId) await trainingToRequire(tx, ref.makerspaceId, update.trainingId);
      const [after] = await tx
        .update(equipment)
        .set({ ...update, updatedAt: new Date() })
        .where(eq(equipment.id, before.id))
        .returning();
      const [was, is] = await summaries(tx, [before, after!]);
      await audit(tx, actor, 'equipment.updated', before.id, { before: was, after: is });
      return is!;
    }),
  );
}

/** Takes a machine out of use for good; its log, windows and (later) bookings stay. */
export async function archiveMachine(
  db: Database,
  ref: MachineRef,
  actor: EquipmentActor,
): Promise<Machine> {
  return db.transaction(async (tx) => {
    const before = await changeableMachine(tx, ref);
    const [after] = await tx
      .update(equipment)
      .set({ archivedAt: new Date(), updatedAt: new Date() })
      .where(eq(equipment.id, before.id))
      .returning();
    const [was, is] = await summaries(tx, [before, after!]);
    await audit(tx, actor, 'equipment.archived', before.id, { before: was, after: is });
    return is!;
  });
}

/** Sets a machine's status; a real change is audited and published for live views. */
export async function changeMachineStatus(
  db: Database,
  ref: MachineRef,
  { status, note }: z.output<typeof machineStatusChange>,
  actor: EquipmentActor,
): Promise<Machine> {
  return db.transaction(async (tx) => {
    const before = await changeableMachine(tx, ref);
    if (before.status === status) return summary(tx, before);
    const [after] = await tx
      .update(equipment)
      .set({ status, updatedAt: new Date() })
      .where(eq(equipment.id, before.id))
      .returning();
    await audit(tx, actor, 'equipment.status-changed', before.id, {
      before: { status: before.status },
      after: { status, ...(note ? { note } : {}) },
    });
    await publishEvent(tx, {
      type: 'cave.equipment.status-changed',
      source: 'cave',
      payload: {
        equipmentId: before.id,
        makerspaceId: before.makerspaceId,
        from: before.status as EquipmentStatus,
        to: status,
      },
    });
    await publishLive(tx, {
      kind: 'machine.status-changed',
      makerspaceId: before.makerspaceId,
      equipmentId: before.id,
      status,
    });
    return summary(tx, after!);
  });
}

export async function addLogEntry(
  db: Database,
  ref: MachineRef,
  input: z.output<typeof maintenanceLogEntryInput>,
  actor: EquipmentActor,
): Promise<MaintenanceLogEntry> {
  return db.transaction(async (tx) => {
    const machine = await changeableMachine(tx, ref);
    const performedBy = await auditActor(tx, actor.userId);
    const [row] = await tx
      .insert(maintenanceLog)
      .values({
        equipmentId: machine.id,
        summary: input.summary,
        notes: input.notes,
        performedBy,
        ...(input.performedAt ? { performedAt: new Date(input.performedAt) } : {}),
      })
      .returning();
    await audit(tx, actor, 'equipment.maintenance-logged', machine.id, {
      after: { entryId: row!.id, summary: row!.summary, performedAt: row!.performedAt },
    });
    const [entry] = await logEntries(tx, eq(maintenanceLog.id, row!.id), 1);
    return entry!;
  });
}

export async function scheduleMaintenance(
  db: Database,
  ref: MachineRef,
  input: z.output<typeof maintenanceWindowInput>,
  actor: EquipmentActor,
): Promise<MaintenanceWindow> {
  return db.transaction(async (tx) => {
    const machine = await changeableMachine(tx, ref);
    const startsAt = new Date(input.startsAt).toISOString();
    const endsAt = new Date(input.endsAt).toISOString();
    const [row] = await tx
      .insert(maintenanceWindows)
      .values({
        equipmentId: machine.id,
        during: sql`tstzrange(${startsAt}::timestamptz, ${endsAt}::timestamptz, '[)')` as never,
        reason: input.reason,
        scheduledBy: await auditActor(tx, actor.userId),
      })
      .returning({ id: maintenanceWindows.id });
    const window = { id: row!.id, startsAt, endsAt, reason: input.reason };
    await audit(tx, actor, 'equipment.maintenance-scheduled', machine.id, { after: window });
    return window;
  });
}

/** Cancels a window still to come or under way; it stays on record but blocks nothing. */
export async function cancelMaintenance(
  db: Database,
  ref: MachineRef,
  windowId: string,
  actor: EquipmentActor,
): Promise<void> {
  await db.transaction(async (tx) => {
    const machine = await changeableMachine(tx, ref);
    const [cancelled] = await tx
      .update(maintenanceWindows)
      .set({ cancelledAt: new Date() })
      .where(
        and(
          eq(maintenanceWindows.id, windowId),
          eq(maintenanceWindows.equipmentId, machine.id),
          isNull(maintenanceWindows.cancelledAt),
          sql`upper(${maintenanceWindows.during}) > now()`,
        ),
      )
      .returning(windowColumns);
    if (!cancelled) throw notFound('Scheduled maintenance');
    await audit(tx, actor, 'equipment.maintenance-cancelled', machine.id, { before: cancelled });
  });
}

/**
 * The machine a booking names, for the reservations module: found within the makerspace the
 * route names (another makerspace's machine is 404), archived ones included so the caller can
 * refuse them by name. `share` (inside the booking's transaction) holds off a status change,
 * archiving or new maintenance until the booking is decided, while bookings do not wait for
 * each other.
 */
export async function machineToBook(db: Database, ref: MachineRef, lock?: 'share') {
  const row = await machineRow(db, ref, lock);
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    makerspaceId: row.makerspaceId,
    status: row.status,
    archived: row.archivedAt !== null,
    trainingId: row.trainingId,
    maxBookingMinutes: row.maxBookingMinutes,
    minLeadMinutes: row.minLeadMinutes,
    maxDaysAhead: row.maxDaysAhead,
  };
}

/** Scheduled maintenance of a machine (not cancelled) overlapping `[from, to)`, earliest first. */
export async function maintenanceDuring(
  db: Database,
  equipmentId: string,
  from: string,
  to: string,
): Promise<MaintenanceWindow[]> {
  return db
    .select(windowColumns)
    .from(maintenanceWindows)
    .where(
      and(
        eq(maintenanceWindows.equipmentId, equipmentId),
        isNull(maintenanceWindows.cancelledAt),
        sql`${maintenanceWindows.during} && tstzrange(${from}::timestamptz, ${to}::timestamptz, '[)')`,
      ),
    )
    .orderBy(sql`lower(${maintenanceWindows.during})`);
}

/** Machines by id as other modules show them beside their own rows (archived ones too). */
export async function machinesById(db: Database, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: equipment.id, slug: equipment.slug, name: equipment.name })
    .from(equipment)
    .where(inArray(equipment.id, [...new Set(ids)]));
}

/**
 * Scheduled maintenance (not cancelled) of a makerspace's machines overlapping `[from, to)`, or
 * only the windows starting in it when `starting` is set; earliest first, with the machine's id.
 */
export async function maintenanceInMakerspace(
  db: Database,
  makerspaceId: string,
  range: { from: string; to: string; starting?: boolean },
): Promise<(MaintenanceWindow & { equipmentId: string })[]> {
  const window = sql`tstzrange(${range.from}::timestamptz, ${range.to}::timestamptz, '[)')`;
  return db
    .select({ ...windowColumns, equipmentId: maintenanceWindows.equipmentId })
    .from(maintenanceWindows)
    .innerJoin(equipment, eq(equipment.id, maintenanceWindows.equipmentId))
    .where(
      and(
        eq(equipment.makerspaceId, makerspaceId),
        isNull(maintenanceWindows.cancelledAt),
        range.starting
          ? sql`lower(${maintenanceWindows.during}) <@ ${window}`
          : sql`${maintenanceWindows.during} && ${window}`,
      ),
    )
    .orderBy(sql`lower(${maintenanceWindows.during})`);
}

/** The machines in use (archived ones left out) that require one of `trainingIds`, by name. */
export async function machinesRequiring(
  db: Database,
  makerspaceId: string,
  trainingIds: readonly string[],
) {
  if (trainingIds.length === 0) return [];
  return db
    .select({
      id: equipment.id,
      slug: equipment.slug,
      name: equipment.name,
      trainingId: sql<string>`${equipment.trainingId}`,
    })
    .from(equipment)
    .where(
      and(
        eq(equipment.makerspaceId, makerspaceId),
        inArray(equipment.trainingId, [...new Set(trainingIds)]),
        notArchived,
      ),
    )
    .orderBy(asc(equipment.name));
}

/**
 * Makes the machines `slugs` of a makerspace require a training, unaudited: for demo data only,
 * whose trainings are seeded after the machines.
 */
export async function requireTrainingForDemo(
  tx: Database,
  makerspaceId: string,
  slugs: readonly string[],
  trainingId: string,
): Promise<void> {
  await tx
    .update(equipment)
    .set({ trainingId })
    .where(and(eq(equipment.makerspaceId, makerspaceId), inArray(equipment.slug, [...slugs])));
}

/** Machines by id with their hourly rates, for billing the time used on them. */
export async function machineRatesById(db: Database, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: equipment.id, name: equipment.name, hourlyRateCents: equipment.hourlyRateCents })
    .from(equipment)
    .where(inArray(equipment.id, [...new Set(ids)]));
}

/** A 3D printer as print jobs see it: whose, whether it takes work, how big its bed is. */
export interface Printer {
  id: string;
  name: string;
  makerspaceId: string;
  type: string;
  status: EquipmentStatus;
  archived: boolean;
  /** Null when the machine's specifications name no build volume. */
  buildVolumeMm: { x: number; y: number; z: number } | null;
}

/**
 * Machines by id (or every machine of `makerspaceIds`) with what the fabrication module needs
 * to route print jobs to them; archived ones included, so the caller can refuse them by name.
 */
export async function printersWhere(
  db: Database,
  of: { ids?: readonly string[]; makerspaceIds?: readonly string[] },
): Promise<Printer[]> {
  if (of.ids?.length === 0 || of.makerspaceIds?.length === 0) return [];
  const rows = await db
    .select()
    .from(equipment)
    .where(
      and(
        of.ids ? inArray(equipment.id, [...new Set(of.ids)]) : undefined,
        of.makerspaceIds
          ? inArray(equipment.makerspaceId, [...new Set(of.makerspaceIds)])
          : undefined,
      ),
    )
    .orderBy(asc(equipment.name));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    makerspaceId: row.makerspaceId,
    type: row.type,
    status: row.status,
    archived: row.archivedAt !== null,
    buildVolumeMm:
      equipmentSpecifications.safeParse(row.specifications).data?.buildVolumeMm ?? null,
  }));
}
