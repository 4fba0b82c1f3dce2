import type { HTMLAttributes } from 'react';
import { cx } from './class-names';

export interface CardProps extends HTMLAttributes<HTMLDivElement> {
  /** Lifts on hover, for cards that are one big link. */
  interactive?: boolean;
}

export function Card({ interactive = false, className, ...props }: CardProps) {
  return (
    <div
      className={cx(
        'relative rounded-2xl border border-ink-200 bg-white shadow-card',
        interactive &&
          'transition duration-200 hover:-translate-y-0.5 hover:border-ink-300 hover:shadow-lift focus-within:border-ink-300 focus-within:shadow-lift motion-reduce:transition-none motion-reduce:hover:translate-y-0',
        className,
      )}
      {...props}
    />
  );
}
