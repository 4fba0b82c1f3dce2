import { z } from 'zod';

/*
 * MakrCave trainings: a machine may require one; members sign up for its sessions (a seat
 * limit each), and a makerspace admin records who passed. A member books such a machine only
 * with a valid pass. Times travel as UTC ISO strings.
 */

const text = (max: number) => z.string().trim().max(max);

const trainingFields = {
  /** "Laser cutter safety": what the booking refusal and the notifications name. */
  name: text(120).min(1),
  description: text(4000),
  /** How long one session lasts, as announced. */
  durationMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60),
  /** How long a pass stays valid, in months; null: for good. */
  validityMonths: z.number().int().min(1).max(120).nullable(),
};

export const trainingInput = z.strictObject({
  ...trainingFields,
  description: trainingFields.description.default(''),
  validityMonths: trainingFields.validityMonths.default(null),
});
export type TrainingInput = z.input<typeof trainingInput>;

/** Only the fields sent change; at least one must be sent. */
export const trainingUpdate = z
  .strictObject(trainingFields)
  .partial()
  .refine((update) => Object.keys(update).length > 0, 'name at least one field to change');

const named = z.object({ id: z.uuid(), name: z.string() });

export const training = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  durationMinutes: z.number().int(),
  validityMonths: z.number().int().nullable(),
  archivedAt: z.iso.datetime().nullable(),
  /** The machines that require it (archived ones left out). */
  machines: z.array(z.object({ id: z.uuid(), slug: z.string(), name: z.string() })),
  createdAt: z.iso.datetime(),
});
export type Training = z.infer<typeof training>;
export const trainingList = z.object({ items: z.array(training) });
export type TrainingList = z.infer<typeof trainingList>;

const sessionFields = {
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  seats: z.number().int().min(1).max(500),
  location: text(200),
  /** A member of the makerspace who runs the session. */
  instructorId: z.uuid().nullable(),
};

const endsAfterStart = (session: { startsAt?: string; endsAt?: string }) =>
  !session.startsAt || !session.endsAt || Date.parse(session.startsAt) < Date.parse(session.endsAt);

export const trainingSessionInput = z
  .strictObject({
    ...sessionFields,
    location: sessionFields.location.default(''),
    instructorId: sessionFields.instructorId.default(null),
  })
  .refine(endsAfterStart, { message: 'ends after it starts', path: ['endsAt'] })
  .refine((session) => Date.parse(session.startsAt) > Date.now(), {
    message: 'starts in the future',
    path: ['startsAt'],
  });
export type TrainingSessionInput = z.input<typeof trainingSessionInput>;

/** A change to a session still to come; moving it needs both ends. */
export const trainingSessionUpdate = z
  .strictObject(sessionFields)
  .partial()
  .refine((update) => Object.keys(update).length > 0, 'name at least one field to change')
  .refine((update) => (update.startsAt === undefined) === (update.endsAt === undefined), {
    message: 'send startsAt and endsAt together',
    path: ['endsAt'],
  })
  .refine(endsAfterStart, { message: 'ends after it starts', path: ['endsAt'] })
  .refine((update) => !update.startsAt || Date.parse(update.startsAt) > Date.now(), {
    message: 'starts in the future',
    path: ['startsAt'],
  });

export const trainingSession = z.object({
  id: z.uuid(),
  training: named,
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  seats: z.number().int(),
  seatsLeft: z.number().int(),
  location: z.string(),
  instructor: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  cancelledAt: z.iso.datetime().nullable(),
  /** Whether the caller holds a seat. */
  signedUp: z.boolean(),
});
export type TrainingSession = z.infer<typeof trainingSession>;
export const trainingSessionList = z.object({ items: z.array(trainingSession) });
export type TrainingSessionList = z.infer<typeof trainingSessionList>;

export const sessionAttendee = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  email: z.string(),
  signedUpAt: z.iso.datetime(),
  /** Whether they hold a valid pass of the session's training (from this session or another). */
  passed: z.boolean(),
});
export const sessionAttendeeList = z.object({ items: z.array(sessionAttendee) });
export type SessionAttendeeList = z.infer<typeof sessionAttendeeList>;

/** Who passed: a member of the makerspace, optionally from one of the training's sessions. */
export const trainingPassInput = z.strictObject({
  userId: z.uuid(),
  sessionId: z.uuid().optional(),
});

export const trainingPass = z.object({
  id: z.uuid(),
  training: named,
  makerspace: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }),
  user: z.object({ id: z.uuid(), displayName: z.string() }),
  sessionId: z.uuid().nullable(),
  passedAt: z.iso.datetime(),
  /** Null: valid for good. */
  expiresAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
  /** Not revoked and not expired: it lets its holder book the training's machines. */
  valid: z.boolean(),
});
export type TrainingPass = z.infer<typeof trainingPass>;
export const trainingPassList = z.object({ items: z.array(trainingPass) });

/** "My trainings": the caller's passes and the sessions they signed up for, in every makerspace. */
export const myTrainings = z.object({
  passes: z.array(trainingPass),
  signUps: z.array(
    trainingSession.extend({
      makerspace: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }),
    }),
  ),
});
export type MyTrainings = z.infer<typeof myTrainings>;

/** The details of a TRAINING_REQUIRED refusal, for the app to offer the next session. */
export const trainingRequiredDetails = z.object({
  training: named,
  nextSession: z
    .object({ id: z.uuid(), startsAt: z.iso.datetime(), seatsLeft: z.number().int() })
    .nullable(),
});
export type TrainingRequiredDetails = z.infer<typeof trainingRequiredDetails>;
