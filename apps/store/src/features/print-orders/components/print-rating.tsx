import type { PrintOrderView } from '@makrx/contracts';
import { Button, Card } from '@makrx/ui';
import { Notice, TextAreaField } from '../../../components/form-field';
import { formatOrderDate } from '../../orders/order-status';
import { rateOwnPrint } from '../actions';
import { COMMENT_MAX, ratingProblem, STAR_VALUES, starWords } from '../rating';
import { Stars, StarShape } from './stars';

interface PrintRatingProps {
  print: PrintOrderView;
  orderNumber: string;
  /** Whether the visitor may rate it: signed in (the service checks they are its buyer). */
  canRate: boolean;
  /** `rated` just now, or the code of why the last rating was refused. */
  outcome?: { rated: boolean; problem?: string };
}

/**
 * A delivered print asks its buyer how it turned out: 1 to 5 stars as radio buttons and an
 * optional comment, sent by a plain form; once rated, the stars given, read only.
 */
export function PrintRating({ print, orderNumber, canRate, outcome }: PrintRatingProps) {
  if (print.status !== 'delivered') return null;
  const provider = print.provider?.name ?? 'the provider';
  if (print.rating) {
    return (
      <Card className="p-6" aria-labelledby="rating-title">
        <div id="rating" className="scroll-mt-24" />
        <h2 id="rating-title" className="text-lg font-semibold text-ink-950">
          Your rating
        </h2>
        {outcome?.rated ? (
          <Notice tone="success" className="mt-3">
            Thank you. Your rating helps other makers choose, and {provider} sees it too.
          </Notice>
        ) : null}
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <Stars value={print.rating.stars} size="lg" />
          <span className="text-sm font-medium text-ink-900">
            {starWords[print.rating.stars as keyof typeof starWords]}
          </span>
        </div>
        {print.rating.comment ? (
          <blockquote className="mt-3 border-l-2 border-ink-200 pl-3 text-sm leading-6 whitespace-pre-line text-ink-800">
            {print.rating.comment}
          </blockquote>
        ) : null}
        <p className="mt-3 text-xs text-ink-500">
          Rated <time dateTime={print.rating.ratedAt}>{formatOrderDate(print.rating.ratedAt)}</time>
        </p>
      </Card>
    );
  }
  if (!canRate) return null;
  const problem = outcome?.problem ? ratingProblem(outcome.problem) : null;
  return (
    <Card className="p-6" aria-labelledby="rating-title">
      <div id="rating" className="scroll-mt-24" />
      <h2 id="rating-title" className="text-lg font-semibold text-ink-950">
        How did it turn out?
      </h2>
      <p className="mt-1 text-sm text-ink-600">
        Rate the print {provider} made for you. Your rating is shown with the provider’s in the
        store.
      </p>
      {problem ? (
        <Notice tone="danger" className="mt-4">
          {problem}
        </Notice>
      ) : null}
      <form action={rateOwnPrint.bind(null, orderNumber)} className="mt-4 space-y-4">
        <fieldset>
          <legend className="text-sm font-medium text-ink-900">Your rating</legend>
          <div className="star-rating mt-1.5 flex items-center gap-1">
            {STAR_VALUES.map((stars) => (
              <label
                key={stars}
                className="star-choice cursor-pointer rounded-md p-0.5"
                title={starWords[stars]}
              >
                <input type="radio" name="stars" value={stars} required className="sr-only" />
                <StarShape className="size-9" />
                <span className="sr-only">
                  {stars} {stars === 1 ? 'star' : 'stars'}: {starWords[stars]}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <TextAreaField
          id="rating-comment"
          name="comment"
          label="Comment (optional)"
          hint={`What went well, what could be better. Up to ${COMMENT_MAX} characters.`}
          rows={3}
          maxLength={COMMENT_MAX}
        />
        <Button type="submit">Send rating</Button>
      </form>
    </Card>
  );
}
