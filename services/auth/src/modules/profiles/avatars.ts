import { randomUUID } from 'node:crypto';
import { AppError, badRequest, MAX_AVATAR_BYTES, type ProfileAvatar } from '@makrx/contracts';
import { recordAudit, type Database } from '@makrx/db';
import { acceptedImageTypes, detectImageType, type Bucket } from '@makrx/storage';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { provisionMaker } from './provisioning';
import { profiles } from './tables';

/*
 * A maker's picture: PNG, JPEG or WebP judged from the bytes (as every image upload is), at most
 * 5 MB, turned upright and cut to a centred square by sharp (libvips), then kept as WebP at the
 * sizes the pages show. Only the resized copies are kept: the upload's metadata (a phone
 * photo's GPS position) goes no further than this function.
 */

/** The squares kept of every picture: the profile page's and the cards' and menus'. */
export const avatarSizes = { large: 512, small: 128 } as const;

/** A picture of more pixels than this is refused before it is decoded (a decompression bomb). */
const MAX_INPUT_PIXELS = 40_000_000;

/** The public paths of a picture kept under `stem` (served by the avatar file route). */
export function avatarOf(stem: string | null): ProfileAvatar | null {
  return stem
    ? {
        large: `/media/${stem}-${avatarSizes.large}.webp`,
        small: `/media/${stem}-${avatarSizes.small}.webp`,
      }
    : null;
}

/** The uploaded bytes as the squares to keep, or the refusal a person can act on. */
export async function resizeAvatar(
  bytes: Uint8Array,
): Promise<Record<keyof typeof avatarSizes, Buffer>> {
  if (bytes.byteLength === 0) throw badRequest('EMPTY_UPLOAD', 'The upload has no content.');
  if (bytes.byteLength > MAX_AVATAR_BYTES) {
    throw new AppError(413, 'IMAGE_TOO_LARGE', 'A profile picture may be at most 5 MB.', {
      maxBytes: MAX_AVATAR_BYTES,
    });
  }
  if (!detectImageType(bytes)) {
    throw new AppError(415, 'UNSUPPORTED_IMAGE_TYPE', 'Upload a PNG, JPEG or WebP picture.', {
      accepted: acceptedImageTypes,
    });
  }
  const square = async (size: number) =>
    sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS })
      .rotate()
      .resize(size, size, { fit: 'cover', position: 'attention' })
      .webp({ quality: 82 })
      .toBuffer();
  try {
    const [large, small] = await Promise.all([
      square(avatarSizes.large),
      square(avatarSizes.small),
    ]);
    return { large, small };
  } catch {
    // The first bytes said PNG, JPEG or WebP; the rest could not be read as one.
    throw new AppError(415, 'IMAGE_UNREADABLE', 'That picture could not be read. Try another.', {
      accepted: acceptedImageTypes,
    });
  }
}

async function currentAvatarKey(db: Database, userId: string) {
  const [row] = await db
    .select({ avatarKey: profiles.avatarKey })
    .from(profiles)
    .where(eq(profiles.userId, userId));
  return row?.avatarKey ?? null;
}

async function removeFiles(bucket: Bucket, stem: string | null) {
  if (!stem) return;
  await Promise.all(
    Object.values(avatarSizes).map((size) => bucket.delete(`${stem}-${size}.webp`)),
  );
}

/**
 * Replaces the user's picture: the new files are written before the row names them, and the
 * old ones removed after it no longer does, so the page never points at a missing file.
 */
export async function replaceAvatar(
  db: Database,
  bucket: Bucket,
  userId: string,
  bytes: Uint8Array,
  requestId: string,
): Promise<ProfileAvatar> {
  const squares = await resizeAvatar(bytes);
  await provisionMaker(db, userId);
  const stem = `avatars/${userId}/${randomUUID()}`;
  await Promise.all(
    (Object.keys(avatarSizes) as (keyof typeof avatarSizes)[]).map((name) =>
      bucket.put(`${stem}-${avatarSizes[name]}.webp`, squares[name], {
        contentType: 'image/webp',
      }),
    ),
  );
  let before: string | null = null;
  try {
    await db.transaction(async (tx) => {
      before = await currentAvatarKey(tx as unknown as Database, userId);
      await tx
        .update(profiles)
        .set({ avatarKey: stem, updatedAt: new Date() })
        .where(eq(profiles.userId, userId));
      await recordAudit(tx, {
        service: 'auth',
        action: 'profile.avatar_changed',
        entityType: 'user',
        entityId: userId,
        actorId: userId,
        before: { avatar: before },
        after: { avatar: stem },
        requestId,
      });
    });
  } catch (error) {
    await removeFiles(bucket, stem);
    throw error;
  }
  await removeFiles(bucket, before);
  return avatarOf(stem)!;
}

/** Removes the user's picture; removing none is not an error. */
export async function removeAvatar(
  db: Database,
  bucket: Bucket,
  userId: string,
  requestId: string,
): Promise<void> {
  let before: string | null = null;
  await db.transaction(async (tx) => {
    before = await currentAvatarKey(tx as unknown as Database, userId);
    if (!before) return;
    await tx
      .update(profiles)
      .set({ avatarKey: null, updatedAt: new Date() })
      .where(eq(profiles.userId, userId));
    await recordAudit(tx, {
      service: 'auth',
      action: 'profile.avatar_removed',
      entityType: 'user',
      entityId: userId,
      actorId: userId,
      before: { avatar: before },
      requestId,
    });
  });
  await removeFiles(bucket, before);
}

/**
 * Removes a deleted account's picture files, before its profile row goes (so a failure leaves
 * the row naming them and the deletion can be asked again); removing none is not an error.
 */
export async function removeAvatarFilesOf(db: Database, bucket: Bucket, userId: string) {
  const stem = await currentAvatarKey(db, userId);
  await removeFiles(bucket, stem);
  return stem === null ? 0 : Object.keys(avatarSizes).length;
}
