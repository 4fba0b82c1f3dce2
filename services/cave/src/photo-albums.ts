import { randomUUID } from 'node:crypto';
import { AppError, badRequest, conflict, notFound, type Photo } from '@makrx/contracts';
import { recordAuditBy, type AuditRequester, type Database } from '@makrx/db';
import { acceptedImageTypes, detectImageType, type Bucket } from '@makrx/storage';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { photoColumns } from './photo-album-tables';

/*
 * Photo albums: the ordered photos of one thing (a makerspace, a machine). Each module owns
 * its album's table, made of `photoColumns`, and hands it here with what the photos are of;
 * the rules are the same for every album: PNG, JPEG or WebP judged from the bytes, at most
 * 5 MB, at most 20, the file written before its row and removed after it.
 */

/** The largest photo an admin may upload, as for product images. */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
/** More than a gallery's worth is a folder, not a page. */
export const MAX_PHOTOS = 20;

/** A photo as the API shows it (the same shape for every album). */
export type AlbumPhoto = Photo;

/** What the shared functions need of an album's table: its columns by name. */
export type PhotoTable = PgTable & {
  [K in keyof ReturnType<typeof photoColumns>]: PgColumn;
};

/** One album: its table, what its photos are of, and how its changes are recorded. */
export interface PhotoAlbum {
  table: PhotoTable;
  /** The folder in the public bucket, served at `/media/<folder>/<owner id>/<file>`. */
  folder: string;
  /** Locks the owner's row, so a count and the next position hold until the commit. */
  lockOwner: (tx: Database, ownerId: string) => Promise<unknown>;
  /** The audit log's entity type and the prefix of its actions (`makerspace.photo-added`). */
  entityType: string;
  /** Said when the album is full: "A makerspace", "A machine". */
  ownerNoun: string;
  /** Anything else the owner's module records of a change, in the change's transaction. */
  recordChange?: (tx: Database, change: AlbumChange) => Promise<void>;
}

/** A change to an album, as `recordChange` hears of it. */
export interface AlbumChange {
  ownerId: string;
  action: 'photo-added' | 'photos-reordered' | 'photo-removed';
  actor: AuditRequester;
}

/** Photos are public: `/media/<storage key>` serves them. */
export const photoUrl = (storageKey: string) => `/media/${storageKey}`;

/** An album's photos in the order they are shown. */
export async function photosOf(
  db: Database,
  album: PhotoAlbum,
  ownerId: string,
): Promise<AlbumPhoto[]> {
  const { table } = album;
  const rows = await db
    .select({
      id: table.id,
      storageKey: table.storageKey,
      alt: table.alt,
      contentType: table.contentType,
      byteSize: table.byteSize,
    })
    .from(table)
    .where(eq(table.ownerId, ownerId))
    .orderBy(asc(table.position), asc(table.createdAt));
  return rows.map((row) => ({
    id: row.id as string,
    alt: row.alt as string,
    byteSize: row.byteSize as number,
    contentType: row.contentType as AlbumPhoto['contentType'],
    url: photoUrl(row.storageKey as string),
  }));
}

/** The first photo of each owner that has one, by owner id (for cards and tables). */
export async function coverPhotosOf(
  db: Database,
  album: PhotoAlbum,
  ownerIds: readonly string[],
): Promise<Map<string, AlbumPhoto>> {
  if (ownerIds.length === 0) return new Map();
  const { table } = album;
  const rows = await db
    .selectDistinctOn([table.ownerId], {
      ownerId: table.ownerId,
      id: table.id,
      storageKey: table.storageKey,
      alt: table.alt,
      contentType: table.contentType,
      byteSize: table.byteSize,
    })
    .from(table)
    .where(inArray(table.ownerId, [...ownerIds]))
    .orderBy(table.ownerId, asc(table.position), asc(table.createdAt));
  return new Map(
    rows.map((row) => [
      row.ownerId as string,
      {
        id: row.id as string,
        alt: row.alt as string,
        byteSize: row.byteSize as number,
        contentType: row.contentType as AlbumPhoto['contentType'],
        url: photoUrl(row.storageKey as string),
      },
    ]),
  );
}

