import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { buttonClasses, Container, EmptyState, Pagination } from '@makrx/ui';
import type { Category, ProductPage } from '@makrx/contracts';
import { listCategories, listProducts } from '../features/catalog/api';
import {
  catalogHref,
  catalogPageSize,
  parseCatalogQuery,
  type CatalogQuery,
  type SearchParams,
} from '../features/catalog/catalog-query';
import { CatalogHeader } from '../features/catalog/components/catalog-header';
import { CatalogSkeleton } from '../features/catalog/components/catalog-skeleton';
import { CatalogHero } from '../features/catalog/components/catalog-hero';
import { CategoryNav } from '../features/catalog/components/category-nav';
import { CategoryIcon } from '../features/catalog/components/category-icon';
import { catalogProductCount, categoryPath } from '../features/catalog/category-tree';
import { ProductGrid } from '../features/catalog/components/product-grid';
import { SortForm } from '../features/catalog/components/sort-form';
import { NavigationSuspense } from '../components/navigation-suspense';

interface CatalogPageProps {
  searchParams: Promise<SearchParams>;
}

async function activeCategory(query: CatalogQuery): Promise<Category | undefined> {
  if (!query.category) return undefined;
  const categories = await listCategories();
  const category = categories.find((candidate) => candidate.slug === query.category);
  if (!category) notFound();
  return category;
}

export async function generateMetadata({ searchParams }: CatalogPageProps): Promise<Metadata> {
  const query = parseCatalogQuery(await searchParams);
  const category = await activeCategory(query);
  if (!category) return { alternates: { canonical: '/' } };
  const canonical = catalogHref({ category: category.slug });
  return {
    title: category.name,
    description: category.description,
    alternates: { canonical },
    openGraph: { title: `${category.name} · MakrX.Store`, description: category.description },
  };
}

function countLabel(count: number): string {
  return `${count} ${count === 1 ? 'product' : 'products'}`;
}

function CatalogResults({ query, products }: { query: CatalogQuery; products: ProductPage }) {
  if (products.items.length > 0) {
    return <ProductGrid products={products.items} showCategory={!query.category} />;
  }
  if (products.total > 0) {
    return (
      <EmptyState
        title={`There is no page ${query.page}`}
        description={`This list has ${products.totalPages} ${products.totalPages === 1 ? 'page' : 'pages'}.`}
        action={
          <Link href={catalogHref({ ...query, page: 1 })} className={buttonClasses()}>
            Go to the first page
          </Link>
        }
      />
    );
  }
  return (
    <EmptyState
      icon={<CategoryIcon slug={query.category} />}
      title="This shelf is empty right now"
      description="Nothing in this category is listed at the moment. The rest of the catalog is a click away."
      action={
        <Link href={catalogHref({ sort: query.sort })} className={buttonClasses()}>
          Browse all products
        </Link>
      }
    />
  );
}

async function Catalog({ searchParams }: CatalogPageProps) {
  const query = parseCatalogQuery(await searchParams);
  const [categories, category] = await Promise.all([listCategories(), activeCategory(query)]);
  const products = await listProducts({ ...query, pageSize: catalogPageSize });
  const isFrontPage = !category && query.page === 1;
  const totalProducts = catalogProductCount(categories);

  return (
    <>
      {isFrontPage ? (
        <CatalogHero
          showcase={query.sort === 'featured' ? products.items.slice(0, 3) : []}
          productCount={totalProducts}
          categoryCount={categories.length}
        />
      ) : (
        <CatalogHeader
          title={category?.name ?? 'All products'}
          description={category?.description}
          crumbs={[
            { label: 'Shop', href: '/' },
            ...(category
              ? categoryPath(categories, category.slug)
                  .slice(0, -1)
                  .map((ancestor) => ({
                    label: ancestor.name,
                    href: catalogHref({ category: ancestor.slug }),
                  }))
              : []),
            { label: category?.name ?? 'All products' },
          ]}
        />
      )}

      <Container
        id="catalog"
        className="grid scroll-mt-6 gap-7 py-8 lg:grid-cols-[220px_1fr] lg:gap-12 lg:py-12"
      >
        <div className="min-w-0 lg:sticky lg:top-6 lg:self-start">
          <CategoryNav categories={categories} activeSlug={category?.slug} sort={query.sort} />
        </div>

        <section aria-labelledby="results-title" className="min-w-0">
          <div className="mb-7 flex flex-wrap items-center justify-between gap-4 border-b border-ink-200 pb-5">
            <div>
              <h2 id="results-title" className="text-lg font-bold text-ink-950">
                {isFrontPage ? 'All products' : <span className="sr-only">Products</span>}
              </h2>
              <p className="text-sm text-ink-600">
                {countLabel(products.total)}
                {products.totalPages > 1
                  ? ` · page ${products.page} of ${products.totalPages}`
                  : null}
              </p>
            </div>
            <SortForm category={category?.slug} sort={query.sort} />
          </div>

          <CatalogResults query={query} products={products} />

          <Pagination
            className="mt-14 border-t border-ink-200 pt-6"
            page={products.page}
            totalPages={products.totalPages}
            hrefFor={(page) => catalogHref({ ...query, page })}
            label="Catalog pages"
          />
        </section>
      </Container>
    </>
  );
}

export default function CatalogPage({ searchParams }: CatalogPageProps) {
  return (
    <NavigationSuspense fallback={<CatalogSkeleton />}>
      <Catalog searchParams={searchParams} />
    </NavigationSuspense>
  );
}
