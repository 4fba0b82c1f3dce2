import type { Database } from '@makrx/db';
import { eq } from 'drizzle-orm';
import { photosOf, type AlbumPhoto, type PhotoAlbum } from '../../photo-albums';
import { makerspacePhotos, makerspaces } from './tables';

/** A makerspace's photos: shown on its public page, changed by its admins in the settings. */
export const makerspaceAlbum: PhotoAlbum = {
  table: makerspacePhotos,
  folder: 'makerspaces',
  lockOwner: (tx, makerspaceId) =>
    tx
      .select({ id: makerspaces.id })
      .from(makerspaces)
      .where(eq(makerspaces.id, makerspaceId))
      .for('update'),
  entityType: 'makerspace',
  ownerNoun: 'A makerspace',
};

/** A makerspace's photos in the order they are shown. */
export const makerspacePhotosOf = (db: Database, makerspaceId: string): Promise<AlbumPhoto[]> =>
  photosOf(db, makerspaceAlbum, makerspaceId);