async function audit(
  tx: Database,
  album: PhotoAlbum,
  actor: AuditRequester,
  action: AlbumChange['action'],
  ownerId: string,
  change: { before?: unknown; after?: unknown },
) {
  await recordAuditBy(tx, actor, {
    service: 'cave',
    action: `${album.entityType}.${action}`,
    entityType: album.entityType,
    entityId: ownerId,
    ...change,
  });
  await album.recordChange?.(tx, { ownerId, action, actor });
}

/** What the bytes are, or the refusal a person can act on: empty, too big, not a photo. */
function judgePhoto(bytes: Uint8Array) {
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
  return type;
}

/**
 * Stores a photo and lists it last. The bytes are written first and removed again if the row
 * is refused, so a photo is never listed without its file.
 */
export async function uploadPhoto(
  db: Database,
  bucket: Bucket,
  album: PhotoAlbum,
  ownerId: string,
  upload: { bytes: Uint8Array; alt: string },
  actor: AuditRequester,
): Promise<AlbumPhoto[]> {
  const { table } = album;
  const type = judgePhoto(upload.bytes);
  const id = randomUUID();
  const storageKey = `${album.folder}/${ownerId}/${id}.${type.extension}`;
  await bucket.put(storageKey, upload.bytes, { contentType: type.contentType });
  try {
    await db.transaction(async (tx) => {
      // One upload at a time per owner, so the count and the next position hold.
      await album.lockOwner(tx, ownerId);
      const [counted] = await tx
        .select({
          count: sql<number>`cast(count(*) as integer)`,
          next: sql<number>`cast(coalesce(max(${table.position}) + 1, 0) as integer)`,
        })
        .from(table)
        .where(eq(table.ownerId, ownerId));
      if ((counted?.count ?? 0) >= MAX_PHOTOS) {
        throw conflict(
          'TOO_MANY_PHOTOS',
          `${album.ownerNoun} shows at most ${MAX_PHOTOS} photos.`,
          { max: MAX_PHOTOS },
        );
      }
      const photo = {
        id,
        ownerId,
        storageKey,
        contentType: type.contentType,
        byteSize: upload.bytes.byteLength,
        alt: upload.alt,
        position: counted?.next ?? 0,
      };
      await tx.insert(table).values(photo);
      await audit(tx, album, actor, 'photo-added', ownerId, { after: photo });
    });
  } catch (err) {
    await bucket.delete(storageKey);
    throw err;
  }
  return photosOf(db, album, ownerId);
}

/** Puts the photos in the order given, which must name each of them once. */
export async function reorderPhotos(
  db: Database,
  album: PhotoAlbum,
  ownerId: string,
  photoIds: string[],
  actor: AuditRequester,
): Promise<AlbumPhoto[]> {
  const { table } = album;
  await db.transaction(async (tx) => {
    const current = await tx
      .select({ id: table.id })
      .from(table)
      .where(eq(table.ownerId, ownerId))
      .orderBy(asc(table.position))
      .for('update');
    const expected = current.map((row) => row.id as string);
    const same =
      expected.length === photoIds.length && photoIds.every((id) => expected.includes(id));
    if (!same) {
      throw badRequest('PHOTO_ORDER_MISMATCH', 'Name every photo once, in the new order.', {
        expected,
      });
    }
    for (const [position, id] of photoIds.entries()) {
      await tx.update(table).set({ position }).where(eq(table.id, id));
    }
    await audit(tx, album, actor, 'photos-reordered', ownerId, {
      before: { order: expected },
      after: { order: photoIds },
    });
  });
  return photosOf(db, album, ownerId);
}

/** Removes a photo; its file goes after the commit (a failure leaves a file, never a gap). */
export async function deletePhoto(
  db: Database,
  bucket: Bucket,
  album: PhotoAlbum,
  ownerId: string,
  photoId: string,
  actor: AuditRequester,
): Promise<AlbumPhoto[]> {
  const { table } = album;
  const removed = await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(table)
      .where(and(eq(table.id, photoId), eq(table.ownerId, ownerId)))
      .returning({ id: table.id, storageKey: table.storageKey, alt: table.alt });
    if (!row) throw notFound('Photo');
    await audit(tx, album, actor, 'photo-removed', ownerId, { before: row });
    return row;
  });
  await bucket.delete(removed.storageKey as string).catch(() => undefined);
  return photosOf(db, album, ownerId);
}
