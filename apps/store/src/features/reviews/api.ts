import type {
  AdminReview,
  AdminReviewPage,
  OwnProductReview,
  ProductReview,
  ProductReviewBody,
  ProductReviewPage,
} from '@makrx/contracts';
import { callService, ServiceError } from '../../lib/service-client';

export const REVIEWS_PAGE_SIZE = 10;

/**
 * A product's review summary and one page of its reviews, newest first; null when the reviews
 * cannot be read just now (the product page still shows, saying so in its reviews section).
 */
export async function readProductReviews(
  slug: string,
  page = 1,
): Promise<ProductReviewPage | null> {
  try {
    const query = new URLSearchParams({ page: String(page), pageSize: String(REVIEWS_PAGE_SIZE) });
    const { body } = await callService<ProductReviewPage>(
      'store',
      `/products/${encodeURIComponent(slug)}/reviews?${query}`,
      { as: 'anonymous' },
    );
    return body;
  } catch (error) {
    if (error instanceof ServiceError) return null;
    throw error;
  }
}

/** Whether the signed-in visitor may review the product, and their review of it; null: no product. */
export async function readOwnReview(slug: string): Promise<OwnProductReview | null> {
  try {
    const { body } = await callService<OwnProductReview>(
      'store',
      `/products/${encodeURIComponent(slug)}/reviews/mine`,
    );
    return body;
  } catch (error) {
    if (error instanceof ServiceError && error.status === 404) return null;
    throw error;
  }
}

/** The visitor's first review of the product. */
export async function writeReview(slug: string, review: ProductReviewBody): Promise<ProductReview> {
  const { body } = await callService<ProductReview>(
    'store',
    `/products/${encodeURIComponent(slug)}/reviews`,
    { method: 'POST', json: review },
  );
  return body;
}

/** The visitor's edit of their own review. */
export async function editReview(id: string, review: ProductReviewBody): Promise<ProductReview> {
  const { body } = await callService<ProductReview>('store', `/reviews/${encodeURIComponent(id)}`, {
    method: 'PUT',
    json: review,
  });
  return body;
}

export type ReviewVisibility = 'all' | 'visible' | 'hidden';

/** Store admins: every review, newest first, filtered by visibility. */
export async function listReviewsForAdmin(query: {
  visibility: ReviewVisibility;
  page: number;
}): Promise<AdminReviewPage> {
  const params = new URLSearchParams({ visibility: query.visibility, page: String(query.page) });
  const { body } = await callService<AdminReviewPage>('store', `/admin/reviews?${params}`);
  return body;
}

/** Store admins: hide a review or show it again, with the reason (audited). */
export async function moderateReview(
  id: string,
  hidden: boolean,
  reason: string,
): Promise<AdminReview> {
  const { body } = await callService<AdminReview>(
    'store',
    `/admin/reviews/${encodeURIComponent(id)}/${hidden ? 'hide' : 'unhide'}`,
    { method: 'POST', json: { reason } },
  );
  return body;
}
