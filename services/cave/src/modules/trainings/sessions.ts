import type {
  TrainingSession,
  trainingSessionInput,
  trainingSessionUpdate,
} from '@makrx/contracts';
import { violates, type Database } from '@makrx/db';
import { users } from '@makrx/db/schema';
import { AppError, conflict, notFound, requestNotification } from '@makrx/service-kit';
import { and, asc, eq, gt, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { listMembers } from '../memberships/service';
import { activeTraining, auditTraining, type TrainingActor, type TrainingRef } from './catalogue';
import { timesAt } from './session-times';
import { trainings, trainingSessions, trainingSignUps } from './tables';

/*
 * The dates a training is given, with a seat limit each: scheduled, changed and cancelled by
 * the makerspace's admins, listed with the seats left for its members (sign-ups.ts takes them).
 */

/** A session the route names: found only within that makerspace. */
export interface SessionRef {
  makerspaceId: string;
  sessionId: string;
}

const sessionColumns = {
  id: trainingSessions.id,
  makerspaceId: trainingSessions.makerspaceId,
  trainingId: trainings.id,
  trainingName: trainings.name,
  startsAt: trainingSessions.startsAt,
  endsAt: trainingSessions.endsAt,
  seats: trainingSessions.seats,
  seatsTaken: trainingSessions.seatsTaken,
  location: trainingSessions.location,
  instructorId: users.id,
  instructorName: users.displayName,
  cancelledAt: trainingSessions.cancelledAt,
};

/**
 * Sessions matching `where`, earliest first, with their training by name, seats left and
 * whether `viewerId` holds one of them.
 */
export async function sessionsWhere(
  db: Database,
  where: SQL | undefined,
  viewerId: string,
): Promise<(TrainingSession & { makerspaceId: string })[]> {
  const rows = await db
    .select({
      ...sessionColumns,
      signedUp: sql<boolean>`exists (select 1 from ${trainingSignUps} where ${trainingSignUps.sessionId} = ${trainingSessions.id} and ${trainingSignUps.userId} = ${viewerId})`,
    })
    .from(trainingSessions)
    .innerJoin(trainings, eq(trainings.id, trainingSessions.trainingId))
    .leftJoin(users, eq(users.id, trainingSessions.instructorId))
    .where(where)
    .orderBy(asc(trainingSessions.startsAt), asc(trainingSessions.id));
  return rows.map((row) => ({
    id: row.id,
    makerspaceId: row.makerspaceId,
    training: { id: row.trainingId, name: row.trainingName },
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    seats: row.seats,
    seatsLeft: row.seats - row.seatsTaken,
    location: row.location,
    instructor:
      row.instructorId && row.instructorName
        ? { id: row.instructorId, displayName: row.instructorName }
        : null,
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
    signedUp: Boolean(row.signedUp),
  }));
}

/** A makerspace's sessions still to come (cancelled ones included, marked), earliest first. */
export async function upcomingSessions(
  db: Database,
  makerspaceId: string,
  viewerId: string,
  trainingId?: string,
) {
  return sessionsWhere(
    db,
    and(
      eq(trainingSessions.makerspaceId, makerspaceId),
      gt(trainingSessions.endsAt, sql`now()`),
      trainingId ? eq(trainingSessions.trainingId, trainingId) : undefined,
    ),
    viewerId,
  );
}

export async function oneSession(db: Database, ref: SessionRef, viewerId: string) {
  const [found] = await sessionsWhere(
    db,
    and(
      eq(trainingSessions.id, ref.sessionId),
      eq(trainingSessions.makerspaceId, ref.makerspaceId),
    ),
    viewerId,
  );
  if (!found) throw notFound('Training session');
  const { makerspaceId: _space, ...session } = found;
  return session;
}

/** The session a route names, locked for the change, with its training's name. */
export async function lockedSession(tx: Database, ref: SessionRef) {
  const [session] = await tx
    .select()
    .from(trainingSessions)
    .where(
      and(
        eq(trainingSessions.id, ref.sessionId),
        eq(trainingSessions.makerspaceId, ref.makerspaceId),
      ),
    )
    .for('update');
  if (!session) throw notFound('Training session');
  const [training] = await tx
    .select({ name: trainings.name, archivedAt: trainings.archivedAt })
    .from(trainings)
    .where(eq(trainings.id, session.trainingId));
  return { ...session, trainingName: training!.name, trainingArchived: !!training!.archivedAt };
}

/** Refuses a change to a session that was cancelled or has started. */
export function refuseClosed(session: {
  cancelledAt: Date | null;
  startsAt: Date;
  trainingName: string;
}) {
  if (session.cancelledAt) {
    throw conflict('SESSION_CANCELLED', `This "${session.trainingName}" session was cancelled.`);
  }
  if (session.startsAt.getTime() <= Date.now()) {
    throw conflict(
      'SESSION_PAST',
      `This "${session.trainingName}" session has started; sign-ups and changes are closed.`,
    );
  }
}

/** Refuses an instructor who is not an active member of the makerspace. */
async function refuseOutsider(db: Database, makerspaceId: string, userId: string | null) {
  if (userId === null) return;
  const members = await listMembers(db, makerspaceId);
  if (!members.some((m) => m.userId === userId && m.status === 'active')) {
    throw new AppError(422, 'NOT_A_MEMBER', 'The instructor must be a member of this makerspace.');
  }
}

const sessionAfter = (row: typeof trainingSessions.$inferSelect) => ({
  sessionId: row.id,
  trainingId: row.trainingId,
  startsAt: row.startsAt.toISOString(),
  endsAt: row.endsAt.toISOString(),
  seats: row.seats,
  location: row.location,
  instructorId: row.instructorId,
});

export async function createSession(
  db: Database,
  ref: TrainingRef,
  input: z.output<typeof trainingSessionInput>,
  actor: TrainingActor,
): Promise<TrainingSession> {
  await refuseOutsider(db, ref.makerspaceId, input.instructorId);
  const id = await db.transaction(async (tx) => {
    const training = await activeTraining(tx, ref, 'share');
    const [row] = await tx
      .insert(trainingSessions)
      .values({
        ...input,
        startsAt: new Date(input.startsAt),
        endsAt: new Date(input.endsAt),
        trainingId: training.id,
        makerspaceId: ref.makerspaceId,
      })
      .returning();
    await auditTraining(tx, actor, 'training.session-scheduled', training.id, {
      after: sessionAfter(row!),
    });
    return row!.id;
  });
  return oneSession(db, { makerspaceId: ref.makerspaceId, sessionId: id }, actor.userId);
}

/** Changes a session still to come; fewer seats than signed up is refused. */
export async function updateSession(
  db: Database,
  ref: SessionRef,
  update: z.output<typeof trainingSessionUpdate>,
  actor: TrainingActor,
): Promise<TrainingSession> {
  if (update.instructorId !== undefined) {
    await refuseOutsider(db, ref.makerspaceId, update.instructorId);
  }
  try {
    await db.transaction(async (tx) => {
      const before = await lockedSession(tx, ref);
      refuseClosed(before);
      const [after] = await tx
        .update(trainingSessions)
        .set({
          ...update,
          startsAt: update.startsAt ? new Date(update.startsAt) : undefined,
          endsAt: update.endsAt ? new Date(update.endsAt) : undefined,
        })
        .where(eq(trainingSessions.id, before.id))
        .returning();
      await auditTraining(tx, actor, 'training.session-changed', before.trainingId, {
        before: sessionAfter(before),
        after: sessionAfter(after!),
      });
    });
  } catch (err) {
    if (!violates(err, '23514', 'training_sessions_seats_held')) throw err;
    const [taken] = await db
      .select({ seatsTaken: trainingSessions.seatsTaken })
      .from(trainingSessions)
      .where(eq(trainingSessions.id, ref.sessionId));
    throw conflict(
      'SEATS_BELOW_SIGNUPS',
      `${taken?.seatsTaken} members have signed up: the session needs at least as many seats.`,
      { signedUp: taken?.seatsTaken },
    );
  }
  return oneSession(db, ref, actor.userId);
}

/** Cancels a session still to come and tells everyone signed up. */
export async function cancelSession(
  db: Database,
  ref: SessionRef,
  actor: TrainingActor,
): Promise<TrainingSession> {
  await db.transaction(async (tx) => {
    const session = await lockedSession(tx, ref);
    refuseClosed(session);
    await tx
      .update(trainingSessions)
      .set({ cancelledAt: new Date() })
      .where(eq(trainingSessions.id, session.id));
    const signedUp = await tx
      .select({ userId: trainingSignUps.userId })
      .from(trainingSignUps)
      .where(eq(trainingSignUps.sessionId, session.id));
    await auditTraining(tx, actor, 'training.session-cancelled', session.trainingId, {
      before: sessionAfter(session),
      after: { sessionId: session.id, cancelled: true, signedUp: signedUp.length },
    });
    const times = await timesAt(tx, ref.makerspaceId);
    for (const { userId } of signedUp) {
      await requestNotification(tx, 'cave', {
        userId,
        kind: 'makerspace.update',
        title: `${session.trainingName} on ${times.start(session.startsAt)} is cancelled`,
        body: 'The makerspace cancelled this session. Sign up for another date on its trainings page.',
      });
    }
  });
  return oneSession(db, ref, actor.userId);
}
