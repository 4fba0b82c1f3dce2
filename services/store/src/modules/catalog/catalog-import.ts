import type { CatalogImportReport, RejectedRow } from '@makrx/contracts';
import { adminSku, adminSlug } from '@makrx/contracts';
import type { Database } from '@makrx/db';
import { AppError } from '@makrx/service-kit';
import { eq, inArray, sql } from 'drizzle-orm';
import { audit, PLACEHOLDER_IMAGE, type Actor } from './catalog-admin';
import { parseCsv } from './csv';
import { announceLowStock, type StockChange } from './low-stock';
import { categories, products, productVariants } from './tables';

/**
 * The columns of a catalog import (README "Importing a catalog"). One row is one variant;
 * rows sharing a product slug are variants of one product. `name` and `category_slug` are
 * needed when the row creates its product; `options` reads `colour=Black; size=1 kg`.
 */
export const importColumns = {
  required: ['sku', 'product_slug', 'price', 'stock'],
  optional: ['name', 'category_slug', 'options', 'brand', 'summary', 'description', 'material'],
} as const;

export const MAX_IMPORT_ROWS = 5000;

interface ImportRow {
  line: number;
  sku: string;
  productSlug: string;
  priceCents: number;
  stock: number;
  name?: string;
  categorySlug?: string;
  options: Record<string, string>;
  brand?: string;
  summary?: string;
  description?: string;
  material?: string;
}

class RowError extends Error {}

function priceInCents(value: string): number {
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(value))
    throw new RowError(`price "${value}" is not an amount like 24.99`);
  const [whole, fraction = ''] = value.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

function stockCount(value: string): number {
  if (!/^\d{1,7}$/.test(value))
    throw new RowError(`stock "${value}" is not a whole number of 0 or more`);
  return Number(value);
}

function optionsOf(value: string): Record<string, string> {
  const options: Record<string, string> = {};
  for (const pair of value
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const at = pair.indexOf('=');
    const name = pair.slice(0, at).trim();
    const option = pair.slice(at + 1).trim();
    if (at < 1 || !option) throw new RowError(`options "${pair}" is not name=value`);
    options[name] = option;
  }
  return options;
}

function rowOf(header: string[], fields: string[], line: number): ImportRow {
  if (fields.length !== header.length)
    throw new RowError(`${fields.length} fields where the header has ${header.length}`);
  const cell = (name: string) => {
    const at = header.indexOf(name);
    const value = at < 0 ? '' : fields[at]!.trim();
    return value === '' ? undefined : value;
  };
  const sku = cell('sku');
  const productSlug = cell('product_slug');
  if (!sku) throw new RowError('sku is empty');
  if (!adminSku.safeParse(sku).success)
    throw new RowError(`sku "${sku}" may hold only capital letters, digits and dashes`);
  if (!productSlug) throw new RowError('product_slug is empty');
  if (!adminSlug.safeParse(productSlug).success)
    throw new RowError(
      `product_slug "${productSlug}" may hold only lowercase letters, digits and dashes`,
    );
  const price = cell('price');
  const stock = cell('stock');
  if (price === undefined) throw new RowError('price is empty');
  if (stock === undefined) throw new RowError('stock is empty');
  return {
    line,
    sku,
    productSlug,
    priceCents: priceInCents(price),
    stock: stockCount(stock),
    name: cell('name'),
    categorySlug: cell('category_slug'),
    options: optionsOf(cell('options') ?? ''),
    brand: cell('brand'),
    summary: cell('summary'),
    description: cell('description'),
    material: cell('material'),
  };
}

/** The header, checked: every required column, nothing unknown. */
function readHeader(fields: string[]): string[] {
  const header = fields.map((name) => name.trim().toLowerCase());
  const known: readonly string[] = [...importColumns.required, ...importColumns.optional];
  const missing = importColumns.required.filter((name) => !header.includes(name));
  const unknown = header.filter((name) => !known.includes(name));
  if (missing.length > 0 || unknown.length > 0)
    throw new AppError(400, 'CSV_HEADER_INVALID', 'The first line must name the columns.', {
      missing,
      unknown,
      columns: importColumns,
    });
  return header;
}

/**
 * Imports a catalog CSV: valid rows are upserted (variants by SKU, products by slug) in one
 * transaction, and every rejected row is reported with its line and reason. A dry run checks
 * everything the same way and writes nothing.
 */
export async function importCatalog(
  db: Database,
  actor: Actor,
  csv: string,
  dryRun: boolean,
): Promise<CatalogImportReport> {
  const { records, unterminatedQuoteAt } = parseCsv(csv);
  if (unterminatedQuoteAt !== undefined)
    throw new AppError(
      400,
      'CSV_MALFORMED',
      `A quote opened on line ${unterminatedQuoteAt} is never closed.`,
      {
        line: unterminatedQuoteAt,
      },
    );
  const [headerRecord, ...body] = records;
  if (!headerRecord) throw new AppError(400, 'CSV_EMPTY', 'The file is empty.');
  if (body.length > MAX_IMPORT_ROWS)
    throw new AppError(413, 'CSV_TOO_MANY_ROWS', `At most ${MAX_IMPORT_ROWS} rows per import.`);
  const header = readHeader(headerRecord.fields);
  const rejected: RejectedRow[] = [];
  const rows: ImportRow[] = [];
  for (const record of body) {
    try {
      rows.push(rowOf(header, record.fields, record.line));
    } catch (err) {
      if (!(err instanceof RowError)) throw err;
      const skuAt = header.indexOf('sku');
      rejected.push({
        line: record.line,
        sku: record.fields[skuAt]?.trim() || null,
        reason: err.message,
      });
    }
  }
  const report = {
    dryRun,
    rows: body.length,
    productsCreated: 0,
    productsUpdated: 0,
    variantsCreated: 0,
    variantsUpdated: 0,
  };
  const ROLLBACK = Symbol('dry run');
  try {
    await db.transaction(async (tx) => {
      Object.assign(report, await upsertRows(tx, rows, rejected));
      if (
        report.productsCreated +
          report.productsUpdated +
          report.variantsCreated +
          report.variantsUpdated >
        0
      )
        await audit(tx, actor, {
          action: 'catalog.import',
          entityType: 'catalog',
          entityId: 'csv',
          after: {
            ...report,
            rejected: rejected.length,
            skus: rows.filter((r) => !rejected.some((x) => x.line === r.line)).map((r) => r.sku),
          },
        });
      if (dryRun) throw ROLLBACK;
    });
  } catch (err) {
    if (err !== ROLLBACK) throw err;
  }
  return { ...report, rejected: rejected.sort((a, b) => a.line - b.line) };
}

