'use client';

import Link from 'next/link';
import { formatPrice } from '@makrx/ui';
import { AddToCartForm } from '../../cart/components/add-to-cart-form';
import { catalogHref } from '../catalog-query';
import { specRows, stockSentence } from '../product-details';
import { variantHref, variantLabel } from '../variant-selection';
import { useChosenVariant } from './chosen-variant';
import { StockIndicator } from './stock-indicator';
import { VariantPicker } from './variant-picker';

/** How many specifications are lifted next to the price as key facts. */
const keyFactCount = 4;

export interface ProductOverviewProps {
  /** The service's reason when the last add to cart was refused (`?cartError=`). */
  cartError?: string;
}

/** Name, options, price, stock and the add-to-cart form of the variant being shown. */
export function ProductOverview({ cartError }: ProductOverviewProps) {
  const { product, selected } = useChosenVariant();
  const hasOptions = product.variants.length > 1;
  const keyFacts = specRows(product.specs).slice(0, keyFactCount);
  return (
    <div>
      <p className="text-sm font-semibold tracking-wide text-accent-700 uppercase">
        {product.brand}
      </p>
      <h1 className="mt-2 text-3xl font-extrabold tracking-tight text-ink-950 sm:text-4xl">
        {product.name}
        {hasOptions ? (
          <span className="mt-1 block text-xl font-semibold text-ink-700 sm:text-2xl">
            <span className="sr-only">, </span>
            {variantLabel(selected)}
          </span>
        ) : null}
      </h1>
      <p className="mt-4 text-lg leading-8 text-ink-600">{product.summary}</p>

      {hasOptions ? <VariantPicker /> : null}

      <div
        className="mt-7 rounded-2xl border border-ink-200 bg-ink-50/70 p-5 sm:p-6"
        aria-live="polite"
        data-selected-variant={selected.sku}
      >
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="text-3xl font-bold tracking-tight text-ink-950 tabular-nums" data-price>
            <span className="sr-only">Price: </span>
            {formatPrice(selected.priceCents, product.currency)}
          </p>
          <StockIndicator product={selected} size="md" />
        </div>
        <p className="mt-1.5 text-sm text-ink-600" data-stock>
          {stockSentence(selected)}
        </p>
        <AddToCartForm
          variant={selected}
          returnTo={variantHref(product.slug, selected.sku)}
          error={cartError}
        />
        <dl className="mt-5 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 border-t border-ink-200 pt-5 text-sm">
          <dt className="text-ink-600">SKU</dt>
          <dd className="font-mono text-ink-900">{selected.sku}</dd>
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
