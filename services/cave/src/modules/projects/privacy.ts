import type { Database } from '@makrx/db';
import { eq, inArray } from 'drizzle-orm';
import { projectCollaborators, projectFiles, projectPhotos, projects } from './tables';

/** A user's own projects, with their files and photos listed, and where they collaborate. */
export async function projectsExportOf(db: Database, userId: string) {
  const owned = await db.select().from(projects).where(eq(projects.ownerId, userId));
  const ids = owned.map((p) => p.id);
  const files = ids.length
    ? await db.select().from(projectFiles).where(inArray(projectFiles.projectId, ids))
    : [];
  const photos = ids.length
    ? await db.select().from(projectPhotos).where(inArray(projectPhotos.ownerId, ids))
    : [];
  const collaborations = await db
    .select()
    .from(projectCollaborators)
    .where(eq(projectCollaborators.userId, userId));
  return { owned, files, photos, collaborations };
}

/** The ids of a user's own projects (their bills of materials are exported beside them). */
export async function ownProjectIds(db: Database, userId: string): Promise<string[]> {
  const rows = await db
    .select({ id: projects.id })
    .from(projects)
    .where(eq(projects.ownerId, userId));
  return rows.map((r) => r.id);
}

/**
 * A deleted account's projects go, with what hangs off them (bills of materials, files,
 * photos, collaborators: the database's cascades), and it leaves the others' projects.
 */
export async function eraseProjects(tx: Database, userId: string): Promise<number> {
  const left = await tx
    .delete(projectCollaborators)
    .where(eq(projectCollaborators.userId, userId))
    .returning();
  const removed = await tx
    .delete(projects)
    .where(eq(projects.ownerId, userId))
    .returning({ id: projects.id });
  return left.length + removed.length;
}
