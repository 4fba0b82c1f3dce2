import type { Metadata } from 'next';
import Link from 'next/link';
import { buttonClasses, ChevronRightIcon, Container, EmptyState, Pagination } from '@makrx/ui';
import { listCategories, searchProducts } from '../../features/catalog/api';
import { catalogHref, type SearchParams } from '../../features/catalog/catalog-query';
import { Breadcrumbs } from '../../features/catalog/components/breadcrumbs';
import { ProductGrid } from '../../features/catalog/components/product-grid';
import { SearchFacets } from '../../features/catalog/components/search-facets';
import { SearchSortSelect } from '../../features/catalog/components/search-sort-select';
import {
  parseSearchQuery,
  searchHref,
  searchPageSize,
  type SearchPageQuery,
} from '../../features/catalog/search-query';
import { serverFlags } from '../../features/flags/server-flags';
import { storeConfig } from '../../lib/config';
import { Notice } from '../../components/form-field';
import { cartProblemMessage } from '../../features/cart/cart-messages';
import { NavigationSuspense } from '../../components/navigation-suspense';
import { CatalogSkeleton } from '../../features/catalog/components/catalog-skeleton';

interface SearchPageProps {
  searchParams: Promise<SearchParams>;
}

export async function generateMetadata({ searchParams }: SearchPageProps): Promise<Metadata> {
  const { q } = parseSearchQuery(await searchParams);
  return {
    title: q ? `Search: ${q}` : 'Search',
    // Result pages are for people, not for search engines' indexes.
    robots: { index: false, follow: true },
    alternates: { canonical: '/search' },
  };
}

function SearchForm({ query }: { query: SearchPageQuery }) {
  return (
    <form
      method="get"
      action="/search"
      role="search"
      aria-label="Products"
      className="mt-5 flex max-w-2xl gap-2"
    >
      <label htmlFor="store-search" className="sr-only">
        Search the store
      </label>
      <input
        id="store-search"
        name="q"
        type="search"
        defaultValue={query.q}
        placeholder="Filament, nozzles, ESP32…"
        className="h-12 min-w-0 flex-1 rounded-xl border-0 bg-white px-4 text-base text-ink-950 shadow-sm ring-1 ring-ink-300 ring-inset placeholder:text-ink-400 focus:ring-2 focus:ring-accent-600 focus:outline-none"
      />
      <button type="submit" className={buttonClasses({ size: 'lg' })}>
        Search
      </button>
    </form>
  );
}

