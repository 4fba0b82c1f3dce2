import type { HTMLAttributes } from 'react';
import { cx } from './class-names';

export type BadgeTone = 'neutral' | 'accent' | 'success' | 'info' | 'warning' | 'danger';

const toneClasses: Record<BadgeTone, { badge: string; dot: string }> = {
  neutral: { badge: 'bg-ink-100 text-ink-700 ring-ink-200', dot: 'bg-ink-500' },
  accent: { badge: 'bg-accent-50 text-accent-700 ring-accent-200', dot: 'bg-accent-500' },
  success: { badge: 'bg-emerald-50 text-emerald-800 ring-emerald-200', dot: 'bg-emerald-500' },
  info: { badge: 'bg-sky-50 text-sky-800 ring-sky-200', dot: 'bg-sky-500' },
  warning: { badge: 'bg-amber-50 text-amber-800 ring-amber-200', dot: 'bg-amber-500' },
  danger: { badge: 'bg-red-50 text-red-700 ring-red-200', dot: 'bg-red-500' },
};

export interface BadgeProps extends HTMLAttributes<HTMLSpanElement> {
  tone?: BadgeTone;
  /** A leading status dot, for states rather than labels. */
  dot?: boolean;
}

export function Badge({
  tone = 'neutral',
  dot = false,
  className,
  children,
  ...props
}: BadgeProps) {
  const classes = toneClasses[tone];
  return (
    <span
      className={cx(
        'inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset',
        classes.badge,
        className,
      )}
      {...props}
    >
      {dot ? (
        <span aria-hidden="true" className={cx('size-1.5 rounded-full', classes.dot)} />
      ) : null}
      {children}
    </span>
  );
}
