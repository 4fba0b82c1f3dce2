import type { Database } from '@makrx/db';
import { eq } from 'drizzle-orm';
import { coverPhotosOf, type AlbumChange, type PhotoAlbum } from '../../photo-albums';
import type { Photo } from '@makrx/contracts';
import { recordProjectActivity } from './activity';
import { projectPhotos, projects } from './tables';

const said: Record<AlbumChange['action'], string> = {
  'photo-added': 'Added a photo',
  'photos-reordered': 'Reordered the photos',
  'photo-removed': 'Removed a photo',
};

/**
 * A project's photos: the first is the cover on its card and page, the others its gallery.
 * Each change is a line in the project's activity log as well as in the audit log.
 */
export const projectAlbum: PhotoAlbum = {
  table: projectPhotos,
  folder: 'projects',
  lockOwner: (tx, projectId) =>
    tx.select({ id: projects.id }).from(projects).where(eq(projects.id, projectId)).for('update'),
  entityType: 'project',
  ownerNoun: 'A project',
  recordChange: (tx, { ownerId, action, actor }) =>
    recordProjectActivity(tx, {
      projectId: ownerId,
      actorId: actor.userId,
      action: `project.${action}`,
      summary: said[action],
    }),
};

/** Each project's cover (its first photo), by project id, for those that have one. */
export const projectCoversOf = (
  db: Database,
  projectIds: readonly string[],
): Promise<Map<string, Photo>> => coverPhotosOf(db, projectAlbum, projectIds);

/** The storage keys of a project's photos, to remove once the project is gone. */
export async function projectPhotoKeys(db: Database, projectId: string): Promise<string[]> {
  const rows = await db
    .select({ key: projectPhotos.storageKey })
    .from(projectPhotos)
    .where(eq(projectPhotos.ownerId, projectId));
  return rows.map((row) => row.key);
}
