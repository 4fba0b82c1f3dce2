import {
  AppError,
  type MyTrainings,
  type TrainingPass,
  type TrainingRequiredDetails,
  type trainingPassInput,
} from '@makrx/contracts';
import { auditActor, type Database } from '@makrx/db';
import { users } from '@makrx/db/schema';
import { conflict, notFound, requestNotification } from '@makrx/service-kit';
import { and, asc, desc, eq, gt, isNull, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { makerspacesById } from '../makerspaces/service';
import { listMembers } from '../memberships/service';
import { activeTraining, auditTraining, type TrainingActor, type TrainingRef } from './catalogue';
import { timesAt } from './session-times';
import { sessionsSignedUpBy } from './sign-ups';
import { trainingPasses, trainings, trainingSessions, trainingSignUps, validPass } from './tables';

/*
 * Passes: a makerspace admin records who passed a training (from a session's attendees or any
 * member directly) and may revoke a pass. A valid pass (not revoked, not expired) is what lets
 * a member book the training's machines.
 */

/** A pass the route names: found only within that makerspace. */
export interface PassRef {
  makerspaceId: string;
  passId: string;
}

/** Passes matching `where`, the latest first, with their training, makerspace and holder. */
async function passesWhere(db: Database, where: SQL | undefined): Promise<TrainingPass[]> {
  const rows = await db
    .select({
      id: trainingPasses.id,
      trainingId: trainings.id,
      trainingName: trainings.name,
      makerspaceId: trainingPasses.makerspaceId,
      userId: trainingPasses.userId,
      displayName: users.displayName,
      sessionId: trainingPasses.sessionId,
      passedAt: trainingPasses.passedAt,
      expiresAt: trainingPasses.expiresAt,
      revokedAt: trainingPasses.revokedAt,
      valid: sql<boolean>`${validPass}`,
    })
    .from(trainingPasses)
    .innerJoin(trainings, eq(trainings.id, trainingPasses.trainingId))
    .innerJoin(users, eq(users.id, trainingPasses.userId))
    .where(where)
    .orderBy(desc(trainingPasses.passedAt), asc(trainingPasses.id));
  const spaces = await makerspacesById(
    db,
    rows.map((row) => row.makerspaceId),
  );
  const spaceOf = new Map(spaces.map((space) => [space.id, space]));
  return rows.map((row) => ({
    id: row.id,
    training: { id: row.trainingId, name: row.trainingName },
    makerspace: spaceOf.get(row.makerspaceId)!,
    user: { id: row.userId, displayName: row.displayName },
    sessionId: row.sessionId,
    passedAt: row.passedAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    valid: Boolean(row.valid),
  }));
}

/** Every pass of a training, revoked and expired ones included, the latest first. */
export async function passesOfTraining(db: Database, ref: TrainingRef): Promise<TrainingPass[]> {
  return passesWhere(
    db,
    and(
      eq(trainingPasses.trainingId, ref.trainingId),
      eq(trainingPasses.makerspaceId, ref.makerspaceId),
    ),
  );
}

/** "My trainings": the caller's passes and the sessions they hold a seat in, everywhere. */
export async function myTrainings(db: Database, userId: string): Promise<MyTrainings> {
  const [passes, sessions] = await Promise.all([
    passesWhere(db, eq(trainingPasses.userId, userId)),
    sessionsSignedUpBy(db, userId),
  ]);
  const spaces = await makerspacesById(
    db,
    sessions.map((session) => session.makerspaceId),
  );
  const spaceOf = new Map(spaces.map((space) => [space.id, space]));
  return {
    passes,
    signUps: sessions.map(({ makerspaceId, ...session }) => ({
      ...session,
      makerspace: spaceOf.get(makerspaceId)!,
    })),
  };
}

/** Refuses recording a pass for someone who is not a member of the makerspace. */
async function refuseOutsider(db: Database, makerspaceId: string, userId: string) {
  const members = await listMembers(db, makerspaceId);
  if (!members.some((member) => member.userId === userId)) {
    throw new AppError(
      422,
      'NOT_A_MEMBER',
      'Only a member of this makerspace can pass its trainings.',
    );
  }
}

/** Refuses a session that is not the training's, or one the person did not sign up for. */
async function refuseStrangerToSession(
  tx: Database,
  trainingId: string,
  sessionId: string,
  userId: string,
) {
  const [signedUp] = await tx
    .select({ sessionId: trainingSignUps.sessionId })
    .from(trainingSignUps)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingSignUps.sessionId))
    .where(
      and(
        eq(trainingSignUps.sessionId, sessionId),
        eq(trainingSignUps.userId, userId),
        eq(trainingSessions.trainingId, trainingId),
      ),
    );
  if (!signedUp) throw notFound('Their sign-up for that session of this training');
}

