import { cx } from '@makrx/ui';

export type CheckoutStep = 'contact' | 'address' | 'shipping' | 'review' | 'details' | 'payment';

const classicSteps: { step: CheckoutStep; label: string }[] = [
  { step: 'contact', label: 'Contact' },
  { step: 'address', label: 'Address' },
  { step: 'shipping', label: 'Shipping' },
  { step: 'review', label: 'Review' },
  { step: 'payment', label: 'Payment' },
];

const onePageSteps: { step: CheckoutStep; label: string }[] = [
  { step: 'details', label: 'Details' },
  { step: 'payment', label: 'Payment' },
];

/** Where the buyer is in the checkout; the payment step follows either flow. */
export function CheckoutSteps({
  current,
  onePage = false,
}: {
  current: CheckoutStep;
  onePage?: boolean;
}) {
  const steps = onePage ? onePageSteps : classicSteps;
  const index = Math.max(
    0,
    steps.findIndex((entry) => entry.step === current),
  );
  return (
    <nav aria-label="Checkout progress">
      <ol className="flex flex-wrap items-center gap-x-2 gap-y-2 text-sm">
        {steps.map((entry, position) => (
          <li key={entry.step} className="flex items-center gap-2">
            <span
              aria-current={position === index ? 'step' : undefined}
              className={cx(
                'inline-flex items-center gap-2 rounded-full px-3 py-1 font-medium',
                position === index && 'bg-accent-600 text-white',
                position < index && 'bg-accent-50 text-accent-800',
                position > index && 'bg-ink-100 text-ink-600',
              )}
            >
              <span aria-hidden="true" className="tabular-nums">
                {position + 1}
              </span>
              {entry.label}
              {position < index ? <span className="sr-only"> (done)</span> : null}
            </span>
            {position < steps.length - 1 ? (
              <span aria-hidden="true" className="hidden h-px w-4 bg-ink-300 sm:block" />
            ) : null}
          </li>
        ))}
      </ol>
    </nav>
  );
}
