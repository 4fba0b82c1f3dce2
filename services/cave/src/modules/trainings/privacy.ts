import type { Database } from '@makrx/db';
import { eq } from 'drizzle-orm';
import { trainingPasses, trainingSignUps } from './tables';

/** A user's training sign-ups and passes, for their export. */
export async function trainingsExportOf(db: Database, userId: string) {
  return {
    signUps: await db.select().from(trainingSignUps).where(eq(trainingSignUps.userId, userId)),
    passes: await db.select().from(trainingPasses).where(eq(trainingPasses.userId, userId)),
  };
}

/** A deleted account's sign-ups and passes go: no one can book with them any more. */
export async function eraseTrainings(tx: Database, userId: string): Promise<number> {
  let removed = 0;
  for (const table of [trainingSignUps, trainingPasses])
    removed += (await tx.delete(table).where(eq(table.userId, userId)).returning()).length;
  return removed;
}
