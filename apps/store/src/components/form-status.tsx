import { cx } from '@makrx/ui';
import type { FormOutcome } from '../lib/form-outcome';

/**
 * Why the last send of a form was refused, beside its button, as an alert; a send that
 * succeeded leaves the form for the page's notice. The live region is there from the start, as
 * screen readers ignore one that appears with its message already in it.
 */
export function FormStatus({
  outcome,
  className,
}: {
  outcome: Pick<FormOutcome<string>, 'problem'>;
  className?: string;
}) {
  return (
    <p role="alert" className={cx('text-sm font-medium text-red-700', className)}>
      {outcome.problem ?? ''}
    </p>
  );
}
