import { seedOnce, type Database } from '@makrx/db';
import { users } from '@makrx/db/schema';
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { requireTrainingForDemo } from '../equipment/service';
import { makerspaceIdsBySlug } from '../makerspaces/service';
import { trainingPasses, trainings, trainingSessions, trainingSignUps } from './tables';

interface DemoTraining {
  name: string;
  description: string;
  durationMinutes: number;
  validityMonths: number | null;
  /** The hub's machines that require it. */
  machines: string[];
  /** Sessions: days from today, the local (Bengaluru) start "HH:MM", seats. */
  sessions: [days: number, localStart: string, seats: number][];
}

/** MakrX Hub Bengaluru's trainings: one for its lasers, its CNC mills and its resin printer. */
const hubTrainings: DemoTraining[] = [
  {
    name: 'Laser cutter safety',
    description:
      'Materials that must never go in a CO₂ laser, air assist and extraction, focusing, fire ' +
      'watch and the emergency stop. You cut a name tag on the xTool under supervision.',
    durationMinutes: 90,
    validityMonths: 12,
    machines: ['xtool-p2-55-w-co', 'trotec-speedy-360'],
    sessions: [
      [2, '18:00', 6],
      [9, '10:30', 6],
    ],
  },
  {
    name: 'CNC mill induction',
    description:
      'Workholding, feeds and speeds, tool changes and homing, dust collection and what to do ' +
      'when a cut goes wrong. Bring a CAM file or use ours.',
    durationMinutes: 150,
    validityMonths: 12,
    machines: ['shapeoko-5-pro', 'carvera-desktop-cnc'],
    sessions: [
      [4, '18:00', 4],
      [11, '10:00', 4],
    ],
  },
  {
    name: 'Resin printing basics',
    description:
      'Gloves and ventilation, handling uncured resin, washing and curing, and cleaning the ' +
      'tank without scratching the film.',
    durationMinutes: 60,
    validityMonths: null,
    machines: ['formlabs-form-3'],
    sessions: [[6, '17:30', 5]],
  },
];

const DAY = 24 * 60 * 60 * 1000;
/** Bengaluru is UTC+05:30 all year. */
const IST_OFFSET_MS = (5 * 60 + 30) * 60 * 1000;

/** The instant `days` from today at `hhmm` in Bengaluru. */
function localStart(days: number, hhmm: string): Date {
  const [hours, minutes] = hhmm.split(':').map(Number);
  const day = new Date(Date.now() + IST_OFFSET_MS + days * DAY);
  day.setUTCHours(hours!, minutes!, 0, 0);
  return new Date(day.getTime() - IST_OFFSET_MS);
}

/**
 * The hub's trainings, the machines that require them and their sessions over the next two
 * weeks; then, once the demo users exist, who passed what and who holds a seat.
 */
export async function seedDemoTrainings(db: Database): Promise<void> {
  const hubId = (await makerspaceIdsBySlug(db)).get('makrx-hub-bengaluru');
  if (!hubId) return;
  const people = await demoPeople(db);
  await seedOnce(db, 'cave:demo-trainings', async (tx) => {
    for (const demo of hubTrainings) {
      const [row] = await tx
        .insert(trainings)
        .values({ ...demo, makerspaceId: hubId })
        .returning({ id: trainings.id });
      await requireTrainingForDemo(tx, hubId, demo.machines, row!.id);
      await tx.insert(trainingSessions).values(
        demo.sessions.map(([days, hhmm, seats]) => {
          const startsAt = localStart(days, hhmm);
          return {
            trainingId: row!.id,
            makerspaceId: hubId,
            startsAt,
            endsAt: new Date(startsAt.getTime() + demo.durationMinutes * 60_000),
            seats,
            location: demo.name.startsWith('Laser') ? 'Laser room' : 'Workshop classroom',
            instructorId: people.get('spaceadmin') ?? null,
          };
        }),
      );
    }
  });
  if (people.size === demoPeopleNames.length) await seedDemoPasses(db, hubId, people);
}

const demoPeopleNames = ['spaceadmin', 'provider', 'member'] as const;

/** The demo makerspace's admin, provider and member by name, those whose accounts exist. */
async function demoPeople(db: Database): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      inArray(
        users.email,
        demoPeopleNames.map((name) => `${name}@demo.makrx.org`),
      ),
    );
  return new Map(rows.map((row) => [row.email.split('@')[0]!, row.id]));
}

/**
 * The provider passed the laser and CNC trainings, the member only resin printing — so the
 * member is refused the laser cutters until an admin records their pass. Each holds a seat in
 * a session still to come.
 */
async function seedDemoPasses(db: Database, hubId: string, people: Map<string, string>) {
  await seedOnce(db, 'cave:demo-training-passes', async (tx) => {
    const hubRows = await tx
      .select({ id: trainings.id, name: trainings.name, validityMonths: trainings.validityMonths })
      .from(trainings)
      .where(eq(trainings.makerspaceId, hubId));
    const training = (name: string) => hubRows.find((row) => row.name === name)!;
    const passes: [person: string, training: string, monthsAgo: number][] = [
      ['spaceadmin', 'Laser cutter safety', 8],
      ['spaceadmin', 'CNC mill induction', 8],
      ['spaceadmin', 'Resin printing basics', 8],
      ['provider', 'Laser cutter safety', 3],
      ['provider', 'CNC mill induction', 5],
      ['member', 'Resin printing basics', 1],
    ];
    for (const [person, name, monthsAgo] of passes) {
      const { id, validityMonths } = training(name);
      const passedAt = sql`now() - make_interval(months => ${monthsAgo})`;
      await tx.insert(trainingPasses).values({
        trainingId: id,
        makerspaceId: hubId,
        userId: people.get(person)!,
        passedAt: passedAt as never,
        expiresAt: (validityMonths
          ? sql`${passedAt} + make_interval(months => ${validityMonths})`
          : null) as never,
        recordedBy: people.get('spaceadmin')!,
      });
    }
    // Seats already taken: the member in the next CNC evening, the provider in resin printing.
    const seats: [person: string, training: string][] = [
      ['member', 'CNC mill induction'],
      ['provider', 'Resin printing basics'],
    ];
    for (const [person, name] of seats) {
      const [next] = await tx
        .update(trainingSessions)
        .set({ seatsTaken: sql`${trainingSessions.seatsTaken} + 1` })
        .where(
          eq(
            trainingSessions.id,
            tx
              .select({ id: trainingSessions.id })
              .from(trainingSessions)
              .where(
                and(
                  eq(trainingSessions.trainingId, training(name).id),
                  gt(trainingSessions.startsAt, sql`now()`),
                ),
              )
              .orderBy(asc(trainingSessions.startsAt))
              .limit(1),
          ),
        )
        .returning({ id: trainingSessions.id });
      if (next)
        await tx
          .insert(trainingSignUps)
          .values({ sessionId: next.id, userId: people.get(person)! });
    }
  });
}
