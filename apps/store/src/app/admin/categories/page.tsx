import type { Metadata } from 'next';
import { Button } from '@makrx/ui';
import { listCategories } from '../../../features/catalog/api';
import type { SearchParams } from '../../../features/catalog/catalog-query';
import { categoryPath, depthOf } from '../../../features/catalog/category-tree';
import { createCategory, moveCategory } from '../../../features/catalog-admin/actions';
import { requireStoreAdminPage } from '../../../features/catalog-admin/admin-access';
import {
  AdminFrame,
  inputClasses,
  labelClasses,
  NotAStoreAdmin,
} from '../../../features/catalog-admin/components/admin-frame';
import { single } from '../../../lib/search-params';

export const metadata: Metadata = { title: 'Categories · Store admin', robots: { index: false } };

export default async function AdminCategoriesPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  if (!(await requireStoreAdminPage('/admin/categories'))) return <NotAStoreAdmin />;
  const query = await searchParams;
  const categories = await listCategories();
  const parentOptions = (excluding?: string) =>
    categories.filter(
      // A category cannot move under itself or below it (the service refuses that too).
      (candidate) =>
        !excluding ||
        !categoryPath(categories, candidate.slug).some((step) => step.slug === excluding),
    );

  return (
    <AdminFrame
      title="Categories"
      current="categories"
      notice={single(query.notice)}
      problem={single(query.problem)}
    >
      <div className="grid gap-8 lg:grid-cols-[1.4fr_1fr]">
        <section
          aria-labelledby="tree-title"
          className="rounded-2xl border border-ink-200 bg-white"
        >
          <h2
            id="tree-title"
            className="border-b border-ink-200 px-5 py-4 text-lg font-bold text-ink-950"
          >
            The category tree
          </h2>
          <ul className="divide-y divide-ink-100">
            {categories.map((category) => (
              <li key={category.slug} className="flex flex-wrap items-center gap-3 px-5 py-3">
                <div
                  className="min-w-0 flex-1"
                  style={{ paddingLeft: `${depthOf(categories, category.slug) * 1.25}rem` }}
                >
                  <p className="font-semibold text-ink-950">{category.name}</p>
                  <p className="text-xs text-ink-500">
                    <span className="font-mono">{category.slug}</span> · {category.productCount}{' '}
                    {category.productCount === 1 ? 'product' : 'products'}
                  </p>
                </div>
                <form action={moveCategory} className="flex items-end gap-2">
                  <input type="hidden" name="slug" value={category.slug} />
                  <div className="w-44">
                    <label
                      htmlFor={`parent-${category.slug}`}
                      className="text-xs font-medium text-ink-700"
                    >
                      Sits under
                    </label>
                    <select
                      id={`parent-${category.slug}`}
                      name="parentSlug"
                      defaultValue={category.parentSlug ?? ''}
                      className={`mt-1 ${inputClasses}`}
                    >
                      <option value="">(top level)</option>
                      {parentOptions(category.slug).map((parent) => (
                        <option key={parent.slug} value={parent.slug}>
                          {parent.name}
                        </option>
                      ))}
                    </select>
                  </div>
                  <Button type="submit" variant="secondary" size="sm">
                    Move
                  </Button>
                </form>
              </li>
            ))}
          </ul>
        </section>

        <section
          aria-labelledby="new-category-title"
          className="self-start rounded-2xl border border-ink-200 bg-white p-5 sm:p-6"
        >
          <h2 id="new-category-title" className="text-lg font-bold text-ink-950">
            New category
          </h2>
          <form action={createCategory} className="mt-4 space-y-4">
            <div>
              <label htmlFor="category-name" className={labelClasses}>
                Name
              </label>
              <input id="category-name" name="name" required className={`mt-1.5 ${inputClasses}`} />
            </div>
            <div>
              <label htmlFor="category-slug" className={labelClasses}>
                Slug
              </label>
              <input
                id="category-slug"
                name="slug"
                required
                pattern="[a-z0-9-]+"
                aria-describedby="category-slug-hint"
                className={`mt-1.5 font-mono ${inputClasses}`}
              />
              <p id="category-slug-hint" className="mt-1.5 text-xs text-ink-600">
                Lowercase letters, digits and dashes; it becomes part of the address.
              </p>
            </div>
            <div>
              <label htmlFor="category-parent" className={labelClasses}>
                Sits under
              </label>
              <select
                id="category-parent"
                name="parentSlug"
                defaultValue=""
                className={`mt-1.5 ${inputClasses}`}
              >
                <option value="">(top level)</option>
                {categories.map((parent) => (
                  <option key={parent.slug} value={parent.slug}>
                    {'— '.repeat(depthOf(categories, parent.slug))}
                    {parent.name}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="category-description" className={labelClasses}>
                Description
              </label>
              <textarea
                id="category-description"
                name="description"
                rows={3}
                className={`mt-1.5 ${inputClasses}`}
              />
            </div>
            <Button type="submit">Create category</Button>
          </form>
        </section>
      </div>
    </AdminFrame>
  );
}