/** "the Laser cutter", "the Laser cutter and the CNC mill": the machines a pass opens. */
function machinesPhrase(names: readonly string[]): string {
  const each = names.map((name) => `the ${name}`);
  return each.length <= 1 ? (each[0] ?? '') : `${each.slice(0, -1).join(', ')} and ${each.at(-1)}`;
}

/**
 * Records that a member passed a training; recording it again for a live pass renews it (a
 * retake). Its expiry follows the training's validity. `machines` are the names of the
 * machines it opens, for the member's notification.
 */
export async function recordPass(
  db: Database,
  ref: TrainingRef,
  input: z.output<typeof trainingPassInput>,
  machines: readonly string[],
  actor: TrainingActor,
): Promise<TrainingPass> {
  await refuseOutsider(db, ref.makerspaceId, input.userId);
  const id = await db.transaction(async (tx) => {
    const training = await activeTraining(tx, ref, 'share');
    if (input.sessionId) {
      await refuseStrangerToSession(tx, training.id, input.sessionId, input.userId);
    }
    const expiresAt = training.validityMonths
      ? sql`now() + make_interval(months => ${training.validityMonths})`
      : null;
    const recordedBy = await auditActor(tx, actor.userId);
    const [pass] = await tx
      .insert(trainingPasses)
      .values({
        trainingId: training.id,
        makerspaceId: ref.makerspaceId,
        userId: input.userId,
        sessionId: input.sessionId ?? null,
        expiresAt: expiresAt as never,
        recordedBy,
      })
      .onConflictDoUpdate({
        target: [trainingPasses.trainingId, trainingPasses.userId],
        targetWhere: sql`${trainingPasses.revokedAt} is null`,
        set: {
          passedAt: sql`now()`,
          expiresAt: expiresAt as never,
          sessionId: input.sessionId ?? null,
          recordedBy,
        },
      })
      .returning();
    await auditTraining(tx, actor, 'training.pass-recorded', training.id, {
      after: {
        passId: pass!.id,
        userId: input.userId,
        sessionId: pass!.sessionId,
        expiresAt: pass!.expiresAt,
      },
    });
    const times = await timesAt(tx, ref.makerspaceId);
    const until = pass!.expiresAt ? ` It is valid until ${times.day(pass!.expiresAt)}.` : '';
    await requestNotification(tx, 'cave', {
      userId: input.userId,
      kind: 'makerspace.update',
      title:
        machines.length > 0
          ? `You passed ${training.name} — you can now book ${machinesPhrase(machines)}`
          : `You passed ${training.name}`,
      body: `The makerspace recorded your pass.${until}`,
    });
    return pass!.id;
  });
  const [pass] = await passesWhere(db, eq(trainingPasses.id, id));
  return pass!;
}

