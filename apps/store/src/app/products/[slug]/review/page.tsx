import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { buttonClasses, Card, Container, EmptyState } from '@makrx/ui';
import { Notice } from '../../../../components/form-field';
import { Stars } from '../../../../features/print-orders/components/stars';
import { currentSession } from '../../../../features/session/current-session';
import { readOwnReview } from '../../../../features/reviews/api';
import { ReviewForm } from '../../../../features/reviews/components/review-form';
import { reviewProblem } from '../../../../features/reviews/review-form-input';

interface ReviewPageProps {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ problem?: string }>;
}

export const metadata: Metadata = { title: 'Review a product', robots: { index: false } };

/**
 * Where a buyer writes (or edits) their review of a product they received, reached from a
 * delivered order's lines. Guests sign in first; anyone who did not receive it is told why.
 */
export default async function ReviewPage({ params, searchParams }: ReviewPageProps) {
  const { slug } = await params;
  const { problem } = await searchParams;
  if (!/^[a-z0-9-]{1,120}$/.test(slug)) notFound();
  const here = `/products/${slug}/review`;
  if (!(await currentSession())) redirect(`/auth/login?returnTo=${encodeURIComponent(here)}`);
  const own = await readOwnReview(slug);
  if (!own) notFound();
  const productPage = `/products/${slug}`;

  return (
    <Container className="py-10 sm:py-14">
      <nav aria-label="Breadcrumb" className="text-sm text-ink-600">
        <Link href="/orders" className="underline-offset-4 hover:underline">
          Orders
        </Link>{' '}
        / <span className="text-ink-900">Review</span>
      </nav>
      <h1 className="mt-3 text-3xl font-extrabold tracking-tight text-ink-950">
        {own.review ? 'Edit your review' : 'Review this product'}
      </h1>
      <p className="mt-1 text-base text-ink-700">
        <Link href={productPage} className="font-semibold underline-offset-4 hover:underline">
          {own.product.name}
        </Link>
      </p>

      <div className="mt-8 max-w-2xl">
        {!own.eligible && !own.review ? (
          <EmptyState
            title="You can review this once it has reached you"
            description="Reviews on MakrX.Store come from customers whose order with the product was delivered. When yours arrives, the order’s page in My orders has a link back here."
            action={
              <>
                <Link href="/orders" className={buttonClasses()}>
                  My orders
                </Link>
                <Link href={productPage} className={buttonClasses({ variant: 'secondary' })}>
                  Back to the product
                </Link>
              </>
            }
          />
        ) : (
          <Card className="p-6 sm:p-8">
            {problem ? (
              <Notice tone="danger" className="mb-6">
                {reviewProblem(problem)}
              </Notice>
            ) : null}
            {own.review?.hidden ? (
              <Notice tone="warning" className="mb-6" title="Your review is hidden">
                A store admin hid it from the product page. You can still edit it.
              </Notice>
            ) : null}
            {own.review ? (
              <p className="mb-6 flex items-center gap-2 text-sm text-ink-600">
                Published as {own.review.authorName}: <Stars value={own.review.rating} size="sm" />
              </p>
            ) : null}
            <ReviewForm own={own} />
          </Card>
        )}
      </div>
    </Container>
  );
}
