import { Skeleton } from '@makrx/ui';
import type { ReactNode } from 'react';

/** A list still loading: two placeholder rows and, for screen readers, what is coming. */
export const listLoading = (what: string) => (
  <div aria-busy="true" className="space-y-2">
    <span className="sr-only">Loading {what}…</span>
    <Skeleton className="h-16 rounded-2xl" />
    <Skeleton className="h-16 rounded-2xl" />
  </div>
);

/** One titled part of a makerspace page (billing, print jobs). */
export function Section({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="text-xl font-semibold text-ink-950">
        {title}
      </h2>
      <div className="mt-4">{children}</div>
    </section>
  );
}
