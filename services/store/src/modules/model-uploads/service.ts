import type { Database } from '@makrx/db';
import { and, eq } from 'drizzle-orm';
import { modelUploads, type ModelUploadRow } from './tables';

export type NewModelUpload = Omit<ModelUploadRow, 'status' | 'createdAt'>;

/** Records an upload that passed every check; from now on its owner can find it by id. */
export async function recordModelUpload(
  db: Database,
  upload: NewModelUpload,
): Promise<ModelUploadRow> {
  const [row] = await db.insert(modelUploads).values(upload).returning();
  return row!;
}

/** The upload, if it is the caller's: another user's upload is as absent as a missing one. */
export async function findOwnModelUpload(
  db: Database,
  id: string,
  ownerId: string,
): Promise<ModelUploadRow | undefined> {
  const [row] = await db
    .select()
    .from(modelUploads)
    .where(and(eq(modelUploads.id, id), eq(modelUploads.ownerId, ownerId)));
  return row;
}

/** Sets the owner's upload's unit scale (1: mm, 25.4: inches); undefined when not theirs. */
export async function setModelUnitScale(
  db: Database,
  id: string,
  ownerId: string,
  unitScale: 1 | 25.4,
): Promise<ModelUploadRow | undefined> {
  const [row] = await db
    .update(modelUploads)
    .set({ unitScale })
    .where(and(eq(modelUploads.id, id), eq(modelUploads.ownerId, ownerId)))
    .returning();
  return row;
}
