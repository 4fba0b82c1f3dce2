import type { ProductReviewPage } from '@makrx/contracts';

/** How many reviews the product page's JSON-LD carries beside the aggregate. */
export const STRUCTURED_REVIEWS = 3;

/**
 * schema.org AggregateRating and a few Review items for the product's JSON-LD, merged into its
 * Product: only while at least one review is visible (search engines reject an empty rating).
 */
export function reviewStructuredData(
  reviews: Pick<ProductReviewPage, 'summary' | 'items'> | null,
): Record<string, unknown> {
  if (!reviews || reviews.summary.count === 0 || reviews.summary.average === null) return {};
  return {
    aggregateRating: {
      '@type': 'AggregateRating',
      ratingValue: reviews.summary.average,
      reviewCount: reviews.summary.count,
      bestRating: 5,
      worstRating: 1,
    },
    review: reviews.items.slice(0, STRUCTURED_REVIEWS).map((review) => ({
      '@type': 'Review',
      author: { '@type': 'Person', name: review.authorName },
      datePublished: review.createdAt.slice(0, 10),
      ...(review.title ? { name: review.title } : {}),
      reviewBody: review.body,
      reviewRating: {
        '@type': 'Rating',
        ratingValue: review.rating,
        bestRating: 5,
        worstRating: 1,
      },
    })),
  };
}

/** Which page of reviews the product page's `?reviews=` asks for (the first when unreadable). */
export function reviewsPageOf(value: string | string[] | undefined): number {
  const page = Number.parseInt(typeof value === 'string' ? value : '1', 10);
  return Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1;
}

/** The product page (at the shown variant, if one was picked) at another page of its reviews. */
export function reviewsPageHref(productPath: string, page: number): string {
  const separator = productPath.includes('?') ? '&' : '?';
  return page > 1 ? `${productPath}${separator}reviews=${page}#reviews` : `${productPath}#reviews`;
}
