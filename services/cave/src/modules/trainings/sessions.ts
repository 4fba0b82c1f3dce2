import type {
  SessionAttendeeList,
  TrainingSession,
  trainingSessionInput,
  trainingSessionUpdate,
} from '@makrx/contracts';
import { violates, type Database } from '@makrx/db';
import { users } from '@makrx/db/schema';
import { AppError, conflict, notFound, requestNotification } from '@makrx/service-kit';
import { and, asc, eq, gt, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { listMembers } from '../memberships/service';
import { activeTraining, auditTraining, type TrainingActor, type TrainingRef } from './catalogue';
import { trainingPasses, trainings, trainingSessions, trainingSignUps } from './tables';

/*
 * The dates a training is given. Members sign up for a seat and cancel their own; the seat limit
 * holds under any concurrency because a seat is taken only by a conditional update of the
 * session's counter (`seats_taken < seats`), which locks the row until the sign-up commits.
 */

/** A session the route names: found only within that makerspace. */
export interface SessionRef {
  makerspaceId: string;
  sessionId: string;
}

/** A pass that lets its holder book: not revoked, not expired. */
export const validPass = sql`${trainingPasses.revokedAt} is null and (${trainingPasses.expiresAt} is null or ${trainingPasses.expiresAt} > now())`;

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

async function oneSession(db: Database, ref: SessionRef, viewerId: string) {
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
async function lockedSession(tx: Database, ref: SessionRef) {
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
    .select({ name: trainings.name })
    .from(trainings)
    .where(eq(trainings.id, session.trainingId));
  return { ...session, trainingName: training!.name };
}

/** Refuses a change to a session that was cancelled or has started. */
function refuseClosed(session: { cancelledAt: Date | null; startsAt: Date; trainingName: string }) {
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
    for (const { userId } of signedUp) {
      await requestNotification(tx, 'cave', {
        userId,
        kind: 'makerspace.update',
        title: `${session.trainingName} on ${describeStart(session.startsAt)} is cancelled`,
        body: 'The makerspace cancelled this session. Sign up for another date on its trainings page.',
      });
    }
  });
  return oneSession(db, ref, actor.userId);
}

/**
 * Gives the caller a seat. The conditional update takes it only while the session is open and
 * has one free; when it changes nothing, the session is read again to say why.
 */
export async function signUp(
  db: Database,
  ref: SessionRef,
  actor: TrainingActor,
): Promise<TrainingSession> {
  try {
    await db.transaction(async (tx) => {
      const [taken] = await tx
        .update(trainingSessions)
        .set({ seatsTaken: sql`${trainingSessions.seatsTaken} + 1` })
        .where(
          and(
            eq(trainingSessions.id, ref.sessionId),
            eq(trainingSessions.makerspaceId, ref.makerspaceId),
            isNull(trainingSessions.cancelledAt),
            gt(trainingSessions.startsAt, sql`now()`),
            sql`${trainingSessions.seatsTaken} < ${trainingSessions.seats}`,
          ),
        )
        .returning();
      if (!taken) await refuseSignUp(tx, ref, actor.userId);
      await tx.insert(trainingSignUps).values({ sessionId: ref.sessionId, userId: actor.userId });
      const [training] = await tx
        .select({ name: trainings.name })
        .from(trainings)
        .where(eq(trainings.id, taken!.trainingId));
      await auditTraining(tx, actor, 'training.signed-up', taken!.trainingId, {
        after: { sessionId: ref.sessionId, userId: actor.userId },
      });
      await requestNotification(tx, 'cave', {
        userId: actor.userId,
        kind: 'makerspace.update',
        title: `You have a seat at ${training!.name}`,
        body: `${describeStart(taken!.startsAt)}${taken!.location ? `, ${taken!.location}` : ''}. Cancel your sign-up if you cannot come, so someone else can.`,
      });
    });
  } catch (err) {
    if (!violates(err, '23505', 'training_sign_ups_session_id_user_id_pk')) throw err;
    throw conflict('ALREADY_SIGNED_UP', 'You already have a seat in this session.');
  }
  return oneSession(db, ref, actor.userId);
}

