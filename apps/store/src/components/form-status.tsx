import { cx } from '@makrx/ui';
import type { FormOutcome } from '../lib/form-outcome';

/**
 * What the last send of a form did, beside its button: read out when it changes, a refusal as
 * an alert. The live region is there from the start, as screen readers ignore one that appears
 * with its message already in it.
 */
export function FormStatus({
  outcome,
  className,
}: {
  outcome: Pick<FormOutcome<string>, 'done' | 'problem'>;
  className?: string;
}) {
  return (
    <>
      <p role="status" className={cx('text-sm font-medium text-emerald-800', className)}>
        {outcome.problem ? '' : (outcome.done ?? '')}
      </p>
      {outcome.problem ? (
        <p role="alert" className={cx('text-sm font-medium text-red-700', className)}>
          {outcome.problem}
        </p>
      ) : null}
    </>
  );
}
