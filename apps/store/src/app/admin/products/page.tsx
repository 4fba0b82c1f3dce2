import type { Metadata } from 'next';
import Link from 'next/link';
import { adminProductStatuses } from '@makrx/contracts';
import { Badge, buttonClasses, EmptyState, formatPrice, Pagination } from '@makrx/ui';
import { listCategories } from '../../../features/catalog/api';
import type { SearchParams } from '../../../features/catalog/catalog-query';
import { listAdminProducts } from '../../../features/catalog-admin/api';
import { requireStoreAdminPage } from '../../../features/catalog-admin/admin-access';
import { categoryChoicesOf } from '../../../features/catalog-admin/category-choices';
import {
  AdminFrame,
  inputClasses,
  labelClasses,
  NotAStoreAdmin,
} from '../../../features/catalog-admin/components/admin-frame';
import { storeMediaUrl } from '../../../lib/service-client';
import { single } from '../../../lib/search-params';

export const metadata: Metadata = { title: 'Products · Store admin', robots: { index: false } };

type Status = (typeof adminProductStatuses)[number];
const statusLabels: Record<Status, string> = { active: 'On sale', archived: 'Archived' };

interface ListFilter {
  q: string;
  category?: string;
  status?: Status;
}

function listHref({ q, category, status }: ListFilter, page: number) {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (category) params.set('category', category);
  if (status) params.set('status', status);
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return search ? `/admin/products?${search}` : '/admin/products';
}

export default async function AdminProductsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const params = await searchParams;
  const q = (single(params.q) ?? '').trim().slice(0, 120);
  const page = Math.max(Number.parseInt(single(params.page) ?? '1', 10) || 1, 1);
  const categories = await listCategories();
  // Only a category or status the shop knows is passed on; anything else lists everything.
  const category = categories.find((c) => c.slug === single(params.category))?.slug;
  const status = adminProductStatuses.find((s) => s === single(params.status));
  const filter: ListFilter = { q, category, status };
  if (!(await requireStoreAdminPage(listHref(filter, page)))) return <NotAStoreAdmin />;
  const query = new URLSearchParams({ page: String(page), pageSize: '25' });
  if (q) query.set('q', q);
  if (category) query.set('category', category);
  if (status) query.set('status', status);
  const products = await listAdminProducts(query);
  const filtered = Boolean(q || category || status);

  return (
    <AdminFrame title="Products" current="products">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <form
          method="get"
          action="/admin/products"
          role="search"
          aria-label="Catalog admin"
          className="grid w-full gap-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)_auto] sm:items-end lg:max-w-4xl"
        >
          <div>
            <label htmlFor="admin-product-search" className={labelClasses}>
              <span className="sr-only">Search products by name, slug or SKU</span>
              <span aria-hidden="true">Search</span>
            </label>
            <input
              id="admin-product-search"
              name="q"
              type="search"
              defaultValue={q}
              placeholder="Name, slug or SKU"
              className={`mt-1 ${inputClasses}`}
            />
          </div>
          <div>
            <label htmlFor="admin-product-category" className={labelClasses}>
              Category
            </label>
            <select
              id="admin-product-category"
              name="category"
              defaultValue={category ?? ''}
              className={`mt-1 ${inputClasses}`}
            >
              <option value="">All categories</option>
              {categoryChoicesOf(categories).map((choice) => (
                <option key={choice.slug} value={choice.slug}>
                  {choice.label}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="admin-product-status" className={labelClasses}>
              Status
            </label>
            <select
              id="admin-product-status"
              name="status"
              defaultValue={status ?? ''}
              className={`mt-1 ${inputClasses}`}
            >
              <option value="">Any status</option>
              {adminProductStatuses.map((option) => (
                <option key={option} value={option}>
                  {statusLabels[option]}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className={buttonClasses({ variant: 'secondary' })}>
            Search
          </button>
        </form>
        <div className="flex items-center gap-4">
          <p className="text-sm text-ink-600">
            {products.total} {products.total === 1 ? 'product' : 'products'}
          </p>
          <Link href="/admin/products/new" className={buttonClasses()}>
            New product
          </Link>
        </div>
      </div>

      {products.items.length === 0 ? (
        <EmptyState
          className="mt-6"
          title={filtered ? 'No products match' : 'The catalog is empty'}
          description={
            filtered
              ? 'Try another search, category or status.'
              : 'Add a product, or import a CSV to add many at once.'
          }
          action={
            filtered ? (
              <Link href="/admin/products" className={buttonClasses({ variant: 'secondary' })}>
                Show all products
              </Link>
            ) : (
              <div className="flex flex-wrap justify-center gap-3">
                <Link href="/admin/products/new" className={buttonClasses()}>
                  New product
                </Link>
                <Link href="/admin/import" className={buttonClasses({ variant: 'secondary' })}>
                  Import a CSV
                </Link>
              </div>
            )
          }
        />
      ) : (
        <div className="mt-6 overflow-x-auto rounded-2xl border border-ink-200 bg-white">
          <table className="w-full min-w-[720px] text-left text-sm">
            <caption className="sr-only">Products with their stock levels</caption>
            <thead className="border-b border-ink-200 bg-ink-50 text-xs font-semibold tracking-wide text-ink-600 uppercase">
              <tr>
                <th scope="col" className="px-4 py-3">
                  Product
                </th>
                <th scope="col" className="px-4 py-3">
                  Category
                </th>
                <th scope="col" className="px-4 py-3 text-right">
                  Price
                </th>
                <th scope="col" className="px-4 py-3 text-right">
                  Variants
                </th>
                <th scope="col" className="px-4 py-3 text-right">
                  Stock
                </th>
                <th scope="col" className="px-4 py-3">
                  Status
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-ink-100">
              {products.items.map((product) => (
                <tr key={product.id} className="hover:bg-ink-50/60">
                  <td className="px-4 py-3">
                    <div className="flex items-center gap-3">
                      <img
                        src={storeMediaUrl(product.imageUrl)}
                        alt=""
                        width={40}
                        height={40}
                        className="size-10 shrink-0 rounded-lg bg-ink-100 object-cover"
                      />
                      <div className="min-w-0">
                        <Link
                          href={`/admin/products/${product.id}`}
                          className="font-semibold text-ink-950 underline-offset-4 hover:underline"
                        >
                          {product.name}
                        </Link>
                        <p className="font-mono text-xs text-ink-500">{product.sku}</p>
                      </div>
                    </div>
                  </td>
                  <td className="px-4 py-3 text-ink-700">{product.categoryName}</td>
                  <td className="px-4 py-3 text-right whitespace-nowrap tabular-nums">
                    {product.variantCount > 1 ? (
                      <span className="text-xs text-ink-500">from </span>
                    ) : null}
                    {formatPrice(product.priceCents, product.currency)}
                  </td>
                  <td className="px-4 py-3 text-right tabular-nums">{product.variantCount}</td>
                  <td className="px-4 py-3 text-right font-semibold tabular-nums">
                    {product.stock}
                  </td>
                  <td className="px-4 py-3">
                    <div className="flex flex-wrap gap-1.5">
                      {product.archived ? (
                        <Badge tone="neutral">Archived</Badge>
                      ) : (
                        <Badge tone="success">On sale</Badge>
                      )}
                      {product.lowStockVariants > 0 ? (
                        <Badge tone="warning">{product.lowStockVariants} low</Badge>
                      ) : null}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        className="mt-8"
        page={products.page}
        totalPages={products.totalPages}
        hrefFor={(target) => listHref(filter, target)}
        label="Product pages"
      />
    </AdminFrame>
  );
}
