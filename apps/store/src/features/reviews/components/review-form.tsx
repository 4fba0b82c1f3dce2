import type { OwnProductReview } from '@makrx/contracts';
import { Button } from '@makrx/ui';
import { TextAreaField, TextField } from '../../../components/form-field';
import { StarShape } from '../../print-orders/components/stars';
import { STAR_VALUES, starWords } from '../../print-orders/rating';
import { saveReview } from '../actions';
import { REVIEW_BODY_MAX, REVIEW_BODY_MIN, REVIEW_TITLE_MAX } from '../review-form-input';

/**
 * The buyer's review of a product: 1 to 5 stars as radio buttons, an optional title and the
 * review, sent by a plain form; their earlier review fills it in to be edited.
 */
export function ReviewForm({ own }: { own: OwnProductReview }) {
  const { review } = own;
  return (
    <form action={saveReview.bind(null, own.product.slug)} className="space-y-6">
      {review ? <input type="hidden" name="reviewId" value={review.id} /> : null}
      <fieldset>
        <legend className="text-sm font-medium text-ink-900">Your rating</legend>
        <div className="star-rating mt-1.5 flex items-center gap-1">
          {STAR_VALUES.map((stars) => (
            <label
              key={stars}
              className="star-choice cursor-pointer rounded-md p-0.5"
              title={starWords[stars]}
            >
              <input
                type="radio"
                name="rating"
                value={stars}
                required
                defaultChecked={review?.rating === stars}
                className="sr-only"
              />
              <StarShape className="size-9" />
              <span className="sr-only">
                {stars} {stars === 1 ? 'star' : 'stars'}: {starWords[stars]}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <TextField
        id="review-title"
        name="title"
        label="Title (optional)"
        maxLength={REVIEW_TITLE_MAX}
        defaultValue={review?.title ?? ''}
        placeholder="The short version"
      />
      <TextAreaField
        id="review-body"
        name="body"
        label="Your review"
        hint={`What you made with it, what worked, what did not. ${REVIEW_BODY_MIN} to ${REVIEW_BODY_MAX} characters.`}
        rows={7}
        required
        minLength={REVIEW_BODY_MIN}
        maxLength={REVIEW_BODY_MAX}
        defaultValue={review?.body ?? ''}
      />
      <p className="text-sm text-ink-600">
        Your review shows with your first name and the initial of your last name, marked as from a
        verified buyer.
      </p>
      <Button type="submit" size="lg">
        {review ? 'Save changes' : 'Publish review'}
      </Button>
    </form>
  );
}
