import type { SessionAttendeeList, TrainingSession } from '@makrx/contracts';
import { violates, type Database } from '@makrx/db';
import { users } from '@makrx/db/schema';
import { conflict, notFound, requestNotification } from '@makrx/service-kit';
import { and, asc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import { auditTraining, type TrainingActor } from './catalogue';
import { timesAt } from './session-times';
import {
  lockedSession,
  oneSession,
  refuseClosed,
  sessionsWhere,
  type SessionRef,
} from './sessions';
import { trainingPasses, trainings, trainingSessions, trainingSignUps, validPass } from './tables';

/*
 * Members take a seat in a session and give their own back. The seat limit holds under any
 * concurrency because a seat is taken only by a conditional update of the session's counter
 * (`seats_taken < seats`), which locks the row until the sign-up commits.
 */

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
            sql`not exists (select 1 from ${trainings} where ${trainings.id} = ${trainingSessions.trainingId} and ${trainings.archivedAt} is not null)`,
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
        body: `${(await timesAt(tx, ref.makerspaceId)).start(taken!.startsAt)}${taken!.location ? `, ${taken!.location}` : ''}. Cancel your sign-up if you cannot come, so someone else can.`,
      });
    });
  } catch (err) {
    if (!violates(err, '23505', 'training_sign_ups_session_id_user_id_pk')) throw err;
    throw conflict('ALREADY_SIGNED_UP', 'You already have a seat in this session.');
  }
  return oneSession(db, ref, actor.userId);
}

/** Why a seat could not be taken: missing, cancelled, past, archived, already held or full. */
async function refuseSignUp(tx: Database, ref: SessionRef, userId: string): Promise<never> {
  const session = await lockedSession(tx, ref);
  refuseClosed(session);
  if (session.trainingArchived) {
    throw conflict(
      'TRAINING_ARCHIVED',
      `"${session.trainingName}" is archived: it takes no sign-ups.`,
    );
  }
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

/** The sessions a user holds a seat in (for "my trainings"), in every makerspace. */
export async function sessionsSignedUpBy(db: Database, userId: string) {
  const mine = db
    .select({ id: trainingSignUps.sessionId })
    .from(trainingSignUps)
    .where(eq(trainingSignUps.userId, userId));
  return sessionsWhere(db, inArray(trainingSessions.id, mine), userId);
}
