import Link from 'next/link';
import { ArrowRightIcon } from '@makrx/ui';
import type { ReactNode } from 'react';
import type { Product, ProductSummary } from '@makrx/contracts';
import { listProducts } from '../api';
import { catalogHref } from '../catalog-query';
import { ProductCardSkeleton } from './catalog-skeleton';
import { ProductGrid } from './product-grid';

const relatedCount = 4;

function RelatedFrame({ product, children }: { product: Product; children: ReactNode }) {
  return (
    <section aria-labelledby="related-title" className="mt-16 border-t border-ink-200 pt-12">
      <div className="mb-7 flex items-end justify-between gap-4">
        <h2 id="related-title" className="text-2xl font-bold tracking-tight text-ink-950">
          More in {product.category.name}
        </h2>
        <Link
          href={catalogHref({ category: product.category.slug })}
          className="inline-flex items-center gap-1.5 text-sm font-semibold whitespace-nowrap text-accent-700 hover:text-accent-800"
        >
          View all
          <ArrowRightIcon className="size-4" />
        </Link>
      </div>
      {children}
    </section>
  );
}

async function loadRelated(product: Product): Promise<ProductSummary[]> {
  try {
    const page = await listProducts({
      page: 1,
      pageSize: relatedCount + 1,
      sort: 'featured',
      category: product.category.slug,
    });
    return page.items.filter((item) => item.id !== product.id).slice(0, relatedCount);
  } catch {
    // Suggestions are optional: the product itself is already on screen, so a failure
    // here leaves the section out rather than replacing the page with an error.
    return [];
  }
}

export async function RelatedProducts({ product }: { product: Product }) {
  const related = await loadRelated(product);
  if (related.length === 0) return null;
  return (
    <RelatedFrame product={product}>
      <ProductGrid products={related} columns={relatedCount} showCategory={false} />
    </RelatedFrame>
  );
}

export function RelatedProductsSkeleton({ product }: { product: Product }) {
  return (
    <RelatedFrame product={product}>
      <div
        aria-hidden="true"
        className="grid grid-cols-2 gap-x-4 gap-y-9 sm:gap-x-6 md:grid-cols-4"
      >
        {Array.from({ length: relatedCount }, (_, index) => (
          <ProductCardSkeleton key={index} />
        ))}
      </div>
    </RelatedFrame>
  );
}
