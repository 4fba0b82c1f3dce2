import type { ReactNode } from 'react';
import { cx } from './class-names';

export interface EmptyStateProps {
  title: string;
  description?: ReactNode;
  icon?: ReactNode;
  action?: ReactNode;
  titleAs?: 'h1' | 'h2' | 'h3';
  className?: string;
}

export function EmptyState({
  title,
  description,
  icon,
  action,
  titleAs: Title = 'h2',
  className,
}: EmptyStateProps) {
  return (
    <div
      className={cx(
        'flex flex-col items-center rounded-2xl border border-dashed border-ink-300 bg-ink-50/60 px-6 py-12 text-center sm:py-16',
        className,
      )}
    >
      {icon ? (
        <div className="mb-4 grid size-12 place-items-center rounded-xl bg-white text-2xl text-accent-600 shadow-card ring-1 ring-ink-200">
          {icon}
        </div>
      ) : null}
      <Title className="text-lg font-semibold wrap-anywhere text-ink-900">{title}</Title>
      {description ? <div className="mt-2 max-w-md text-sm text-ink-600">{description}</div> : null}
      {action ? <div className="mt-6 flex flex-wrap justify-center gap-3">{action}</div> : null}
    </div>
  );
}
