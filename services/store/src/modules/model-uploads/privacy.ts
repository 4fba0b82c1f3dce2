import type { Database } from '@makrx/db';
import { eq } from 'drizzle-orm';
import { modelUploads } from './tables';

/** The 3D models a user uploaded (name, size, analysis), for their export. */
export const modelUploadsExportOf = (db: Database, userId: string) =>
  db
    .select({
      id: modelUploads.id,
      originalName: modelUploads.originalName,
      sizeBytes: modelUploads.sizeBytes,
      format: modelUploads.format,
      analysis: modelUploads.analysis,
      status: modelUploads.status,
      createdAt: modelUploads.createdAt,
    })
    .from(modelUploads)
    .where(eq(modelUploads.ownerId, userId));
