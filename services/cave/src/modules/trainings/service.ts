/*
 * What the cave's other modules may ask of trainings (eslint.config.js: this file only): the
 * reservations module whether a member may book a machine, the equipment module which
 * trainings a machine may require and their names.
 */
import type { Database } from '@makrx/db';
import { activeTraining } from './catalogue';

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