function SortForm({ query }: { query: SearchPageQuery }) {
  const kept = { ...query, sort: undefined, page: undefined };
  return (
    <form method="get" action="/search" className="flex items-center gap-2.5">
      {[...new URLSearchParams(searchHref(kept).split('?')[1] ?? '')].map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label htmlFor="search-sort" className="text-sm whitespace-nowrap text-ink-600">
        Sort by
      </label>
      <div className="relative">
        <SearchSortSelect id="search-sort" value={query.sort} />
        <ChevronRightIcon className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 rotate-90 text-ink-500" />
      </div>
      <noscript>
        <button type="submit" className={buttonClasses({ variant: 'secondary' })}>
          Apply
        </button>
      </noscript>
    </form>
  );
}

async function SearchResults({ searchParams }: SearchPageProps) {
  const given = await searchParams;
  const query = parseSearchQuery(given);
  const cartProblem = cartProblemMessage(
    typeof given.cartError === 'string' ? given.cartError : undefined,
  );
  const [flags, categories, { portalUrls }] = await Promise.all([
    serverFlags(),
    listCategories(),
    storeConfig(),
  ]);
  const params = new URLSearchParams(searchHref(query).split('?')[1] ?? '');
  params.set('pageSize', String(searchPageSize));
  const results = await searchProducts(params);
  const facets =
    flags.isOn('ENABLE_ADVANCED_SEARCH') && results.advanced ? results.facets : undefined;
  const activeFilters = [query.category, query.price, query.inStock, query.material].filter(
    Boolean,
  ).length;
  const filtered = activeFilters > 0;
  const suggestions = categories.filter((category) => category.parentSlug === null);
  // The unified search (makerspaces, makers, projects too) is the gateway's, while it is on.
  const everywhere =
    query.q && flags.isOn('ENABLE_UNIFIED_SEARCH', true)
      ? `${portalUrls.gateway}/search?${new URLSearchParams({ q: query.q })}`
      : null;

  return (
    <>
      <section className="border-b border-ink-200 bg-gradient-to-b from-accent-50/70 to-white">
        <Container className="py-8 sm:py-10">
          <Breadcrumbs crumbs={[{ label: 'Shop', href: '/' }, { label: 'Search' }]} />
          <h1 className="mt-4 text-3xl font-extrabold tracking-tight text-ink-950 sm:text-4xl">
            {query.q ? (
              <>
                Results for <span className="text-accent-700">“{query.q}”</span>
              </>
            ) : (
              'Search the store'
            )}
          </h1>
          <SearchForm query={query} />
          {results.correctedQuery ? (
            <div className="mt-4 text-base text-ink-700">
              <p>
                Showing results for{' '}
                <strong className="font-semibold text-ink-950">{results.correctedQuery}</strong>.
              </p>
              <p className="text-sm">
                Search instead for{' '}
                <Link
                  href={searchHref({ q: query.q, exact: true })}
                  className="font-medium text-accent-700 underline underline-offset-2 hover:text-accent-800"
                >
                  {query.q}
                </Link>
              </p>
            </div>
          ) : results.suggestedQuery ? (
            <p className="mt-4 text-base text-ink-700">
              Did you mean{' '}
              <Link
                href={searchHref({ q: results.suggestedQuery })}
                className="font-semibold text-accent-700 underline underline-offset-2 hover:text-accent-800"
              >
                {results.suggestedQuery}
              </Link>
              ?
            </p>
          ) : null}
          {everywhere ? (
            <p className="mt-3 text-sm">
              <a
                href={everywhere}
                className="inline-flex items-center gap-1 font-medium text-accent-700 underline-offset-2 hover:text-accent-800 hover:underline"
              >
                Search all of MakrX for “{query.q}”
                <ChevronRightIcon aria-hidden="true" className="size-4" />
              </a>
            </p>
          ) : null}
        </Container>
      </section>

      <Container
        className={
          facets ? 'grid gap-8 py-8 lg:grid-cols-[240px_1fr] lg:gap-12 lg:py-12' : 'py-8 lg:py-12'
        }
      >
        {facets ? (
          <>
            {/* A phone shows the results first and the filters on request. */}
            <details className="rounded-xl border border-ink-200 bg-white lg:hidden">
              <summary className="flex min-h-12 cursor-pointer items-center justify-between px-4 text-sm font-semibold text-ink-900">
                Filters
                {activeFilters > 0 ? (
                  <span className="rounded-full bg-accent-600 px-2 py-0.5 text-xs text-white">
                    {activeFilters} on
                  </span>
                ) : null}
              </summary>
              <div className="border-t border-ink-200 px-1 py-4">
                <SearchFacets facets={facets} query={query} idPrefix="phone-facet" />
              </div>
            </details>
            <div className="hidden lg:sticky lg:top-6 lg:block lg:self-start">
              <SearchFacets facets={facets} query={query} />
            </div>
          </>
        ) : null}

        <section aria-labelledby="search-results-title" className="min-w-0">
          <div className="mb-7 flex flex-wrap items-center justify-between gap-4 border-b border-ink-200 pb-5">
            <div>
              <h2 id="search-results-title" className="text-lg font-bold text-ink-950">
                {results.total} {results.total === 1 ? 'result' : 'results'}
              </h2>
              {results.totalPages > 1 ? (
                <p className="text-sm text-ink-600">
                  Page {results.page} of {results.totalPages}
                </p>
              ) : null}
            </div>
            {results.total > 0 ? <SortForm query={query} /> : null}
          </div>

          {cartProblem ? (
            <Notice tone="warning" className="mb-6">
              {cartProblem}
            </Notice>
          ) : null}
          {results.items.length > 0 ? (
            <ProductGrid products={results.items} showCategory cartReturnTo={searchHref(query)} />
          ) : (
            <EmptyState
              title={query.q ? `Nothing found for “${query.q}”` : 'Nothing matches these filters'}
              description={
                filtered
                  ? 'Try removing a filter, or browse a category instead.'
                  : 'Check the spelling, try a shorter or more general word, or browse a category.'
              }
              action={
                <div className="flex flex-wrap justify-center gap-2">
                  {filtered ? (
                    <Link href={searchHref({ q: query.q })} className={buttonClasses()}>
                      Clear the filters
                    </Link>
                  ) : null}
                  {suggestions.map((category) => (
                    <Link
                      key={category.slug}
                      href={catalogHref({ category: category.slug })}
                      className={buttonClasses({ variant: 'secondary' })}
                    >
                      {category.name}
                    </Link>
                  ))}
                </div>
              }
            />
          )}

          <Pagination
            className="mt-14 border-t border-ink-200 pt-6"
            page={results.page}
            totalPages={results.totalPages}
            hrefFor={(page) => searchHref({ ...query, page })}
            label="Result pages"
          />
        </section>
      </Container>
    </>
  );
}

export default function SearchPage({ searchParams }: SearchPageProps) {
  return (
    <NavigationSuspense fallback={<CatalogSkeleton />}>
      <SearchResults searchParams={searchParams} />
    </NavigationSuspense>
  );
}
