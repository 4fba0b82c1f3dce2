import type { ProductReview, ProductReviewPage, ReviewSummary } from '@makrx/contracts';
import { Badge, EmptyState, Pagination } from '@makrx/ui';
import { Notice } from '../../../components/form-field';
import { formatOrderDate } from '../../orders/order-status';
import { Stars } from '../../print-orders/components/stars';

/** "4.5 out of 5, 12 reviews": what the stars say, in words. */
export function ratingSentence(summary: ReviewSummary): string {
  const reviews = `${summary.count} ${summary.count === 1 ? 'review' : 'reviews'}`;
  return summary.average === null ? 'No reviews yet' : `${summary.average} out of 5, ${reviews}`;
}

function RatingSummary({ summary }: { summary: ReviewSummary }) {
  const average = summary.average ?? 0;
  return (
    <div>
      <div className="flex items-center gap-3">
        <span className="text-5xl font-extrabold tracking-tight text-ink-950 tabular-nums">
          {average.toFixed(1)}
        </span>
        <div>
          <Stars value={average} size="lg" />
          <p className="mt-1 text-sm font-medium text-ink-700" data-testid="rating-sentence">
            {ratingSentence(summary)}
          </p>
        </div>
      </div>
      <table className="mt-6 w-full text-sm">
        <caption className="sr-only">How many reviews gave each number of stars</caption>
        <tbody>
          {summary.distribution.map(({ stars, count }) => {
            const share = summary.count === 0 ? 0 : Math.round((count / summary.count) * 100);
            return (
              <tr key={stars}>
                <th scope="row" className="w-16 py-1 pr-3 text-left font-medium text-ink-700">
                  {stars} {stars === 1 ? 'star' : 'stars'}
                </th>
                <td className="py-1">
                  <div className="h-2.5 overflow-hidden rounded-full bg-ink-100" aria-hidden="true">
                    <div
                      className="h-full rounded-full bg-amber-400"
                      style={{ width: `${share}%` }}
                    />
                  </div>
                </td>
                <td className="w-10 py-1 pl-3 text-right text-ink-600 tabular-nums">{count}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function ReviewItem({ review }: { review: ProductReview }) {
  return (
    <li className="py-6 first:pt-0">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <Stars value={review.rating} size="sm" />
        {review.title ? <h3 className="font-semibold text-ink-950">{review.title}</h3> : null}
      </div>
      <p className="mt-1.5 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-ink-600">
        <span className="font-medium text-ink-900">{review.authorName}</span>
        <Badge tone="success">Verified buyer</Badge>
        <span aria-hidden="true">·</span>
        <time dateTime={review.createdAt}>{formatOrderDate(review.createdAt)}</time>
      </p>
      <p className="mt-3 max-w-prose text-base leading-7 wrap-anywhere whitespace-pre-line text-ink-800">
        {review.body}
      </p>
    </li>
  );
}

interface ProductReviewsProps {
  /** Null when the reviews could not be read just now. */
  reviews: ProductReviewPage | null;
  /** The product page at another page of reviews. */
  pageHref: (page: number) => string;
  /** The visitor's review was just saved. */
  justReviewed?: boolean;
}

/**
 * The product page's reviews: the average and how the stars spread, then the visible reviews,
 * newest first, a page at a time; every one from a customer whose order was delivered.
 */
export function ProductReviews({ reviews, pageHref, justReviewed }: ProductReviewsProps) {
  return (
    <section
      id="reviews"
      aria-labelledby="reviews-title"
      className="mt-14 scroll-mt-24 border-t border-ink-200 pt-12"
    >
      <h2 id="reviews-title" className="text-2xl font-bold tracking-tight text-ink-950">
        Customer reviews
      </h2>
      {justReviewed ? (
        <Notice tone="success" className="mt-5">
          Thank you for your review. It helps other makers choose.
        </Notice>
      ) : null}
      {!reviews ? (
        <Notice tone="warning" className="mt-5" title="Reviews are not available just now">
          The rest of the page is up to date; reload in a moment to see the reviews.
        </Notice>
      ) : reviews.summary.count === 0 ? (
        <EmptyState
          className="mt-6"
          titleAs="h3"
          title="No reviews yet"
          description="Bought this? Once your order is delivered, review it from the order’s page in My orders."
        />
      ) : (
        <div className="mt-6 grid gap-10 lg:grid-cols-[18rem_1fr] lg:gap-16">
          <RatingSummary summary={reviews.summary} />
          <div>
            {reviews.items.length === 0 ? (
              <p className="text-sm text-ink-700">
                There are fewer reviews than that.{' '}
                <a href={pageHref(1)} className="font-semibold text-accent-700 underline">
                  Read the newest
                </a>
              </p>
            ) : (
              <ul className="divide-y divide-ink-200" aria-label="Reviews, newest first">
                {reviews.items.map((review) => (
                  <ReviewItem key={review.id} review={review} />
                ))}
              </ul>
            )}
            <Pagination
              className="mt-6"
              page={reviews.page}
              totalPages={reviews.totalPages}
              hrefFor={pageHref}
              label="Review pages"
            />
          </div>
        </div>
      )}
    </section>
  );
}
