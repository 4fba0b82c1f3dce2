import { storeSchema } from '@makrx/db/schema';
import { sql, type SQL } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  text,
  timestamp,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

export const categories = storeSchema.table(
  'categories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    position: integer('position').notNull().default(0),
    /** The category this one sits in; null at the top of the tree. A trigger refuses cycles. */
    parentId: uuid('parent_id').references((): AnyPgColumn => categories.id),
  },
  (t) => [
    check('categories_slug_shape', sql`${t.slug} ~ '^[a-z0-9-]+$'`),
    check('categories_not_own_parent', sql`${t.parentId} <> ${t.id}`),
    index('categories_parent_idx').on(t.parentId),
  ],
);

export const products = storeSchema.table(
  'products',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sku: text('sku').notNull().unique(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    brand: text('brand').notNull(),
    summary: text('summary').notNull(),
    description: text('description').notNull(),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => categories.id),
    currency: text('currency').notNull().default('USD'),
    imageUrl: text('image_url').notNull(),
    specs: jsonb('specs').$type<Record<string, string>>().notNull().default({}),
    /** Lower comes first in the "featured" sort; null means not featured. */
    featuredRank: integer('featured_rank'),
    /** Set when a store admin takes the product off sale; archived products are not listed. */
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('products_sku_shape', sql`${t.sku} ~ '^[A-Z0-9][A-Z0-9-]*$'`),
    check('products_slug_shape', sql`${t.slug} ~ '^[a-z0-9-]+$'`),
    check('products_currency_shape', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    index('products_category_idx').on(t.categoryId),
    index('products_search_idx').using('gin', productSearchDocument(t)),
  ],
);

/**
 * The words a product is found by, weighted name > brand and SKU > summary > description.
 * The search query repeats this expression so PostgreSQL answers it from `products_search_idx`.
 */
export function productSearchDocument(
  t: Record<'name' | 'brand' | 'sku' | 'summary' | 'description', AnyPgColumn>,
): SQL {
  return sql`(setweight(to_tsvector('english', ${t.name}), 'A') || setweight(to_tsvector('english', ${t.brand} || ' ' || ${t.sku}), 'B') || setweight(to_tsvector('english', ${t.summary}), 'C') || setweight(to_tsvector('english', ${t.description}), 'D'))`;
}

/**
 * A category's name as words a product is found by, weighted B like a brand: "printer" finds
 * what sits in "Printer parts" even when the product's own text never says it.
 */
export function categoryNameDocument(t: Record<'name', AnyPgColumn>): SQL {
  return sql`setweight(to_tsvector('english', ${t.name}), 'B')`;
}

/**
 * What is actually bought: a product in one option (a filament's colour and spool size, say),
 * with its own SKU, price and stock. Every product has at least one; the product's own SKU is
 * kept as the SKU of its first variant, so codes given out before variants still resolve.
 */
export const productVariants = storeSchema.table(
  'product_variants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    sku: text('sku').notNull().unique(),
    /** The options that tell this variant apart, e.g. `{ colour: 'Black', size: '1 kg' }`. */
    options: jsonb('options').$type<Record<string, string>>().notNull().default({}),
    priceCents: integer('price_cents').notNull(),
    /** Units that can still be sold; orders take from it in their own transaction. */
    stock: integer('stock').notNull().default(0),
    position: integer('position').notNull().default(0),
    /**
     * The variant's own picture (a path on the store service or an absolute URL), shown on the
     * product page and in the cart when it is chosen; null when the product's images show it.
     */
    imageUrl: text('image_url'),
    /**
     * Set when a store admin takes this variant off sale (its product stays on sale): it is no
     * longer shown, carted, quoted or ordered; orders that bought it keep it.
     */
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [
    check('product_variants_sku_shape', sql`${t.sku} ~ '^[A-Z0-9][A-Z0-9-]*$'`),
    check('product_variants_price_not_negative', sql`${t.priceCents} >= 0`),
    check('product_variants_stock_not_negative', sql`${t.stock} >= 0`),
    index('product_variants_product_idx').on(t.productId, t.position),
  ],
);

/**
 * Product photos uploaded by store admins, kept in the storage's `products` bucket under
 * `storageKey` and served by the public route `/media/images/...` (decision 0006). The
 * product's `image_url` mirrors its first image, so listings need no join.
 */
export const productImages = storeSchema.table(
  'product_images',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    storageKey: text('storage_key').notNull().unique(),
    contentType: text('content_type').notNull(),
    byteSize: integer('byte_size').notNull(),
    alt: text('alt').notNull().default(''),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'product_images_content_type_known',
      sql`${t.contentType} in ('image/png', 'image/jpeg', 'image/webp')`,
    ),
    check('product_images_size_limit', sql`${t.byteSize} between 1 and 5242880`),
    index('product_images_product_idx').on(t.productId, t.position),
  ],
);
