import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { Suspense } from 'react';
import { Container } from '@makrx/ui';
import { findProduct } from '../../../features/catalog/api';
import {
  catalogHref,
  productHref,
  type SearchParams,
} from '../../../features/catalog/catalog-query';
import { ProductGallery } from '../../../features/catalog/components/product-gallery';
import { Breadcrumbs } from '../../../features/catalog/components/breadcrumbs';
import { ProductOverview } from '../../../features/catalog/components/product-overview';
import { ChosenVariantProvider } from '../../../features/catalog/components/chosen-variant';
import { StickyPurchaseBar } from '../../../features/catalog/components/sticky-purchase-bar';
import { ProductSkeleton } from '../../../features/catalog/components/product-skeleton';
import {
  RelatedProducts,
  RelatedProductsSkeleton,
} from '../../../features/catalog/components/related-products';
import { SpecTable } from '../../../features/catalog/components/spec-table';
import {
  descriptionParagraphs,
  productStructuredData,
} from '../../../features/catalog/product-details';
import {
  productPageTitle,
  variantBySku,
  variantFromOptions,
  variantHref,
} from '../../../features/catalog/variant-selection';
import { NavigationSuspense } from '../../../components/navigation-suspense';
import { readProductReviews } from '../../../features/reviews/api';
import { ProductReviews } from '../../../features/reviews/components/product-reviews';
import {
  reviewsPageHref,
  reviewsPageOf,
  reviewStructuredData,
} from '../../../features/reviews/review-structured-data';
import { storeConfig } from '../../../lib/config';
import { single } from '../../../lib/search-params';

interface ProductPageProps {
  params: Promise<{ slug: string }>;
  searchParams: Promise<SearchParams>;
}

export async function generateMetadata({
  params,
  searchParams,
}: ProductPageProps): Promise<Metadata> {
  const { slug } = await params;
  const product = await findProduct(slug);
  if (!product) return { title: 'Product not found' };
  const shown =
    variantBySku(product.variants, single((await searchParams).variant)) ?? product.variants[0]!;
  const title = productPageTitle(product, shown);
  return {
    title,
    description: product.summary,
    alternates: { canonical: productHref(product.slug) },
    openGraph: {
      type: 'website',
      title,
      description: product.summary,
      url: productHref(product.slug),
      images: [{ url: product.imageUrl, width: 800, height: 800, alt: product.name }],
    },
    twitter: { card: 'summary', title, description: product.summary },
  };
}

/** JSON inside a script tag must not be able to close the tag. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

async function ProductDetails({ params, searchParams }: ProductPageProps) {
  const { slug } = await params;
  const product = await findProduct(slug);
  if (!product) notFound();
  const query = await searchParams;
  // The variant picker submits its options; the page answers at the variant's own URL.
  const picked = variantFromOptions(product.variants, query);
  if (picked) redirect(variantHref(product.slug, picked.sku));
  const requested = single(query.variant);
  const selected = variantBySku(product.variants, requested) ?? product.variants[0]!;
  const image = Number(single(query.image));
  const [{ portalUrls }, reviews] = await Promise.all([
    storeConfig(),
    readProductReviews(product.slug, reviewsPageOf(query.reviews)),
  ]);
  const paragraphs = descriptionParagraphs(product.description);
  const structuredData = {
    ...productStructuredData(product, new URL(productHref(product.slug), portalUrls.store).href),
    ...reviewStructuredData(reviews),
  };

  return (
    <Container className="pt-6 pb-16 sm:pt-8 sm:pb-20">
      <script
        type="application/ld+json"
        dangerouslySetInnerHTML={{ __html: scriptSafeJson(structuredData) }}
      />
      <Breadcrumbs
        crumbs={[
          { label: 'Shop', href: '/' },
          ...product.categoryPath.map((category) => ({
            label: category.name,
            href: catalogHref({ category: category.slug }),
          })),
          { label: product.name },
        ]}
      />

      <ChosenVariantProvider product={product} initialSku={selected.sku}>
        <div className="mt-6 grid gap-8 lg:mt-8 lg:grid-cols-2 lg:gap-14">
          <div className="lg:sticky lg:top-6 lg:self-start">
            <ProductGallery initialImage={Number.isInteger(image) ? image : undefined} />
          </div>
          <ProductOverview cartError={single(query.cartError)} />
        </div>

        <div className="mt-14 grid gap-12 border-t border-ink-200 pt-12 lg:grid-cols-[1.25fr_1fr] lg:gap-16">
          <section aria-labelledby="description-title">
            <h2 id="description-title" className="text-2xl font-bold tracking-tight text-ink-950">
              About this product
            </h2>
            <div className="mt-5 max-w-prose space-y-4 text-base leading-7 text-ink-700">
              {paragraphs.map((paragraph, index) => (
                <p key={index}>{paragraph}</p>
              ))}
            </div>
          </section>
          <section aria-labelledby="specs-title">
            <h2 id="specs-title" className="text-2xl font-bold tracking-tight text-ink-950">
              Specifications
            </h2>
            <div className="mt-5">
              <SpecTable specs={product.specs} caption={`Specifications of ${product.name}`} />
            </div>
          </section>
        </div>

        <ProductReviews
          reviews={reviews}
          pageHref={(page) =>
            reviewsPageHref(
              requested ? variantHref(product.slug, requested) : productHref(product.slug),
              page,
            )
          }
          justReviewed={query.reviewed === '1'}
        />

        <Suspense fallback={<RelatedProductsSkeleton product={product} />}>
          <RelatedProducts product={product} />
        </Suspense>
        <StickyPurchaseBar />
      </ChosenVariantProvider>
    </Container>
  );
}

export default function ProductPage({ params, searchParams }: ProductPageProps) {
  return (
    <NavigationSuspense fallback={<ProductSkeleton />}>
      <ProductDetails params={params} searchParams={searchParams} />
    </NavigationSuspense>
  );
}
