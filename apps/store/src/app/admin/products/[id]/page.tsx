import type { ReactNode } from 'react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Badge, Button, formatPrice } from '@makrx/ui';
import type { AdminProduct } from '@makrx/contracts';
import { listCategories } from '../../../../features/catalog/api';
import type { SearchParams } from '../../../../features/catalog/catalog-query';
import { depthOf } from '../../../../features/catalog/category-tree';
import {
  addVariant,
  adjustStock,
  deleteImage,
  saveImage,
  saveProduct,
  saveVariant,
  uploadImage,
} from '../../../../features/catalog-admin/actions';
import { requireStoreAdminPage } from '../../../../features/catalog-admin/admin-access';
import { readAdminProduct } from '../../../../features/catalog-admin/api';
import {
  AdminFrame,
  inputClasses,
  labelClasses,
  NotAStoreAdmin,
} from '../../../../features/catalog-admin/components/admin-frame';
import { ServiceError, storeMediaUrl } from '../../../../lib/service-client';

export const metadata: Metadata = { title: 'Edit product · Store admin', robots: { index: false } };

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const optionsText = (options: Record<string, string>) =>
  Object.entries(options)
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');

async function loadProduct(id: string): Promise<AdminProduct> {
  if (!/^[0-9a-f-]{36}$/.test(id)) notFound();
  try {
    return await readAdminProduct(id);
  } catch (error) {
    if (error instanceof ServiceError && error.status === 404) notFound();
    throw error;
  }
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-2xl border border-ink-200 bg-white p-5 sm:p-6">
      <h2 id={id} className="text-lg font-bold text-ink-950">
        {title}
      </h2>
      <div className="mt-4">{children}</div>
    </section>
  );
}

