import Link from 'next/link';
import { cx } from '@makrx/ui';
import type { Category, ProductSort } from '@makrx/contracts';
import { catalogHref } from '../catalog-query';
import { catalogProductCount, depthOf } from '../category-tree';
import { CategoryIcon } from './category-icon';

export interface CategoryNavProps {
  categories: Category[];
  activeSlug: string | undefined;
  sort: ProductSort;
}

/** Chips that scroll sideways on a phone, a list in the sidebar from large screens up. */
export function CategoryNav({ categories, activeSlug, sort }: CategoryNavProps) {
  const total = catalogProductCount(categories);
  const entries = [
    { slug: undefined, name: 'All products', productCount: total, depth: 0 },
    ...categories.map((category) => ({ ...category, depth: depthOf(categories, category.slug) })),
  ];
  return (
    <nav aria-labelledby="category-nav-title">
      <h2
        id="category-nav-title"
        className="sr-only lg:not-sr-only lg:mb-3 lg:px-3 lg:text-xs lg:font-semibold lg:tracking-wider lg:text-ink-500 lg:uppercase"
      >
        Categories
      </h2>
      {/* relative: the count's sr-only text is absolutely placed; the scrolling list must
          contain it, or it widens the page past the screen. */}
      <ul className="relative -mx-4 flex gap-2 overflow-x-auto px-4 pb-1 [scrollbar-width:none] sm:-mx-6 sm:px-6 lg:mx-0 lg:flex-col lg:gap-0.5 lg:overflow-visible lg:px-0">
        {entries.map((entry) => {
          const active = entry.slug === activeSlug;
          return (
            <li key={entry.slug ?? 'all'} className="shrink-0">
              <Link
                href={catalogHref({ category: entry.slug, sort })}
                aria-current={active ? 'page' : undefined}
                className={cx(
                  'group flex h-9 items-center gap-2.5 rounded-full border px-3.5 text-sm font-medium whitespace-nowrap transition-colors',
                  'lg:h-10 lg:rounded-lg lg:border-0 lg:px-3',
                  entry.depth === 1 && 'lg:ml-4',
                  entry.depth >= 2 && 'lg:ml-8',
                  active
                    ? 'border-ink-950 bg-ink-950 text-white lg:bg-accent-50 lg:text-accent-800'
                    : 'border-ink-200 bg-white text-ink-700 hover:border-ink-300 hover:text-ink-950 lg:bg-transparent lg:hover:bg-ink-100',
                )}
              >
                <CategoryIcon
                  slug={entry.slug}
                  className={cx(
                    'hidden size-[18px] lg:block',
                    active ? 'text-accent-600' : 'text-ink-400 group-hover:text-ink-600',
                  )}
                />
                {entry.name}
                <span
                  className={cx(
                    'ml-auto rounded-full px-1.5 text-xs tabular-nums',
                    active ? 'text-white lg:text-accent-700' : 'text-ink-500',
                  )}
                >
                  {entry.productCount}
                  <span className="sr-only"> products</span>
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
