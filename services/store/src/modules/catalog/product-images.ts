import { randomUUID } from 'node:crypto';
import type { ImageUpdate } from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { acceptedImageTypes, detectImageType, type Bucket } from '@makrx/storage';
import { AppError, notFound } from '@makrx/service-kit';
import { desc, eq } from 'drizzle-orm';
import { audit, findAdminProduct, type Actor } from './catalog-admin';
import { productImages, products } from './tables';

/** The largest image a store admin may upload (issue 6: ≤ 5 MB). */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

export async function uploadProductImage(
  db: Database,
  bucket: Bucket,
  actor: Actor,
  productId: string,
  bytes: Uint8Array,
  alt: string,
) {
  if (bytes.byteLength === 0) throw new AppError(400, 'EMPTY_UPLOAD', 'The upload has no content.');
  if (bytes.byteLength > MAX_IMAGE_BYTES)
    throw new AppError(413, 'IMAGE_TOO_LARGE', 'Images may be at most 5 MB.', {
      maxBytes: MAX_IMAGE_BYTES,
    });
  const type = detectImageType(bytes);
  if (!type)
    throw new AppError(415, 'UNSUPPORTED_IMAGE_TYPE', 'Upload a PNG, JPEG or WebP image.', {
      accepted: acceptedImageTypes,
    });
  const [product] = await db
    .select({ id: products.id })
    .from(products)
    .where(eq(products.id, productId));
  if (!product) throw notFound('Product');
  const imageId = randomUUID();
  const storageKey = `products/${productId}/${imageId}.${type.extension}`;
  await bucket.put(storageKey, bytes, { contentType: type.contentType });
  try {
    await db.transaction(async (tx) => {
      const [last] = await tx
        .select({ position: productImages.position })
        .from(productImages)
        .where(eq(productImages.productId, productId))
        .orderBy(desc(productImages.position))
        .limit(1);
      const [created] = await tx
        .insert(productImages)
        .values({
          id: imageId,
          productId,
          storageKey,
          contentType: type.contentType,
          byteSize: bytes.byteLength,
          alt,
          position: (last?.position ?? -1) + 1,
        })
        .returning();
      await audit(tx, actor, {
        action: 'catalog.image.add',
        entityType: 'product_image',
        entityId: imageId,
        after: created,
      });
    });
  } catch (err) {
    await bucket.delete(storageKey);
    throw err;
  }
  return findAdminProduct(db, productId);
}

export async function updateProductImage(
  db: Database,
  actor: Actor,
  imageId: string,
  input: ImageUpdate,
) {
  const productId = await db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(productImages)
      .where(eq(productImages.id, imageId))
      .for('update');
    if (!before) throw notFound('Image');
    const [after] = await tx
      .update(productImages)
      .set(input)
      .where(eq(productImages.id, imageId))
      .returning();
    await audit(tx, actor, {
      action: 'catalog.image.update',
      entityType: 'product_image',
      entityId: imageId,
      before,
      after,
    });
    return before.productId;
  });
  return findAdminProduct(db, productId);
}

export async function deleteProductImage(
  db: Database,
  bucket: Bucket,
  actor: Actor,
  imageId: string,
) {
  const before = await db.transaction(async (tx) => {
    const [row] = await tx.delete(productImages).where(eq(productImages.id, imageId)).returning();
    if (!row) throw notFound('Image');
    await audit(tx, actor, {
      action: 'catalog.image.delete',
      entityType: 'product_image',
      entityId: imageId,
      before: row,
    });
    return row;
  });
  // After the commit: a failed delete leaves an unreferenced file, never a broken image.
  await bucket.delete(before.storageKey).catch(() => undefined);
  return findAdminProduct(db, before.productId);
}
