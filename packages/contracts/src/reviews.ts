import { z } from 'zod';

/** What a review takes: 1 to 5 whole stars, an optional title, and 10 to 4000 characters. */
export const REVIEW_TITLE_MAX = 120;
export const REVIEW_BODY_MIN = 10;
export const REVIEW_BODY_MAX = 4000;

/** A buyer's review of a product, written or edited (`POST`/`PUT` of the product's reviews). */
export const productReviewBody = z.strictObject({
  rating: z.number().int().min(1, 'from 1 to 5 stars').max(5, 'from 1 to 5 stars'),
  title: z
    .string()
    .trim()
    .max(REVIEW_TITLE_MAX, `at most ${REVIEW_TITLE_MAX} characters`)
    .nullish()
    .transform((title) => (title ? title : null)),
  body: z
    .string()
    .trim()
    .min(REVIEW_BODY_MIN, `at least ${REVIEW_BODY_MIN} characters`)
    .max(REVIEW_BODY_MAX, `at most ${REVIEW_BODY_MAX} characters`),
});
export type ProductReviewBody = z.input<typeof productReviewBody>;

/** A review as the product page shows it: the author as first name and initial only. */
export const productReview = z.object({
  id: z.uuid(),
  rating: z.number().int().min(1).max(5),
  title: z.string().nullable(),
  body: z.string(),
  /** "Ada L.": the reviewer's first name and the initial of their last. */
  authorName: z.string(),
  /** Every review comes from a buyer of a delivered order; the page says so. */
  verifiedBuyer: z.literal(true),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type ProductReview = z.infer<typeof productReview>;

/** The visible reviews of a product, summed up: hidden reviews count nowhere. */
export const reviewSummary = z.object({
  /** The mean of the visible ratings, to one decimal; null while there is none. */
  average: z.number().min(1).max(5).nullable(),
  count: z.number().int().min(0),
  /** How many visible reviews gave each number of stars, from 5 down to 1. */
  distribution: z.array(
    z.object({ stars: z.number().int().min(1).max(5), count: z.number().int().min(0) }),
  ),
});
export type ReviewSummary = z.infer<typeof reviewSummary>;

export const productReviewsQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(10),
});

/** `GET /api/v1/products/:slug/reviews`: the summary and one page of reviews, newest first. */
export const productReviewPage = z.object({
  summary: reviewSummary,
  items: z.array(productReview),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  totalPages: z.number().int(),
});
export type ProductReviewPage = z.infer<typeof productReviewPage>;

/** `GET /api/v1/products/:slug/reviews/mine`: whether the caller may review it, and their review. */
export const ownProductReview = z.object({
  product: z.object({ slug: z.string(), name: z.string() }),
  /** True once the caller bought the product in an order that was delivered. */
  eligible: z.boolean(),
  review: productReview.extend({ hidden: z.boolean() }).nullable(),
});
export type OwnProductReview = z.infer<typeof ownProductReview>;

export const reviewVisibility = z.enum(['all', 'visible', 'hidden']);

export const adminReviewListQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  visibility: reviewVisibility.default('all'),
});

/** A review as store admins moderate it: whose, on what, and whether and why it is hidden. */
export const adminReview = productReview.extend({
  product: z.object({ slug: z.string(), name: z.string() }),
  hidden: z.boolean(),
  hiddenReason: z.string().nullable(),
  hiddenAt: z.iso.datetime().nullable(),
});
export type AdminReview = z.infer<typeof adminReview>;

export const adminReviewPage = z.object({
  items: z.array(adminReview),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  totalPages: z.number().int(),
});
export type AdminReviewPage = z.infer<typeof adminReviewPage>;

/** Why a store admin hides a review, or shows it again: kept in the audit log. */
export const reviewModerationBody = z.strictObject({
  reason: z.string().trim().min(3, 'at least 3 characters').max(500, 'at most 500 characters'),
});
export type ReviewModerationBody = z.infer<typeof reviewModerationBody>;
