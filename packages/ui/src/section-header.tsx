import type { ReactNode } from 'react';
import { cx } from './class-names';

export interface SectionHeaderProps {
  title: ReactNode;
  /** The heading's id, for the section's aria-labelledby. */
  id?: string;
  eyebrow?: ReactNode;
  description?: ReactNode;
  /** A link or button aligned with the title, e.g. "See all". */
  action?: ReactNode;
  titleAs?: 'h1' | 'h2' | 'h3';
  className?: string;
}

export function SectionHeader({
  title,
  id,
  eyebrow,
  description,
  action,
  titleAs: Title = 'h2',
  className,
}: SectionHeaderProps) {
  return (
    <div
      className={cx('flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between', className)}
    >
      <div className="max-w-2xl">
        {eyebrow ? (
          <p className="text-sm font-semibold tracking-wide text-accent-700 uppercase">{eyebrow}</p>
        ) : null}
        <Title
          id={id}
          className={cx(
            'font-bold tracking-tight text-ink-950',
            Title === 'h1' ? 'text-3xl sm:text-4xl' : 'text-2xl sm:text-3xl',
            eyebrow ? 'mt-2' : undefined,
          )}
        >
          {title}
        </Title>
        {description ? (
          <p className="mt-3 text-base leading-7 text-ink-600">{description}</p>
        ) : null}
      </div>
      {action ? <div className="shrink-0">{action}</div> : null}
    </div>
  );
}
