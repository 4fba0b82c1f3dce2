import type { Metadata } from 'next';
import Link from 'next/link';
import { Badge, cx, EmptyState, Pagination } from '@makrx/ui';
import { requireStoreAdminPage } from '../../../features/catalog-admin/admin-access';
import {
  AdminFrame,
  inputClasses,
  NotAStoreAdmin,
} from '../../../features/catalog-admin/components/admin-frame';
import { formatOrderDate } from '../../../features/orders/order-status';
import { Stars } from '../../../features/print-orders/components/stars';
import { changeReviewVisibility } from '../../../features/reviews/actions';
import { listReviewsForAdmin, type ReviewVisibility } from '../../../features/reviews/api';
import { moderationProblem } from '../../../features/reviews/review-form-input';
import { single } from '../../../lib/search-params';

export const metadata: Metadata = { title: 'Reviews · Store admin', robots: { index: false } };

const filters: { value: ReviewVisibility; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'visible', label: 'Visible' },
  { value: 'hidden', label: 'Hidden' },
];

function listHref(visibility: ReviewVisibility, page = 1) {
  const params = new URLSearchParams();
  if (visibility !== 'all') params.set('visibility', visibility);
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return search ? `/admin/reviews?${search}` : '/admin/reviews';
}

/** Store admins read every review, newest first, and hide abusive ones (or show them again). */
export default async function AdminReviewsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const visibility = filters.find((f) => f.value === single(params.visibility))?.value ?? 'all';
  const page = Math.min(Math.max(Number.parseInt(single(params.page) ?? '1', 10) || 1, 1), 10_000);
  const here = listHref(visibility, page);
  if (!(await requireStoreAdminPage(here))) return <NotAStoreAdmin />;
  const reviews = await listReviewsForAdmin({ visibility, page });
  const done = single(params.done);
  const problem = single(params.problem);

  return (
    <AdminFrame
      title="Reviews"
      current="reviews"
      notice={
        done === 'hidden'
          ? 'The review is hidden: it has left the product page and its average.'
          : done === 'shown'
            ? 'The review is shown on the product page again.'
            : undefined
      }
      problem={problem ? moderationProblem(problem) : undefined}
    >
      <nav aria-label="Filter by visibility">
        <ul className="flex flex-wrap gap-2">
          {filters.map((filter) => (
            <li key={filter.value}>
              <Link
                href={listHref(filter.value)}
                aria-current={filter.value === visibility ? 'page' : undefined}
                className={cx(
                  'inline-flex h-8 items-center rounded-full px-3 text-sm font-medium ring-1 ring-inset',
                  filter.value === visibility
                    ? 'bg-ink-900 text-white ring-ink-900'
                    : 'bg-white text-ink-700 ring-ink-300 hover:bg-ink-50',
                )}
              >
                {filter.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {reviews.items.length === 0 ? (
        <EmptyState
          className="mt-8"
          title={visibility === 'hidden' ? 'No hidden reviews' : 'No reviews yet'}
          description="Reviews appear here, newest first, as soon as buyers write them."
        />
      ) : (
        <ul className="mt-6 space-y-4" aria-label="Reviews, newest first">
          {reviews.items.map((review) => (
            <li
              key={review.id}
              className={cx(
                'rounded-2xl border bg-white p-5 sm:p-6',
                review.hidden ? 'border-amber-300 bg-amber-50/40' : 'border-ink-200',
              )}
            >
              <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
                <Stars value={review.rating} size="sm" />
                {review.title ? (
                  <h2 className="font-semibold text-ink-950">{review.title}</h2>
                ) : (
                  <h2 className="sr-only">Review by {review.authorName}</h2>
                )}
                {review.hidden ? (
                  <Badge tone="warning">Hidden</Badge>
                ) : (
                  <Badge tone="success">Visible</Badge>
                )}
              </div>
              <p className="mt-1.5 text-sm text-ink-600">
                {review.authorName} on{' '}
                <Link
                  href={`/products/${review.product.slug}`}
                  className="font-medium text-accent-700 underline-offset-4 hover:underline"
                >
                  {review.product.name}
                </Link>{' '}
                · <time dateTime={review.createdAt}>{formatOrderDate(review.createdAt, true)}</time>
              </p>
              <p className="mt-3 max-w-prose text-sm leading-6 wrap-anywhere whitespace-pre-line text-ink-800">
                {review.body}
              </p>
              {review.hidden && review.hiddenReason ? (
                <p className="mt-3 text-sm text-amber-900">
                  <span className="font-semibold">Hidden because:</span> {review.hiddenReason}
                </p>
              ) : null}
              <form
                action={changeReviewVisibility.bind(null, review.id)}
                className="mt-4 flex flex-col gap-2 sm:flex-row sm:items-end"
              >
                <input type="hidden" name="returnTo" value={here} />
                <input type="hidden" name="change" value={review.hidden ? 'unhide' : 'hide'} />
                <div className="flex-1">
                  <label
                    htmlFor={`reason-${review.id}`}
                    className="block text-sm font-medium text-ink-900"
                  >
                    {review.hidden ? 'Why show it again' : 'Why hide it'}
                  </label>
                  <input
                    id={`reason-${review.id}`}
                    name="reason"
                    required
                    minLength={3}
                    maxLength={500}
                    placeholder={review.hidden ? 'Reviewed again, acceptable' : 'Abusive language'}
                    className={cx(inputClasses, 'mt-1.5 w-full')}
                  />
                </div>
                <button
                  type="submit"
                  className={cx(
                    'h-10 rounded-lg px-4 text-sm font-semibold',
                    review.hidden
                      ? 'bg-ink-900 text-white hover:bg-ink-800'
                      : 'bg-red-600 text-white hover:bg-red-700',
                  )}
                >
                  {review.hidden ? 'Show again' : 'Hide review'}
                  <span className="sr-only"> by {review.authorName}</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <Pagination
        className="mt-8"
        page={reviews.page}
        totalPages={reviews.totalPages}
        hrefFor={(target) => listHref(visibility, target)}
        label="Review pages"
      />
    </AdminFrame>
  );
}