/** Revokes a live pass: its holder books the training's machines no more until they pass again. */
export async function revokePass(
  db: Database,
  ref: PassRef,
  actor: TrainingActor,
): Promise<TrainingPass> {
  await db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(trainingPasses)
      .set({ revokedAt: new Date(), revokedBy: await auditActor(tx, actor.userId) })
      .where(
        and(
          eq(trainingPasses.id, ref.passId),
          eq(trainingPasses.makerspaceId, ref.makerspaceId),
          isNull(trainingPasses.revokedAt),
        ),
      )
      .returning();
    if (!revoked) {
      const [pass] = await passesWhere(
        tx,
        and(eq(trainingPasses.id, ref.passId), eq(trainingPasses.makerspaceId, ref.makerspaceId)),
      );
      if (!pass) throw notFound('Training pass');
      throw conflict('PASS_REVOKED', `This ${pass.training.name} pass was already revoked.`);
    }
    const [training] = await tx
      .select({ name: trainings.name })
      .from(trainings)
      .where(eq(trainings.id, revoked.trainingId));
    await auditTraining(tx, actor, 'training.pass-revoked', revoked.trainingId, {
      before: { passId: revoked.id, userId: revoked.userId },
      after: { passId: revoked.id, revoked: true },
    });
    await requestNotification(tx, 'cave', {
      userId: revoked.userId,
      kind: 'makerspace.update',
      title: `Your ${training!.name} pass was revoked`,
      body: 'You can book its machines again once you pass it anew; the makerspace’s trainings page lists the next sessions.',
    });
  });
  const [pass] = await passesWhere(db, eq(trainingPasses.id, ref.passId));
  return pass!;
}

/** Whether the user holds a valid pass of the training. */
async function holdsValidPass(db: Database, trainingId: string, userId: string) {
  const [pass] = await db
    .select({ id: trainingPasses.id })
    .from(trainingPasses)
    .where(
      and(eq(trainingPasses.trainingId, trainingId), eq(trainingPasses.userId, userId), validPass),
    );
  return pass !== undefined;
}

/** The training's earliest session still to come with a free seat. */
async function nextOpenSession(db: Database, trainingId: string) {
  const [session] = await db
    .select({
      id: trainingSessions.id,
      startsAt: trainingSessions.startsAt,
      seatsLeft: sql<number>`${trainingSessions.seats} - ${trainingSessions.seatsTaken}`,
    })
    .from(trainingSessions)
    .where(
      and(
        eq(trainingSessions.trainingId, trainingId),
        isNull(trainingSessions.cancelledAt),
        gt(trainingSessions.startsAt, sql`now()`),
        sql`${trainingSessions.seatsTaken} < ${trainingSessions.seats}`,
      ),
    )
    .orderBy(asc(trainingSessions.startsAt))
    .limit(1);
  return session;
}

/**
 * Why `userId` may not book a machine requiring `trainingId` (403 TRAINING_REQUIRED naming the
 * training and its next session with a free seat), or null when they hold a valid pass.
 */
export async function trainingRefusal(
  db: Database,
  need: { trainingId: string; userId: string; machineName: string },
): Promise<AppError | null> {
  if (await holdsValidPass(db, need.trainingId, need.userId)) return null;
  // One after the other: inside the booking's transaction, both run on its one connection.
  const [training] = await db
    .select({ id: trainings.id, name: trainings.name, makerspaceId: trainings.makerspaceId })
    .from(trainings)
    .where(eq(trainings.id, need.trainingId));
  const next = await nextOpenSession(db, need.trainingId);
  const seats = (n: number) => `${n} ${n === 1 ? 'seat' : 'seats'} left`;
  const when = next
    ? `next session ${(await timesAt(db, training!.makerspaceId)).start(next.startsAt)}, ${seats(Number(next.seatsLeft))}`
    : 'no session with a free seat is scheduled yet; ask the makerspace';
  const details: TrainingRequiredDetails = {
    training: { id: training!.id, name: training!.name },
    nextSession: next
      ? { id: next.id, startsAt: next.startsAt.toISOString(), seatsLeft: Number(next.seatsLeft) }
      : null,
  };
  return new AppError(
    403,
    'TRAINING_REQUIRED',
    `Book the ${need.machineName} after passing ${training!.name} — ${when}.`,
    details,
  );
}
