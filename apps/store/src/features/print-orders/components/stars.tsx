import { cx } from '@makrx/ui';

/** One five-point star, filled with the text colour. */
export function StarShape({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" className={className}>
      <path d="M10 1.6l2.6 5.3 5.8.8-4.2 4.1 1 5.8L10 14.9l-5.2 2.7 1-5.8L1.6 7.7l5.8-.8L10 1.6z" />
    </svg>
  );
}

/**
 * A rating shown, not chosen: five stars, as many filled as `value` (halves round to the
 * nearer star), read out as "4 out of 5 stars".
 */
export function Stars({
  value,
  size = 'md',
  className,
}: {
  value: number;
  size?: 'sm' | 'md' | 'lg';
  className?: string;
}) {
  const filled = Math.round(value);
  const label = `${Number.isInteger(value) ? value : value.toFixed(1)} out of 5 stars`;
  const box = { sm: 'size-4', md: 'size-5', lg: 'size-7' }[size];
  return (
    <span role="img" aria-label={label} className={cx('inline-flex items-center', className)}>
      {[1, 2, 3, 4, 5].map((star) => (
        <StarShape
          key={star}
          className={cx(box, star <= filled ? 'text-amber-400' : 'text-ink-200')}
        />
      ))}
    </span>
  );
}
