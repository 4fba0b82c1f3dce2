import { REVIEW_BODY_MAX, REVIEW_BODY_MIN, REVIEW_TITLE_MAX } from '@makrx/contracts';

export { REVIEW_BODY_MAX, REVIEW_BODY_MIN, REVIEW_TITLE_MAX };

export interface ReviewFormInput {
  rating: number;
  title: string | null;
  body: string;
}

/** The review form's fields, checked as the service will, or the field that is wrong. */
export function reviewFromForm(
  form: FormData,
): { review: ReviewFormInput } | { problem: 'NO_STARS' | 'BODY_LENGTH' | 'TITLE_LENGTH' } {
  const stars = form.get('rating');
  if (typeof stars !== 'string' || !/^[1-5]$/.test(stars)) return { problem: 'NO_STARS' };
  const title = String(form.get('title') ?? '').trim();
  const body = String(form.get('body') ?? '').trim();
  if (title.length > REVIEW_TITLE_MAX) return { problem: 'TITLE_LENGTH' };
  if (body.length < REVIEW_BODY_MIN || body.length > REVIEW_BODY_MAX) {
    return { problem: 'BODY_LENGTH' };
  }
  return { review: { rating: Number(stars), title: title || null, body } };
}

/** Why a review was not saved, in words for the buyer (by the form's or the service's code). */
export function reviewProblem(code: string): string {
  switch (code) {
    case 'NO_STARS':
      return 'Choose from 1 to 5 stars.';
    case 'BODY_LENGTH':
      return `Write between ${REVIEW_BODY_MIN} and ${REVIEW_BODY_MAX} characters in your review.`;
    case 'TITLE_LENGTH':
      return `Keep the title to ${REVIEW_TITLE_MAX} characters.`;
    case 'VALIDATION_FAILED':
      return 'Check the stars, the title and the review, then send it again.';
    case 'REVIEW_NOT_ALLOWED':
      return 'You can review a product once an order of yours with it has been delivered.';
    case 'REVIEW_ALREADY_WRITTEN':
      return 'You reviewed this product already. Your review is below to edit.';
    case 'NOT_THE_REVIEWER':
      return 'Only the customer who wrote this review can edit it.';
    case 'AUTHENTICATION_REQUIRED':
      return 'Sign in to review a product.';
    default:
      return 'Your review could not be saved. Try again in a moment.';
  }
}

/** Why a review could not be hidden or shown again, for the store admins' page. */
export function moderationProblem(code: string): string {
  switch (code) {
    case 'REASON':
    case 'VALIDATION_FAILED':
      return 'Give a reason of 3 to 500 characters; it is kept in the audit log.';
    case 'NOT_FOUND':
      return 'That review no longer exists.';
    case 'FORBIDDEN':
      return 'Only store admins can hide or show reviews.';
    default:
      return 'The review could not be changed. Try again in a moment.';
  }
}
