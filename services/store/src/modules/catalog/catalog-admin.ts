import type {
  AdminProduct,
  AdminProductListQuery,
  AdminProductPage,
  CategoryCreate,
  CategoryUpdate,
  ProductCreate,
  ProductUpdate,
  VariantCreate,
  VariantUpdate,
} from '@makrx/contracts';
import { recordAudit, violates, type Database } from '@makrx/db';
import { AppError, conflict, notFound } from '@makrx/service-kit';
import { and, asc, desc, eq, ilike, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { LOW_STOCK } from './low-stock';
import { listProductImages } from './products';
import { categories, products, productVariants } from './tables';

/** Shown until a product has an uploaded image (services/store/media). */
export const PLACEHOLDER_IMAGE = '/media/placeholder-product.svg';

/** Who changes the catalog, for the audit log. */
export interface Actor {
  userId: string;
  requestId: string;
}

export const audit = (
  db: Database,
  actor: Actor,
  entry: Omit<Parameters<typeof recordAudit>[1], 'service' | 'actorId' | 'requestId'>,
) =>
  recordAudit(db, {
    service: 'store',
    actorId: actor.userId,
    requestId: actor.requestId,
    ...entry,
  });

async function categoryIdOf(db: Database, slug: string): Promise<string> {
  const [row] = await db
    .select({ id: categories.id })
    .from(categories)
    .where(eq(categories.slug, slug));
  if (!row)
    throw new AppError(422, 'UNKNOWN_CATEGORY', `There is no category "${slug}".`, {
      field: 'categorySlug',
    });
  return row.id;
}

/** Turns the database's refusals into answers a store admin can act on. */
function explainWriteError(err: unknown): never {
  if (
    violates(err, '23514', 'categories_no_cycle') ||
    violates(err, '23514', 'categories_not_own_parent')
  )
    throw conflict(
      'CATEGORY_CYCLE',
      'A category cannot sit under itself or one of its own subcategories.',
    );
  if (violates(err, '23505', 'categories_slug_unique'))
    throw conflict('SLUG_TAKEN', 'Another category already has this slug.');
  if (violates(err, '23505', 'products_slug_unique'))
    throw conflict('SLUG_TAKEN', 'Another product already has this slug.');
  if (
    violates(err, '23505', 'product_variants_sku_unique') ||
    violates(err, '23505', 'products_sku_unique')
  )
    throw conflict('SKU_TAKEN', 'Another variant already has this SKU.');
  if (violates(err, '23503', 'categories_parent_id_categories_id_fk'))
    throw conflict('CATEGORY_NOT_EMPTY', 'The category still has subcategories.');
  throw err;
}

async function writing<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    explainWriteError(err);
  }
}

export async function createCategory(db: Database, actor: Actor, input: CategoryCreate) {
  return writing(() =>
    db.transaction(async (tx) => {
      const parentId = input.parentSlug ? await categoryIdOf(tx, input.parentSlug) : null;
      const [created] = await tx
        .insert(categories)
        .values({ slug: input.slug, name: input.name, description: input.description, parentId })
        .returning();
      await audit(tx, actor, {
        action: 'catalog.category.create',
        entityType: 'category',
        entityId: created!.id,
        after: input,
      });
      return created!;
    }),
  );
}

export async function updateCategory(
  db: Database,
  actor: Actor,
  slug: string,
  input: CategoryUpdate,
) {
  return writing(() =>
    db.transaction(async (tx) => {
      // Not FOR UPDATE: a crossing move's foreign-key check takes KEY SHARE on this row while
      // holding the category tree's lock, and FOR UPDATE would make the two wait on each other.
      const [before] = await tx
        .select()
        .from(categories)
        .where(eq(categories.slug, slug))
        .for('no key update');
      if (!before) throw notFound(`Category "${slug}"`);
      const parentId =
        input.parentSlug === undefined
          ? undefined
          : input.parentSlug === null
            ? null
            : await categoryIdOf(tx, input.parentSlug);
      const [after] = await tx
        .update(categories)
        .set({ name: input.name, description: input.description, parentId })
        .where(eq(categories.id, before.id))
        .returning();
      await audit(tx, actor, {
        action: 'catalog.category.update',
        entityType: 'category',
        entityId: before.id,
        before,
        after,
      });
      return after!;
    }),
  );
}

