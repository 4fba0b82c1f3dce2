import { Skeleton } from '@makrx/ui';

export function UserTableSkeleton({ rows = 5 }: { rows?: number }) {
  return (
    <div
      aria-busy="true"
      className="md:overflow-hidden md:rounded-2xl md:border md:border-ink-200 md:bg-white md:shadow-card"
    >
      <span className="sr-only">Loading users…</span>
      <div className="hidden h-11 border-b border-ink-200 bg-ink-50 md:block md:rounded-t-2xl" />
      <div className="space-y-4 md:space-y-0 md:divide-y md:divide-ink-100">
        {Array.from({ length: rows }, (_, index) => (
          <div
            key={index}
            className="flex flex-col gap-4 rounded-2xl border border-ink-200 bg-white p-4 shadow-card md:flex-row md:items-center md:rounded-none md:border-0 md:shadow-none"
          >
            <div className="flex flex-1 items-center gap-3">
              <Skeleton shape="round" className="size-8" />
              <div className="flex-1 space-y-2">
                <Skeleton className="h-3.5 w-32" />
                <Skeleton className="h-3 w-48 max-w-full" />
              </div>
            </div>
            <div className="flex flex-1 gap-2">
              <Skeleton shape="round" className="h-6 w-20" />
              <Skeleton shape="round" className="h-6 w-16" />
            </div>
            <Skeleton className="h-3.5 w-40" />
            <Skeleton shape="round" className="h-5 w-16" />
            <Skeleton className="h-8 w-20 rounded-lg" />
          </div>
        ))}
      </div>
    </div>
  );
}