/** Writes the rows that hold up against the catalog; the others join `rejected`. */
async function upsertRows(tx: Database, rows: ImportRow[], rejected: RejectedRow[]) {
  const counts = { productsCreated: 0, productsUpdated: 0, variantsCreated: 0, variantsUpdated: 0 };
  const reject = (row: ImportRow, reason: string) =>
    rejected.push({ line: row.line, sku: row.sku, reason });
  const categoryRows = await tx
    .select({ id: categories.id, slug: categories.slug })
    .from(categories);
  const categoryIds = new Map(categoryRows.map((c) => [c.slug, c.id]));
  const slugs = [...new Set(rows.map((r) => r.productSlug))];
  const skus = [...new Set(rows.map((r) => r.sku))];
  const existingProducts = slugs.length
    ? await tx
        .select({ id: products.id, slug: products.slug })
        .from(products)
        .where(inArray(products.slug, slugs))
        .for('update')
    : [];
  const productIds = new Map(existingProducts.map((p) => [p.slug, p.id]));
  const existingVariants = skus.length
    ? await tx
        .select({
          sku: productVariants.sku,
          productId: productVariants.productId,
          stock: productVariants.stock,
        })
        .from(productVariants)
        .where(inArray(productVariants.sku, skus))
        .for('update')
    : [];
  const variantOwner = new Map(existingVariants.map((v) => [v.sku, v.productId]));
  const stockBefore = new Map(existingVariants.map((v) => [v.sku, v.stock]));
  const stockChanges: StockChange[] = [];
  const seenSkus = new Map<string, number>();
  const touchedProducts = new Set<string>();
  for (const row of rows) {
    const earlier = seenSkus.get(row.sku);
    if (earlier !== undefined) {
      reject(row, `sku ${row.sku} already appears on line ${earlier}`);
      continue;
    }
    seenSkus.set(row.sku, row.line);
    let productId = productIds.get(row.productSlug);
    if (row.categorySlug && !categoryIds.has(row.categorySlug)) {
      reject(row, `category_slug "${row.categorySlug}" is not a category`);
      continue;
    }
    const owner = variantOwner.get(row.sku);
    if (owner && productId && owner !== productId) {
      reject(row, `sku ${row.sku} belongs to another product`);
      continue;
    }
    if (!productId) {
      if (owner) {
        reject(row, `sku ${row.sku} belongs to another product`);
        continue;
      }
      if (!row.name || !row.categorySlug) {
        reject(row, `product ${row.productSlug} is new: name and category_slug are needed`);
        continue;
      }
      const [created] = await tx
        .insert(products)
        .values({
          sku: row.sku,
          slug: row.productSlug,
          name: row.name,
          brand: row.brand ?? '',
          summary: row.summary ?? '',
          description: row.description ?? '',
          categoryId: categoryIds.get(row.categorySlug)!,
          specs: row.material ? { Material: row.material } : {},
          imageUrl: PLACEHOLDER_IMAGE,
        })
        .returning({ id: products.id });
      productId = created!.id;
      productIds.set(row.productSlug, productId);
      touchedProducts.add(productId);
      counts.productsCreated += 1;
    } else if (
      !touchedProducts.has(productId) &&
      (row.name || row.categorySlug || row.brand || row.summary || row.description)
    ) {
      await tx
        .update(products)
        .set({
          name: row.name,
          brand: row.brand,
          summary: row.summary,
          description: row.description,
          categoryId: row.categorySlug ? categoryIds.get(row.categorySlug) : undefined,
        })
        .where(eq(products.id, productId));
      touchedProducts.add(productId);
      counts.productsUpdated += 1;
    }
    if (owner) {
      await tx
        .update(productVariants)
        .set({
          priceCents: row.priceCents,
          stock: row.stock,
          ...(Object.keys(row.options).length ? { options: row.options } : {}),
        })
        .where(eq(productVariants.sku, row.sku));
      stockChanges.push({ sku: row.sku, before: stockBefore.get(row.sku)!, after: row.stock });
      counts.variantsUpdated += 1;
    } else {
      const [next] = await tx
        .select({
          position: sql<number>`cast(coalesce(max(${productVariants.position}), -1) + 1 as integer)`,
        })
        .from(productVariants)
        .where(eq(productVariants.productId, productId));
      await tx.insert(productVariants).values({
        productId,
        sku: row.sku,
        options: row.options,
        priceCents: row.priceCents,
        stock: row.stock,
        position: next?.position ?? 0,
      });
      variantOwner.set(row.sku, productId);
      counts.variantsCreated += 1;
    }
  }
  await announceLowStock(tx, stockChanges);
  return counts;
}
