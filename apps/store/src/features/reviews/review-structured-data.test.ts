import { describe, expect, it } from 'vitest';
import type { Product, ProductReview, ProductReviewPage } from '@makrx/contracts';
import { productStructuredData } from '../catalog/product-details';
import {
  reviewsPageHref,
  reviewsPageOf,
  reviewStructuredData,
  STRUCTURED_REVIEWS,
} from './review-structured-data';

const product: Product = {
  id: '700048cf-7a26-4da8-8ecd-b66322e0165b',
  sku: 'ELE-ESP32-DKV1',
  slug: 'esp32-devkit-v1',
  name: 'ESP32 DevKit V1',
  brand: 'Espressif',
  summary: 'Wi-Fi and Bluetooth microcontroller board.',
  description: 'A board.',
  priceCents: 899,
  currency: 'USD',
  stock: 40,
  inStock: true,
  imageUrl: 'http://localhost:8003/media/products/esp32.svg',
  category: { slug: 'electronics', name: 'Electronics' },
  categoryPath: [{ slug: 'electronics', name: 'Electronics' }],
  images: [],
  specs: {},
  variants: [
    {
      id: '2b0b9e43-8f4c-4a4e-9a53-3f7f0f3f1a01',
      sku: 'ELE-ESP32-DKV1',
      options: {},
      priceCents: 899,
      stock: 40,
      inStock: true,
      imageUrl: null,
    },
  ],
};

const review = (rating: number, index: number): ProductReview => ({
  id: `00000000-0000-4000-8000-00000000000${index}`,
  rating,
  title: index === 0 ? 'Works first time' : null,
  body: `Review ${index}: flashed and running within minutes.`,
  authorName: 'Ada L.',
  verifiedBuyer: true,
  createdAt: `2026-11-0${index + 1}T10:00:00.000Z`,
  updatedAt: `2026-11-0${index + 1}T10:00:00.000Z`,
});

function pageOf(ratings: number[]): ProductReviewPage {
  const count = ratings.length;
  const average =
    count === 0 ? null : Math.round((ratings.reduce((a, b) => a + b, 0) / count) * 10) / 10;
  return {
    summary: {
      average,
      count,
      distribution: [5, 4, 3, 2, 1].map((stars) => ({
        stars,
        count: ratings.filter((rating) => rating === stars).length,
      })),
    },
    items: ratings.map(review),
    page: 1,
    pageSize: 10,
    total: count,
    totalPages: 1,
  };
}

/** The JSON-LD as the page writes it: the Product with its reviews merged in, through JSON. */
const jsonLdOf = (reviews: ProductReviewPage | null) =>
  JSON.parse(
    JSON.stringify({
      ...productStructuredData(product, 'https://store.example/products/esp32-devkit-v1'),
      ...reviewStructuredData(reviews),
    }),
  ) as Record<string, unknown>;

const inRange = (value: unknown, low: number, high: number) =>
  typeof value === 'number' && Number.isFinite(value) && value >= low && value <= high;

/**
 * What schema.org and search engines require of a Product's rating: an AggregateRating whose
 * value lies between worst and best, a whole positive reviewCount, and Reviews with a Person
 * author and a Rating in range. Answers the problems found, none when it validates.
 */
function ratingProblems(data: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (data['@context'] !== 'https://schema.org') problems.push('@context');
  if (data['@type'] !== 'Product') problems.push('@type Product');
  const aggregate = data.aggregateRating as Record<string, unknown> | undefined;
  if (!aggregate) return [...problems, 'aggregateRating missing'];
  if (aggregate['@type'] !== 'AggregateRating') problems.push('aggregateRating @type');
  if (aggregate.bestRating !== 5 || aggregate.worstRating !== 1) problems.push('best/worst');
  if (!inRange(aggregate.ratingValue, 1, 5)) problems.push('ratingValue out of range');
  if (!Number.isInteger(aggregate.reviewCount) || (aggregate.reviewCount as number) < 1)
    problems.push('reviewCount');
  for (const item of (data.review ?? []) as Record<string, unknown>[]) {
    const rating = item.reviewRating as Record<string, unknown> | undefined;
    const author = item.author as Record<string, unknown> | undefined;
    if (item['@type'] !== 'Review') problems.push('review @type');
    if (author?.['@type'] !== 'Person' || typeof author.name !== 'string') problems.push('author');
    if (rating?.['@type'] !== 'Rating' || !inRange(rating.ratingValue, 1, 5))
      problems.push('reviewRating');
    if (
      typeof item.reviewBody !== 'string' ||
      !/^\d{4}-\d{2}-\d{2}$/.test(String(item.datePublished))
    )
      problems.push('reviewBody/datePublished');
  }
  return problems;
}

describe('the product page’s JSON-LD with reviews', () => {
  it('carries a valid AggregateRating whose count is the visible reviews’', () => {
    const reviews = pageOf([5, 4, 4, 5, 3]);
    const data = jsonLdOf(reviews);
    expect(ratingProblems(data)).toEqual([]);
    expect(data.aggregateRating).toEqual({
      '@type': 'AggregateRating',
      ratingValue: 4.2,
      reviewCount: reviews.summary.count,
      bestRating: 5,
      worstRating: 1,
    });
    // The Product keeps its own fields beside the rating.
    expect(data).toMatchObject({ name: 'ESP32 DevKit V1', offers: { '@type': 'Offer' } });
  });

  it('carries a few of the newest reviews, each a Review with its Rating', () => {
    const data = jsonLdOf(pageOf([5, 4, 3, 2, 1]));
    const items = data.review as Record<string, unknown>[];
    expect(items).toHaveLength(STRUCTURED_REVIEWS);
    expect(items[0]).toEqual({
      '@type': 'Review',
      author: { '@type': 'Person', name: 'Ada L.' },
      datePublished: '2026-11-01',
      name: 'Works first time',
      reviewBody: 'Review 0: flashed and running within minutes.',
      reviewRating: { '@type': 'Rating', ratingValue: 5, bestRating: 5, worstRating: 1 },
    });
    expect(items[1]).not.toHaveProperty('name');
  });

  it('has no rating at all while no review is visible, or the reviews cannot be read', () => {
    for (const reviews of [pageOf([]), null]) {
      const data = jsonLdOf(reviews);
      expect(data['@type']).toBe('Product');
      expect(data).not.toHaveProperty('aggregateRating');
      expect(data).not.toHaveProperty('review');
    }
  });

  it('reads the reviews page from the query and links to the others', () => {
    expect(reviewsPageOf('3')).toBe(3);
    expect(reviewsPageOf(['2', '3'])).toBe(1);
    expect(reviewsPageOf('-1')).toBe(1);
    expect(reviewsPageOf('lots')).toBe(1);
    expect(reviewsPageOf(undefined)).toBe(1);
    expect(reviewsPageHref('/products/esp32-devkit-v1', 2)).toBe(
      '/products/esp32-devkit-v1?reviews=2#reviews',
    );
    expect(reviewsPageHref('/products/x?variant=X-1', 1)).toBe('/products/x?variant=X-1#reviews');
    expect(reviewsPageHref('/products/x?variant=X-1', 4)).toBe(
      '/products/x?variant=X-1&reviews=4#reviews',
    );
  });
});
