import type { PhotoAlbum } from '../../photo-albums';
import { eq } from 'drizzle-orm';
import { equipment, equipmentPhotos } from './tables';

/**
 * A machine's photos: on its page (a gallery) and, the first, on its card and in the public
 * page's equipment table. Those who run its machines add, reorder and remove them.
 */
export const machineAlbum: PhotoAlbum = {
  table: equipmentPhotos,
  folder: 'equipment',
  lockOwner: (tx, machineId) =>
    tx
      .select({ id: equipment.id })
      .from(equipment)
      .where(eq(equipment.id, machineId))
      .for('update'),
  entityType: 'equipment',
  ownerNoun: 'A machine',
};
