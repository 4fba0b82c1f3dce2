import type { Order } from '@makrx/contracts';
import { cx } from '@makrx/ui';
import { formatOrderDate, orderTimeline } from '../order-status';

/** Where the order is: each step it reached, when, and what is still to come. */
export function StatusTimeline({
  order,
}: {
  order: Pick<Order, 'status' | 'history' | 'trackingNumber'>;
}) {
  const steps = orderTimeline(order);
  return (
    <ol className="relative space-y-6" aria-label="Order progress">
      {steps.map((step, index) => {
        const last = index === steps.length - 1;
        const ended = step.status === 'cancelled' || step.status === 'refunded';
        return (
          <li key={step.status} className="relative flex gap-4">
            {!last ? (
              <span
                aria-hidden="true"
                className={cx(
                  'absolute top-7 left-3.5 -ml-px h-[calc(100%-0.25rem)] w-0.5',
                  step.state === 'done' ? 'bg-accent-500' : 'bg-ink-200',
                )}
              />
            ) : null}
            <span
              aria-hidden="true"
              className={cx(
                'relative z-10 flex size-7 shrink-0 items-center justify-center rounded-full ring-4 ring-white',
                step.state === 'upcoming' && 'border-2 border-ink-300 bg-white',
                step.state === 'done' && 'bg-accent-600 text-white',
                step.state === 'current' &&
                  (ended ? 'bg-red-600 text-white' : 'bg-accent-600 text-white'),
              )}
            >
              {step.state === 'upcoming' ? null : (
                <svg viewBox="0 0 20 20" fill="currentColor" className="size-4">
                  {ended && step.state === 'current' ? (
                    <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
                  ) : (
                    <path
                      fillRule="evenodd"
                      d="M16.7 5.3a1 1 0 0 1 0 1.4l-8 8a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4l3.3 3.29 7.3-7.3a1 1 0 0 1 1.4 0Z"
                      clipRule="evenodd"
                    />
                  )}
                </svg>
              )}
            </span>
            <div className="min-w-0 pb-1">
              <p
                className={cx(
                  'text-sm font-semibold',
                  step.state === 'upcoming' ? 'text-ink-500' : 'text-ink-950',
                )}
                aria-current={step.state === 'current' ? 'step' : undefined}
              >
                {step.label}
                <span className="sr-only">
                  {step.state === 'done'
                    ? ' (done)'
                    : step.state === 'current'
                      ? ' (now)'
                      : ' (to come)'}
                </span>
              </p>
              {step.at ? (
                <p className="text-sm text-ink-600">
                  <time dateTime={step.at}>{formatOrderDate(step.at, true)}</time>
                </p>
              ) : null}
              {step.status === 'shipped' && order.trackingNumber && step.state !== 'upcoming' ? (
                <p className="mt-1 text-sm text-ink-700">
                  Tracking number{' '}
                  <span
                    className="font-mono font-semibold text-ink-950"
                    data-testid="tracking-number"
                  >
                    {order.trackingNumber}
                  </span>
                </p>
              ) : step.note ? (
                <p className="mt-1 text-sm text-ink-700">{step.note}</p>
              ) : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
