import Link from 'next/link';
import { formatPrice } from '@makrx/ui';
import type { Product } from '@makrx/contracts';
import { catalogHref } from '../catalog-query';
import { specRows, stockSentence } from '../product-details';
import { StockIndicator } from './stock-indicator';

/** How many specifications are lifted next to the price as key facts. */
const keyFactCount = 4;

export function ProductOverview({ product }: { product: Product }) {
  const keyFacts = specRows(product.specs).slice(0, keyFactCount);
  return (
    <div>
      <p className="text-sm font-semibold tracking-wide text-accent-700 uppercase">
        {product.brand}
      </p>
      <h1 className="mt-2 text-3xl font-extrabold tracking-tight text-ink-950 sm:text-4xl">
        {product.name}
      </h1>
      <p className="mt-4 text-lg leading-8 text-ink-600">{product.summary}</p>

      <div className="mt-7 rounded-2xl border border-ink-200 bg-ink-50/70 p-5 sm:p-6">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="text-3xl font-bold tracking-tight text-ink-950 tabular-nums">
            <span className="sr-only">Price: </span>
            {formatPrice(product.priceCents, product.currency)}
          </p>
          <StockIndicator product={product} size="md" />
        </div>
        <p className="mt-1.5 text-sm text-ink-600">{stockSentence(product)}</p>
        <dl className="mt-5 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 border-t border-ink-200 pt-5 text-sm">
          <dt className="text-ink-600">SKU</dt>
          <dd className="font-mono text-ink-900">{product.sku}</dd>
          <dt className="text-ink-600">Category</dt>
          <dd>
            <Link
              href={catalogHref({ category: product.category.slug })}
              className="font-medium text-accent-700 underline-offset-4 hover:underline"
            >
              {product.category.name}
            </Link>
          </dd>
        </dl>
      </div>

      {keyFacts.length > 0 ? (
        <section aria-labelledby="key-facts-title" className="mt-7">
          <h2 id="key-facts-title" className="text-sm font-semibold text-ink-900">
            Key facts
          </h2>
          <dl className="mt-3 grid grid-cols-2 gap-3">
            {keyFacts.map((fact) => (
              <div key={fact.label} className="rounded-xl border border-ink-200 bg-white px-4 py-3">
                <dt className="text-xs text-ink-600">{fact.label}</dt>
                <dd className="mt-0.5 text-sm font-semibold text-ink-900">{fact.value}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
    </div>
  );
}
