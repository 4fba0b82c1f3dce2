import type { ReactNode } from 'react';
import { cx } from './class-names';
import { AlertIcon } from './icons';

export interface ErrorStateProps {
  title?: string;
  description?: ReactNode;
  /** A machine-readable code shown small, so a report to support can quote it. */
  code?: string;
  action?: ReactNode;
  titleAs?: 'h1' | 'h2' | 'h3';
  className?: string;
}

export function ErrorState({
  title = 'Something went wrong',
  description = 'Please try again in a moment.',
  code,
  action,
  titleAs: Title = 'h2',
  className,
}: ErrorStateProps) {
  return (
    <div
      role="alert"
      className={cx(
        'flex flex-col items-center rounded-2xl border border-red-200 bg-red-50/50 px-6 py-12 text-center sm:py-14',
        className,
      )}
    >
      <div className="mb-4 grid size-12 place-items-center rounded-xl bg-white text-2xl text-red-600 shadow-card ring-1 ring-red-200">
        <AlertIcon />
      </div>
      <Title className="text-lg font-semibold text-ink-900">{title}</Title>
      <div className="mt-2 max-w-md text-sm text-ink-700">{description}</div>
      {code ? <p className="mt-3 font-mono text-xs text-ink-600">Error code: {code}</p> : null}
      {action ? <div className="mt-6 flex flex-wrap justify-center gap-3">{action}</div> : null}
    </div>
  );
}
