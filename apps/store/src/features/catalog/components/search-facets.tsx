import Link from 'next/link';
import { cx } from '@makrx/ui';
import type { FacetValue, SearchFacets as Facets } from '@makrx/contracts';
import { toggledFilter, type SearchPageQuery } from '../search-query';

function FacetLink({
  href,
  active,
  label,
  count,
}: {
  href: string;
  active: boolean;
  label: string;
  count: number;
}) {
  return (
    <Link
      href={href}
      aria-current={active ? 'true' : undefined}
      className={cx(
        'flex min-h-10 items-center gap-2.5 rounded-lg px-3 text-sm transition-colors',
        active
          ? 'bg-accent-50 font-semibold text-accent-900'
          : 'text-ink-700 hover:bg-ink-100 hover:text-ink-950',
      )}
    >
      <span
        aria-hidden="true"
        className={cx(
          'grid size-4 shrink-0 place-items-center rounded border text-[10px] leading-none',
          active ? 'border-accent-600 bg-accent-600 text-white' : 'border-ink-300 bg-white',
        )}
      >
        {active ? '✓' : ''}
      </span>
      <span className="min-w-0 flex-1 truncate">{label}</span>
      <span className="text-xs text-ink-500 tabular-nums">
        {count}
        <span className="sr-only"> results</span>
      </span>
    </Link>
  );
}

function FacetGroup({
  title,
  values,
  query,
  field,
  idPrefix,
}: {
  title: string;
  values: FacetValue[];
  query: SearchPageQuery;
  field: 'category' | 'price' | 'material';
  idPrefix: string;
}) {
  if (values.length === 0) return null;
  const id = `${idPrefix}-${field}`;
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className="px-3 text-xs font-semibold tracking-wider text-ink-500 uppercase">
        {title}
      </h3>
      <ul className="mt-2 space-y-0.5">
        {values.map((value) => (
          <li key={value.value}>
            <FacetLink
              href={toggledFilter(query, field, value.value as never)}
              active={query[field] === value.value}
              label={value.label}
              count={value.count}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Filters as links: each toggles one value and keeps the others, so no JavaScript is needed. */
export function SearchFacets({
  facets,
  query,
  idPrefix = 'facet',
}: {
  facets: Facets;
  query: SearchPageQuery;
  /** Keeps ids unique when the filters are on the page twice (phone and desktop layouts). */
  idPrefix?: string;
}) {
  const group = { query, idPrefix };
  return (
    <nav aria-label="Filter results" className="space-y-6">
      <FacetGroup title="Category" values={facets.categories} field="category" {...group} />
      <FacetGroup title="Price" values={facets.prices} field="price" {...group} />
      <section aria-labelledby={`${idPrefix}-stock`}>
        <h3
          id={`${idPrefix}-stock`}
          className="px-3 text-xs font-semibold tracking-wider text-ink-500 uppercase"
        >
          Availability
        </h3>
        <div className="mt-2">
          <FacetLink
            href={toggledFilter(query, 'inStock', true)}
            active={query.inStock === true}
            label="In stock"
            count={facets.inStock}
          />
        </div>
      </section>
      <FacetGroup title="Material" values={facets.materials} field="material" {...group} />
    </nav>
  );
}
