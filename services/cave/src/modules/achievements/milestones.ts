import type { Database } from '@makrx/db';
import { firstPrintOrders } from '../fabrication/service';
import { completedProjects } from '../projects/service';
import { nthKeptBookings } from '../reservations/service';
import { firstTrainingPasses } from '../trainings/service';

/** A milestone someone reached: who, which, and when it happened. */
export interface Reached {
  userId: string;
  key: string;
  title: string;
  earnedAt: Date;
  projectId?: string;
}

const once =
  (key: string, title: string) =>
  (rows: { userId: string; at: Date }[]): Reached[] =>
    rows.map(({ userId, at }) => ({ userId, key, title, earnedAt: at }));

/**
 * Every milestone reached so far, read from the modules that keep the facts. Recording them is
 * idempotent, so reading them all again each time is what keeps this simple and correct.
 */
export async function milestonesReached(db: Database): Promise<Reached[]> {
  const [firstBookings, tenthBookings, printOrders, trainings, completed] = await Promise.all([
    nthKeptBookings(db, 1),
    nthKeptBookings(db, 10),
    firstPrintOrders(db),
    firstTrainingPasses(db),
    completedProjects(db),
  ]);
  const firstCompleted = new Map<string, Date>();
  for (const project of completed) {
    if (!firstCompleted.has(project.ownerId))
      firstCompleted.set(project.ownerId, project.completedAt);
  }
  return [
    ...once('first-booking', 'Booked a first machine')(firstBookings),
    ...once('tenth-booking', 'Ten machine bookings')(tenthBookings),
    ...once('first-print-order', 'Ordered a first 3D print')(printOrders),
    ...once('first-training', 'Certified on a first machine')(trainings),
    ...once(
      'first-project-completed',
      'Completed a first project',
    )([...firstCompleted].map(([userId, at]) => ({ userId, at }))),
    ...completed.map((project) => ({
      userId: project.ownerId,
      key: `project-completed:${project.id}`,
      title: `Completed “${project.title}”`,
      earnedAt: project.completedAt,
      projectId: project.id,
    })),
  ];
}
