import { randomUUID } from 'node:crypto';
import { AppError, badRequest, conflict, notFound, type MakerspacePhoto } from '@makrx/contracts';
import { recordAuditBy, type AuditRequester, type Database } from '@makrx/db';
import { acceptedImageTypes, detectImageType, type Bucket } from '@makrx/storage';
import { and, asc, eq, sql } from 'drizzle-orm';
import { makerspacePhotos, makerspaces } from './tables';

/** The largest photo an admin may upload, as for product images. */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
/** More than a gallery's worth is a folder, not a page. */
export const MAX_PHOTOS = 20;

/** Photos are public: `/media/makerspaces/<key without the folder>` serves them. */
export const photoUrl = (storageKey: string) => `/media/${storageKey}`;

const photoColumns = {
  id: makerspacePhotos.id,
  storageKey: makerspacePhotos.storageKey,
  alt: makerspacePhotos.alt,
  contentType: makerspacePhotos.contentType,
  byteSize: makerspacePhotos.byteSize,
};

/** A makerspace's photos in the order they are shown. */
export async function photosOf(db: Database, makerspaceId: string): Promise<MakerspacePhoto[]> {
  const rows = await db
    .select(photoColumns)
    .from(makerspacePhotos)
    .where(eq(makerspacePhotos.makerspaceId, makerspaceId))
    .orderBy(asc(makerspacePhotos.position), asc(makerspacePhotos.createdAt));
  return rows.map(({ storageKey, contentType, ...photo }) => ({
    ...photo,
    contentType: contentType as MakerspacePhoto['contentType'],
    url: photoUrl(storageKey),
  }));
}

const audit = (
  tx: Database,
  actor: AuditRequester,
  action: string,
  makerspaceId: string,
  change: { before?: unknown; after?: unknown },
) =>
  recordAuditBy(tx, actor, {
    service: 'cave',
    action,
    entityType: 'makerspace',
    entityId: makerspaceId,
    ...change,
  });

/**
 * Stores a photo and lists it last. The bytes are written first and removed again if the row
 * is refused, so a photo is never listed without its file.
 */
export async function uploadPhoto(
  db: Database,
  bucket: Bucket,
  makerspaceId: string,
  bytes: Uint8Array,
  alt: string,
  actor: AuditRequester,
): Promise<MakerspacePhoto[]> {
  if (bytes.byteLength === 0) throw badRequest('EMPTY_UPLOAD', 'The upload has no content.');
  if (bytes.byteLength > MAX_PHOTO_BYTES) {
    throw new AppError(413, 'IMAGE_TOO_LARGE', 'Photos may be at most 5 MB.', {
      maxBytes: MAX_PHOTO_BYTES,
    });
  }
  const type = detectImageType(bytes);
  if (!type) {
    throw new AppError(415, 'UNSUPPORTED_IMAGE_TYPE', 'Upload a PNG, JPEG or WebP photo.', {
      accepted: acceptedImageTypes,
    });
  }
  const id = randomUUID();
  const storageKey = `makerspaces/${makerspaceId}/${id}.${type.extension}`;
  await bucket.put(storageKey, bytes, { contentType: type.contentType });
  try {
    await db.transaction(async (tx) => {
      // One upload at a time per makerspace, so the count and the next position hold.
      await tx
        .select({ id: makerspaces.id })
        .from(makerspaces)
        .where(eq(makerspaces.id, makerspaceId))
        .for('update');
      const [counted] = await tx
        .select({
          count: sql<number>`cast(count(*) as integer)`,
          next: sql<number>`cast(coalesce(max(${makerspacePhotos.position}) + 1, 0) as integer)`,
        })
        .from(makerspacePhotos)
        .where(eq(makerspacePhotos.makerspaceId, makerspaceId));
      if ((counted?.count ?? 0) >= MAX_PHOTOS) {
        throw conflict('TOO_MANY_PHOTOS', `A makerspace shows at most ${MAX_PHOTOS} photos.`, {
          max: MAX_PHOTOS,
        });
      }
      const photo = {
        id,
        makerspaceId,
        storageKey,
        contentType: type.contentType,
        byteSize: bytes.byteLength,
        alt,
        position: counted?.next ?? 0,
      };
      await tx.insert(makerspacePhotos).values(photo);
      await audit(tx, actor, 'makerspace.photo-added', makerspaceId, { after: photo });
    });
  } catch (err) {
    await bucket.delete(storageKey);
    throw err;
  }
  return photosOf(db, makerspaceId);
}

/** Puts the photos in the order given, which must name each of them once. */
export async function reorderPhotos(
  db: Database,
  makerspaceId: string,
  photoIds: string[],
  actor: AuditRequester,
): Promise<MakerspacePhoto[]> {
  await db.transaction(async (tx) => {
    const current = await tx
      .select({ id: makerspacePhotos.id })
      .from(makerspacePhotos)
      .where(eq(makerspacePhotos.makerspaceId, makerspaceId))
      .orderBy(asc(makerspacePhotos.position))
      .for('update');
    const expected = current.map((row) => row.id);
    const same =
      expected.length === photoIds.length && photoIds.every((id) => expected.includes(id));
    if (!same) {
      throw badRequest(
        'PHOTO_ORDER_MISMATCH',
        'Name every photo of the makerspace once, in the new order.',
        { expected },
      );
    }
    for (const [position, id] of photoIds.entries()) {
      await tx.update(makerspacePhotos).set({ position }).where(eq(makerspacePhotos.id, id));
    }
    await audit(tx, actor, 'makerspace.photos-reordered', makerspaceId, {
      before: { order: expected },
      after: { order: photoIds },
    });
  });
  return photosOf(db, makerspaceId);
}

/** Removes a photo; its file goes after the commit (a failure leaves a file, never a gap). */
export async function deletePhoto(
  db: Database,
  bucket: Bucket,
  makerspaceId: string,
  photoId: string,
  actor: AuditRequester,
): Promise<MakerspacePhoto[]> {
  const removed = await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(makerspacePhotos)
      .where(and(eq(makerspacePhotos.id, photoId), eq(makerspacePhotos.makerspaceId, makerspaceId)))
      .returning();
    if (!row) throw notFound('Photo');
    await audit(tx, actor, 'makerspace.photo-removed', makerspaceId, { before: row });
    return row;
  });
  await bucket.delete(removed.storageKey).catch(() => undefined);
  return photosOf(db, makerspaceId);
}
