/*
 * What the cave's other modules may ask of trainings (eslint.config.js: this file only): the
 * reservations module whether a member may book a machine, the equipment module which
 * trainings a machine may require and their names.
 */
import type { Database } from '@makrx/db';
import { min } from 'drizzle-orm';
import { activeTraining } from './catalogue';
import { trainingPasses } from './tables';

export { trainingsById } from './catalogue';
export { trainingRefusal } from './passes';

/**
 * The training a machine is to require, locked until the machine's change commits so it is
 * not archived meanwhile: one of the makerspace's own (404 otherwise), not archived (409).
 */
export async function trainingToRequire(
  tx: Database,
  makerspaceId: string,
  trainingId: string,
): Promise<{ id: string; name: string }> {
  const training = await activeTraining(tx, { makerspaceId, trainingId }, 'share');
  return { id: training.id, name: training.name };
}

/** Each member's first training passed (revoked since or not: it was earned), with when. */
export async function firstTrainingPasses(db: Database): Promise<{ userId: string; at: Date }[]> {
  const rows = await db
    .select({ userId: trainingPasses.userId, at: min(trainingPasses.passedAt) })
    .from(trainingPasses)
    .groupBy(trainingPasses.userId);
  return rows.flatMap(({ userId, at }) => (at ? [{ userId, at }] : []));
}
export { eraseTrainings, trainingsExportOf } from './privacy';
