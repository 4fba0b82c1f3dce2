import type { trainingInput, trainingUpdate } from '@makrx/contracts';
import { recordAuditBy, violates, type AuditRequester, type Database } from '@makrx/db';
import { conflict, notFound } from '@makrx/service-kit';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { trainings } from './tables';

/*
 * A makerspace's trainings: what they are called, how long a session lasts and how long a pass
 * stays valid. Created, changed and archived by the makerspace's admins.
 */

export type TrainingRow = typeof trainings.$inferSelect;

/** A training the route names: found only within that makerspace. */
export interface TrainingRef {
  makerspaceId: string;
  trainingId: string;
}

/** Who asks for a change, as the audit log records it. */
export type TrainingActor = AuditRequester;

export const auditTraining = (
  tx: Database,
  actor: TrainingActor,
  action: string,
  entityId: string,
  change: { before?: unknown; after?: unknown },
) =>
  recordAuditBy(tx, actor, {
    service: 'cave',
    action,
    entityType: 'training',
    entityId,
    ...change,
  });

/** A makerspace's trainings by name; archived ones only when asked for. */
export async function listTrainings(
  db: Database,
  makerspaceId: string,
  { includeArchived = false } = {},
): Promise<TrainingRow[]> {
  return db
    .select()
    .from(trainings)
    .where(
      and(
        eq(trainings.makerspaceId, makerspaceId),
        includeArchived ? undefined : isNull(trainings.archivedAt),
      ),
    )
    .orderBy(asc(trainings.name));
}

/** The training a route names; another makerspace's answers like a missing one. */
export async function trainingRow(
  db: Database,
  ref: TrainingRef,
  lock?: 'update' | 'share',
): Promise<TrainingRow> {
  const query = db
    .select()
    .from(trainings)
    .where(and(eq(trainings.id, ref.trainingId), eq(trainings.makerspaceId, ref.makerspaceId)));
  const [row] = lock ? await query.for(lock) : await query;
  if (!row) throw notFound('Training');
  return row;
}

/** The training, locked, refused if archived: it takes no sessions, passes or machines. */
export async function activeTraining(
  tx: Database,
  ref: TrainingRef,
  lock: 'update' | 'share',
): Promise<TrainingRow> {
  const row = await trainingRow(tx, ref, lock);
  if (row.archivedAt) {
    throw conflict('TRAINING_ARCHIVED', `"${row.name}" is archived.`);
  }
  return row;
}

/** Trainings by id as other modules show them beside their own rows (archived ones too). */
export async function trainingsById(db: Database, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: trainings.id, name: trainings.name })
    .from(trainings)
    .where(inArray(trainings.id, [...new Set(ids)]));
}

async function naming<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (violates(err, '23505', 'trainings_name_per_makerspace')) {
      throw conflict('TRAINING_NAME_TAKEN', 'Another training here already has this name.');
    }
    throw err;
  }
}

export async function createTraining(
  db: Database,
  makerspaceId: string,
  input: z.output<typeof trainingInput>,
  actor: TrainingActor,
): Promise<TrainingRow> {
  return naming(() =>
    db.transaction(async (tx) => {
      const [row] = await tx
        .insert(trainings)
        .values({ ...input, makerspaceId })
        .returning();
      await auditTraining(tx, actor, 'training.created', row!.id, { after: row });
      return row!;
    }),
  );
}

export async function updateTraining(
  db: Database,
  ref: TrainingRef,
  update: z.output<typeof trainingUpdate>,
  actor: TrainingActor,
): Promise<TrainingRow> {
  return naming(() =>
    db.transaction(async (tx) => {
      const before = await activeTraining(tx, ref, 'update');
      const [after] = await tx
        .update(trainings)
        .set({ ...update, updatedAt: new Date() })
        .where(eq(trainings.id, before.id))
        .returning();
      await auditTraining(tx, actor, 'training.updated', before.id, { before, after });
      return after!;
    }),
  );
}

/**
 * Archives a training no machine requires any more (`machinesRequiring`, read by the caller
 * from the equipment module): its passes stay on record, it takes no new sessions or passes.
 */
export async function archiveTraining(
  db: Database,
  ref: TrainingRef,
  machinesRequiring: readonly string[],
  actor: TrainingActor,
): Promise<TrainingRow> {
  return db.transaction(async (tx) => {
    const before = await activeTraining(tx, ref, 'update');
    if (machinesRequiring.length > 0) {
      throw conflict(
        'TRAINING_IN_USE',
        `"${before.name}" is still required by ${machinesRequiring.join(', ')}; give them another training first.`,
        { machines: machinesRequiring },
      );
    }
    const [after] = await tx
      .update(trainings)
      .set({ archivedAt: new Date(), updatedAt: new Date() })
      .where(eq(trainings.id, before.id))
      .returning();
    await auditTraining(tx, actor, 'training.archived', before.id, { before, after });
    return after!;
  });
}