export default async function EditProductPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { id } = await params;
  const query = await searchParams;
  if (!(await requireStoreAdminPage(`/admin/products/${id}`))) return <NotAStoreAdmin />;
  const [product, categories] = await Promise.all([loadProduct(id), listCategories()]);

  return (
    <AdminFrame
      title={product.name}
      current="products"
      crumbs={[{ label: 'Products', href: '/admin/products' }, { label: product.name }]}
      notice={single(query.notice)}
      problem={single(query.problem)}
    >
      <div className="mb-6 flex flex-wrap items-center gap-3 text-sm">
        {product.archived ? (
          <Badge tone="neutral">Archived</Badge>
        ) : (
          <Badge tone="success">On sale</Badge>
        )}
        {!product.archived ? (
          <Link
            href={`/products/${product.slug}`}
            className="font-semibold text-accent-700 underline-offset-4 hover:underline"
          >
            View in the shop
          </Link>
        ) : null}
        <span className="font-mono text-ink-500">{product.slug}</span>
      </div>

      <div className="grid gap-6 lg:grid-cols-[1fr_1fr]">
        <Section id="details-title" title="Details">
          <form action={saveProduct} className="space-y-4">
            <input type="hidden" name="productId" value={product.id} />
            <div>
              <label htmlFor="name" className={labelClasses}>
                Name
              </label>
              <input
                id="name"
                name="name"
                required
                defaultValue={product.name}
                className={`mt-1.5 ${inputClasses}`}
              />
            </div>
            <div className="grid gap-4 sm:grid-cols-2">
              <div>
                <label htmlFor="brand" className={labelClasses}>
                  Brand
                </label>
                <input
                  id="brand"
                  name="brand"
                  defaultValue={product.brand}
                  className={`mt-1.5 ${inputClasses}`}
                />
              </div>
              <div>
                <label htmlFor="categorySlug" className={labelClasses}>
                  Category
                </label>
                <select
                  id="categorySlug"
                  name="categorySlug"
                  defaultValue={product.categorySlug}
                  className={`mt-1.5 ${inputClasses}`}
                >
                  {categories.map((category) => (
                    <option key={category.slug} value={category.slug}>
                      {'— '.repeat(depthOf(categories, category.slug))}
                      {category.name}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <div>
              <label htmlFor="summary" className={labelClasses}>
                Summary
              </label>
              <input
                id="summary"
                name="summary"
                defaultValue={product.summary}
                className={`mt-1.5 ${inputClasses}`}
              />
            </div>
            <div>
              <label htmlFor="description" className={labelClasses}>
                Description
              </label>
              <textarea
                id="description"
                name="description"
                rows={5}
                defaultValue={product.description}
                className={`mt-1.5 ${inputClasses}`}
              />
            </div>
            <div className="flex items-center gap-2">
              <input
                id="archived"
                name="archived"
                type="checkbox"
                defaultChecked={product.archived}
                className="size-4 rounded border-ink-300 text-accent-600"
              />
              <label htmlFor="archived" className="text-sm text-ink-900">
                Archived (hidden from the shop)
              </label>
            </div>
            <Button type="submit">Save details</Button>
          </form>
        </Section>

        <Section id="images-title" title="Images">
          {product.images.length === 0 ? (
            <p className="text-sm text-ink-600">
              No photos yet: the shop shows the catalog illustration.
            </p>
          ) : (
            <ul className="space-y-3">
              {product.images.map((image) => (
                <li key={image.id} className="flex gap-3 rounded-xl border border-ink-200 p-3">
                  <img
                    src={storeMediaUrl(image.url)}
                    alt={image.alt}
                    width={72}
                    height={72}
                    className="size-18 shrink-0 rounded-lg bg-ink-100 object-cover"
                  />
                  <div className="min-w-0 flex-1 space-y-2">
                    <form action={saveImage} className="flex flex-wrap items-end gap-2">
                      <input type="hidden" name="productId" value={product.id} />
                      <input type="hidden" name="imageId" value={image.id} />
                      <div className="min-w-40 flex-1">
                        <label
                          htmlFor={`alt-${image.id}`}
                          className="text-xs font-medium text-ink-700"
                        >
                          Alt text
                        </label>
                        <input
                          id={`alt-${image.id}`}
                          name="alt"
                          defaultValue={image.alt}
                          className={`mt-1 ${inputClasses}`}
                        />
                      </div>
                      <div className="w-20">
                        <label
                          htmlFor={`position-${image.id}`}
                          className="text-xs font-medium text-ink-700"
                        >
                          Order
                        </label>
                        <input
                          id={`position-${image.id}`}
                          name="position"
                          type="number"
                          min={0}
                          max={100}
                          defaultValue={image.position}
                          className={`mt-1 ${inputClasses}`}
                        />
                      </div>
                      <Button type="submit" variant="secondary" size="sm">
                        Save
                      </Button>
                    </form>
                    <form action={deleteImage}>
                      <input type="hidden" name="productId" value={product.id} />
                      <input type="hidden" name="imageId" value={image.id} />
                      <button
                        type="submit"
                        className="text-xs font-semibold text-red-700 underline-offset-4 hover:underline"
                      >
                        Remove this image
                      </button>
                    </form>
                  </div>
                </li>
              ))}
            </ul>
          )}
          <form action={uploadImage} className="mt-5 space-y-3 border-t border-ink-200 pt-5">
            <input type="hidden" name="productId" value={product.id} />
            <div>
              <label htmlFor="image" className={labelClasses}>
                Add an image
              </label>
              <input
                id="image"
                name="image"
                type="file"
                required
                accept="image/png,image/jpeg,image/webp"
                aria-describedby="image-hint"
                className="mt-1.5 block w-full text-sm text-ink-700 file:mr-3 file:rounded-lg file:border-0 file:bg-ink-100 file:px-3 file:py-2 file:text-sm file:font-semibold file:text-ink-900"
              />
              <p id="image-hint" className="mt-1.5 text-xs text-ink-600">
                PNG, JPEG or WebP, at most 5 MB.
              </p>
            </div>
            <div>
              <label htmlFor="new-alt" className={labelClasses}>
                Alt text
              </label>
              <input
                id="new-alt"
                name="alt"
                placeholder="What the photo shows"
                className={`mt-1.5 ${inputClasses}`}
              />
            </div>
            <Button type="submit" variant="secondary">
              Upload image
            </Button>
          </form>
        </Section>
      </div>

      <div className="mt-6">
        <Section id="variants-title" title="Variants and stock">
          <ul className="space-y-4">
            {product.variants.map((variant) => (
              <li
                key={variant.id}
                className="rounded-xl border border-ink-200 p-4"
                data-variant={variant.sku}
              >
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <p className="font-mono text-sm font-semibold text-ink-950">{variant.sku}</p>
                  <p className="text-sm text-ink-600">
                    {formatPrice(variant.priceCents, product.currency)} ·{' '}
                    <span className={variant.stock < 5 ? 'font-semibold text-amber-800' : ''}>
                      {variant.stock} in stock
                    </span>
                  </p>
                </div>
                <div className="mt-3 grid gap-4 md:grid-cols-2">
                  <form action={saveVariant} className="flex flex-wrap items-end gap-2">
                    <input type="hidden" name="productId" value={product.id} />
                    <input type="hidden" name="sku" value={variant.sku} />
                    <div className="w-28">
                      <label
                        htmlFor={`price-${variant.sku}`}
                        className="text-xs font-medium text-ink-700"
                      >
                        Price ({product.currency})
                      </label>
                      <input
                        id={`price-${variant.sku}`}
                        name="price"
                        inputMode="decimal"
                        defaultValue={(variant.priceCents / 100).toFixed(2)}
                        className={`mt-1 ${inputClasses}`}
                      />
                    </div>
                    <div className="min-w-40 flex-1">
                      <label
                        htmlFor={`options-${variant.sku}`}
                        className="text-xs font-medium text-ink-700"
                      >
                        Options
                      </label>
                      <input
                        id={`options-${variant.sku}`}
                        name="options"
                        defaultValue={optionsText(variant.options)}
                        placeholder="colour=Black; size=1 kg"
                        className={`mt-1 ${inputClasses}`}
                      />
                    </div>
                    <Button type="submit" variant="secondary" size="sm">
                      Save
                    </Button>
                  </form>
                  <form action={adjustStock} className="flex flex-wrap items-end gap-2">
                    <input type="hidden" name="productId" value={product.id} />
                    <input type="hidden" name="sku" value={variant.sku} />
                    <div className="w-24">
                      <label
                        htmlFor={`stock-${variant.sku}`}
                        className="text-xs font-medium text-ink-700"
                      >
                        Stock
                      </label>
                      <input
                        id={`stock-${variant.sku}`}
                        name="stock"
                        type="number"
                        min={0}
                        required
                        defaultValue={variant.stock}
                        className={`mt-1 ${inputClasses}`}
                      />
                    </div>
                    <div className="min-w-40 flex-1">
                      <label
                        htmlFor={`reason-${variant.sku}`}
                        className="text-xs font-medium text-ink-700"
                      >
                        Reason
                      </label>
                      <input
                        id={`reason-${variant.sku}`}
                        name="reason"
                        required
                        minLength={3}
                        placeholder="Stocktake, delivery, damage…"
                        className={`mt-1 ${inputClasses}`}
                      />
                    </div>
                    <Button type="submit" size="sm">
                      Update stock
                    </Button>
                  </form>
                </div>
              </li>
            ))}
          </ul>
          <form action={addVariant} className="mt-6 border-t border-ink-200 pt-5">
            <input type="hidden" name="productId" value={product.id} />
            <h3 className="text-sm font-semibold text-ink-900">Add a variant</h3>
            <div className="mt-3 flex flex-wrap items-end gap-3">
              <div className="w-48">
                <label htmlFor="new-sku" className="text-xs font-medium text-ink-700">
                  SKU
                </label>
                <input
                  id="new-sku"
                  name="sku"
                  required
                  pattern="[A-Za-z0-9][A-Za-z0-9-]*"
                  className={`mt-1 font-mono ${inputClasses}`}
                />
              </div>
              <div className="min-w-48 flex-1">
                <label htmlFor="new-options" className="text-xs font-medium text-ink-700">
                  Options
                </label>
                <input
                  id="new-options"
                  name="options"
                  placeholder="colour=Black; size=1 kg"
                  className={`mt-1 ${inputClasses}`}
                />
              </div>
              <div className="w-28">
                <label htmlFor="new-price" className="text-xs font-medium text-ink-700">
                  Price
                </label>
                <input
                  id="new-price"
                  name="price"
                  required
                  inputMode="decimal"
                  placeholder="24.99"
                  className={`mt-1 ${inputClasses}`}
                />
              </div>
              <div className="w-24">
                <label htmlFor="new-stock" className="text-xs font-medium text-ink-700">
                  Stock
                </label>
                <input
                  id="new-stock"
                  name="stock"
                  type="number"
                  min={0}
                  defaultValue={0}
                  className={`mt-1 ${inputClasses}`}
                />
              </div>
              <Button type="submit" variant="secondary">
                Add variant
              </Button>
            </div>
          </form>
        </Section>
      </div>
    </AdminFrame>
  );
}