/** Why a seat could not be taken: missing, cancelled, past, already held or full. */
async function refuseSignUp(tx: Database, ref: SessionRef, userId: string): Promise<never> {
  const session = await lockedSession(tx, ref);
  refuseClosed(session);
  const [held] = await tx
    .select({ userId: trainingSignUps.userId })
    .from(trainingSignUps)
    .where(and(eq(trainingSignUps.sessionId, session.id), eq(trainingSignUps.userId, userId)));
  if (held) throw conflict('ALREADY_SIGNED_UP', 'You already have a seat in this session.');
  throw conflict(
    'SESSION_FULL',
    `Every seat of this "${session.trainingName}" session is taken; try another date.`,
    { seats: session.seats },
  );
}

/** Gives the caller's seat back, before the session starts. */
export async function cancelSignUp(
  db: Database,
  ref: SessionRef,
  actor: TrainingActor,
): Promise<TrainingSession> {
  await db.transaction(async (tx) => {
    const session = await lockedSession(tx, ref);
    refuseClosed(session);
    const [left] = await tx
      .delete(trainingSignUps)
      .where(
        and(eq(trainingSignUps.sessionId, session.id), eq(trainingSignUps.userId, actor.userId)),
      )
      .returning();
    if (!left) throw notFound('Your sign-up for this session');
    await tx
      .update(trainingSessions)
      .set({ seatsTaken: sql`${trainingSessions.seatsTaken} - 1` })
      .where(eq(trainingSessions.id, session.id));
    await auditTraining(tx, actor, 'training.sign-up-cancelled', session.trainingId, {
      before: { sessionId: session.id, userId: actor.userId },
    });
  });
  return oneSession(db, ref, actor.userId);
}

/** Who signed up for a session, by name, with whether each already holds a valid pass. */
export async function attendeesOf(db: Database, ref: SessionRef): Promise<SessionAttendeeList> {
  const [session] = await db
    .select({ id: trainingSessions.id, trainingId: trainingSessions.trainingId })
    .from(trainingSessions)
    .where(
      and(
        eq(trainingSessions.id, ref.sessionId),
        eq(trainingSessions.makerspaceId, ref.makerspaceId),
      ),
    );
  if (!session) throw notFound('Training session');
  const rows = await db
    .select({
      userId: trainingSignUps.userId,
      displayName: users.displayName,
      email: users.email,
      signedUpAt: trainingSignUps.signedUpAt,
      passed: sql<boolean>`exists (select 1 from ${trainingPasses} where ${trainingPasses.trainingId} = ${session.trainingId} and ${trainingPasses.userId} = ${trainingSignUps.userId} and ${validPass})`,
    })
    .from(trainingSignUps)
    .innerJoin(users, eq(users.id, trainingSignUps.userId))
    .where(eq(trainingSignUps.sessionId, session.id))
    .orderBy(asc(users.displayName));
  return {
    items: rows.map((row) => ({
      ...row,
      signedUpAt: row.signedUpAt.toISOString(),
      passed: Boolean(row.passed),
    })),
  };
}

/**
 * Makerspaces record no time zone yet: session times are told in India Standard Time, where
 * every demo makerspace with trainings is, with the offset named so no one elsewhere misreads
 * them. The makerspace's own zone replaces it once makerspaces keep one.
 */
const SESSION_TIME_ZONE = 'Asia/Kolkata';

const startFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: SESSION_TIME_ZONE,
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const dayFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: SESSION_TIME_ZONE,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** "8 December 2027": the day a pass expires. */
export const describeDay = (at: Date): string => dayFormat.format(at);

/** "Tue 8 Dec, 18:00": a session's start as people say it. */
export function describeStart(at: Date): string {
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    startFormat.formatToParts(at).find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')}, ${part('hour')}:${part('minute')}`;
}

/** The sessions a user holds a seat in (for "my trainings"), in every makerspace. */
export async function sessionsSignedUpBy(db: Database, userId: string) {
  const mine = db
    .select({ id: trainingSignUps.sessionId })
    .from(trainingSignUps)
    .where(eq(trainingSignUps.userId, userId));
  return sessionsWhere(db, inArray(trainingSessions.id, mine), userId);
}
