import { cx } from './class-names';

const shapeClasses = {
  line: 'rounded-md',
  round: 'rounded-full',
};

/** Matches a `rounded` utility, with or without a variant prefix such as `lg:`. */
const ownRadius = /(^|\s|:)rounded(-|\s|$)/;

export interface SkeletonProps {
  shape?: keyof typeof shapeClasses;
  /** A `rounded-*` class here replaces the shape's rounding, to match what the block stands in for. */
  className?: string;
}

/** A placeholder block; wrap a group of them in an element with aria-busy and a visually hidden label. */
export function Skeleton({ shape = 'line', className }: SkeletonProps) {
  const rounding = className && ownRadius.test(className) ? undefined : shapeClasses[shape];
  return (
    <div
      aria-hidden="true"
      className={cx('bg-ink-200/70 motion-safe:animate-pulse', rounding, className)}
    />
  );
}