/** The product with its variants (in order) and images, archived or not: the edit form's data. */
export async function findAdminProduct(db: Database, id: string): Promise<AdminProduct> {
  const [row] = await db
    .select({ product: products, categorySlug: categories.slug })
    .from(products)
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .where(eq(products.id, id));
  if (!row) throw notFound('Product');
  const [variants, images] = await Promise.all([
    db
      .select()
      .from(productVariants)
      .where(eq(productVariants.productId, id))
      .orderBy(asc(productVariants.position), asc(productVariants.sku)),
    listProductImages(db, id),
  ]);
  const { product } = row;
  return {
    id: product.id,
    slug: product.slug,
    sku: product.sku,
    name: product.name,
    brand: product.brand,
    summary: product.summary,
    description: product.description,
    categorySlug: row.categorySlug,
    currency: product.currency,
    imageUrl: product.imageUrl,
    specs: product.specs,
    archived: product.archivedAt !== null,
    variants: variants.map((v) => ({
      id: v.id,
      sku: v.sku,
      options: v.options,
      priceCents: v.priceCents,
      stock: v.stock,
      inStock: v.stock > 0,
      imageUrl: v.imageUrl,
      position: v.position,
      archived: v.archivedAt !== null,
    })),
    images,
  };
}

export async function listAdminProducts(
  db: Database,
  query: AdminProductListQuery,
): Promise<AdminProductPage> {
  const pattern = `%${query.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  const matching = query.q
    ? or(
        ilike(products.name, pattern),
        ilike(products.slug, pattern),
        ilike(products.sku, pattern),
        sql`exists (select 1 from store.product_variants v where v.product_id = ${products.id} and v.sku ilike ${pattern})`,
      )
    : undefined;
  const where = and(
    matching,
    query.category
      ? sql`${products.categoryId} in (with recursive within_category as (select c.id from store.categories c where c.slug = ${query.category} union all select c.id from store.categories c join within_category w on c.parent_id = w.id) select id from within_category)`
      : undefined,
    query.status === 'active' ? isNull(products.archivedAt) : undefined,
    query.status === 'archived' ? isNotNull(products.archivedAt) : undefined,
  );
  const rows = await db
    .select({
      id: products.id,
      slug: products.slug,
      sku: products.sku,
      name: products.name,
      categoryName: categories.name,
      imageUrl: products.imageUrl,
      archivedAt: products.archivedAt,
      priceCents: sql<number>`cast((select coalesce(min(v.price_cents) filter (where v.archived_at is null), min(v.price_cents), 0) from store.product_variants v where v.product_id = ${products.id}) as integer)`,
      currency: products.currency,
      variantCount: sql<number>`cast((select count(*) from store.product_variants v where v.product_id = ${products.id}) as integer)`,
      stock: sql<number>`cast((select coalesce(sum(v.stock), 0) from store.product_variants v where v.product_id = ${products.id}) as integer)`,
      lowStockVariants: sql<number>`cast((select count(*) from store.product_variants v where v.product_id = ${products.id} and v.stock < ${LOW_STOCK}) as integer)`,
      total: sql<number>`cast(count(*) over () as integer)`,
    })
    .from(products)
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .where(where)
    .orderBy(sql`${products.archivedAt} is not null`, asc(products.name))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const total = rows[0]?.total ?? 0;
  return {
    items: rows.map(({ total: _t, archivedAt, ...row }) => ({
      ...row,
      archived: archivedAt !== null,
    })),
    page: query.page,
    pageSize: query.pageSize,
    total,
    totalPages: Math.ceil(total / query.pageSize),
  };
}

export async function createProduct(db: Database, actor: Actor, input: ProductCreate) {
  const id = await writing(() =>
    db.transaction(async (tx) => {
      const categoryId = await categoryIdOf(tx, input.categorySlug);
      const [created] = await tx
        .insert(products)
        .values({
          sku: input.variants[0]!.sku,
          slug: input.slug,
          name: input.name,
          brand: input.brand,
          summary: input.summary,
          description: input.description,
          categoryId,
          specs: input.specs,
          imageUrl: PLACEHOLDER_IMAGE,
        })
        .returning({ id: products.id });
      await tx.insert(productVariants).values(
        input.variants.map((variant, position) => ({
          ...variant,
          productId: created!.id,
          position,
        })),
      );
      await audit(tx, actor, {
        action: 'catalog.product.create',
        entityType: 'product',
        entityId: created!.id,
        after: input,
      });
      return created!.id;
    }),
  );
  return findAdminProduct(db, id);
}

export async function updateProduct(db: Database, actor: Actor, id: string, input: ProductUpdate) {
  await writing(() =>
    db.transaction(async (tx) => {
      const [before] = await tx.select().from(products).where(eq(products.id, id)).for('update');
      if (!before) throw notFound('Product');
      const { categorySlug, archived, ...fields } = input;
      const categoryId = categorySlug ? await categoryIdOf(tx, categorySlug) : undefined;
      const archivedAt =
        archived === undefined ? undefined : archived ? (before.archivedAt ?? new Date()) : null;
      const [after] = await tx
        .update(products)
        .set({ ...fields, categoryId, archivedAt })
        .where(eq(products.id, id))
        .returning();
      const action =
        archived === true && !before.archivedAt
          ? 'catalog.product.archive'
          : archived === false && before.archivedAt
            ? 'catalog.product.restore'
            : 'catalog.product.update';
      await audit(tx, actor, { action, entityType: 'product', entityId: id, before, after });
    }),
  );
  return findAdminProduct(db, id);
}

export async function addVariant(
  db: Database,
  actor: Actor,
  productId: string,
  input: VariantCreate,
) {
  await writing(() =>
    db.transaction(async (tx) => {
      const [product] = await tx
        .select({ id: products.id })
        .from(products)
        .where(eq(products.id, productId))
        .for('update');
      if (!product) throw notFound('Product');
      const [last] = await tx
        .select({ position: productVariants.position })
        .from(productVariants)
        .where(eq(productVariants.productId, productId))
        .orderBy(desc(productVariants.position))
        .limit(1);
      const [created] = await tx
        .insert(productVariants)
        .values({ ...input, productId, position: (last?.position ?? -1) + 1 })
        .returning();
      await audit(tx, actor, {
        action: 'catalog.variant.create',
        entityType: 'product_variant',
        entityId: created!.id,
        after: created,
      });
    }),
  );
  return findAdminProduct(db, productId);
}

/** A variant by SKU, its row locked for the change that follows. */
export async function lockedVariant(db: Database, sku: string) {
  const [variant] = await db
    .select()
    .from(productVariants)
    .where(eq(productVariants.sku, sku))
    .for('update');
  if (!variant) throw notFound(`Variant "${sku}"`);
  return variant;
}

export async function updateVariant(db: Database, actor: Actor, sku: string, input: VariantUpdate) {
  const productId = await writing(() =>
    db.transaction(async (tx) => {
      const before = await lockedVariant(tx, sku);
      const { archived, ...fields } = input;
      const archivedAt =
        archived === undefined ? undefined : archived ? (before.archivedAt ?? new Date()) : null;
      const [after] = await tx
        .update(productVariants)
        .set({ ...fields, ...(archivedAt === undefined ? {} : { archivedAt }) })
        .where(eq(productVariants.id, before.id))
        .returning();
      await audit(tx, actor, {
        action: 'catalog.variant.update',
        entityType: 'product_variant',
        entityId: before.id,
        before,
        after,
      });
      return before.productId;
    }),
  );
  return findAdminProduct(db, productId);
}
