'use server';

import { redirect } from 'next/navigation';
import { ServiceError } from '../../lib/service-client';
import { editReview, moderateReview, writeReview } from './api';
import { reviewFromForm } from './review-form-input';

const SLUG = /^[a-z0-9-]{1,120}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The buyer's review from the review page's form (no script needed): written the first time,
 * edited after; back to the product's reviews when saved, or to the form saying what was wrong.
 */
export async function saveReview(slug: string, form: FormData): Promise<never> {
  if (!SLUG.test(slug)) redirect('/');
  const reviewId = String(form.get('reviewId') ?? '');
  const formPage = (code: string) => `/products/${slug}/review?problem=${encodeURIComponent(code)}`;
  const parsed = reviewFromForm(form);
  if ('problem' in parsed) redirect(formPage(parsed.problem));
  try {
    if (UUID.test(reviewId)) await editReview(reviewId, parsed.review);
    else await writeReview(slug, parsed.review);
  } catch (error) {
    if (!(error instanceof ServiceError) || error.status >= 500) throw error;
    redirect(formPage(error.code));
  }
  redirect(`/products/${slug}?reviewed=1#reviews`);
}

const ADMIN_LIST = /^\/admin\/reviews(\?[\w=&%-]*)?$/;

/** A store admin hides a review or shows it again, with a reason, from the reviews list. */
export async function changeReviewVisibility(id: string, form: FormData): Promise<never> {
  const back = String(form.get('returnTo') ?? '');
  const list = ADMIN_LIST.test(back) ? back : '/admin/reviews';
  const withOutcome = (query: string) => `${list}${list.includes('?') ? '&' : '?'}${query}`;
  const hidden = form.get('change') === 'hide';
  const reason = String(form.get('reason') ?? '').trim();
  if (!UUID.test(id)) redirect(list);
  if (reason.length < 3 || reason.length > 500) redirect(withOutcome('problem=REASON'));
  let next: string;
  try {
    await moderateReview(id, hidden, reason);
    next = withOutcome(`done=${hidden ? 'hidden' : 'shown'}`);
  } catch (error) {
    if (!(error instanceof ServiceError) || error.status >= 500) throw error;
    next = withOutcome(`problem=${encodeURIComponent(error.code)}`);
  }
  redirect(next);
}
