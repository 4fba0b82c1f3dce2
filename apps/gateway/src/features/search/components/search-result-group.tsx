import { ApiError } from '@makrx/spa-kit';
import { Button, Skeleton } from '@makrx/ui';
import type { KindResults } from '../api';
import { kindPresentation } from '../kinds';
import { countLabel } from './result-count';
import { SearchResultItem } from './search-result-item';

function GroupSkeleton() {
  return (
    <div aria-busy="true" className="space-y-2 p-3">
      <span className="sr-only">Searching…</span>
      {[0, 1, 2].map((row) => (
        <div key={row} className="flex gap-4 py-1.5">
          <Skeleton className="size-14 rounded-lg" />
          <div className="flex-1 space-y-2 pt-1">
            <Skeleton className="h-4 w-1/2" />
            <Skeleton className="h-3 w-5/6" />
          </div>
        </div>
      ))}
    </div>
  );
}

function GroupProblem({ group }: { group: KindResults }) {
  const { error } = group.query;
  const noun = kindPresentation[group.kind].noun[1];
  const disabled = error instanceof ApiError && error.code === 'FEATURE_DISABLED';
  return (
    <div
      role="alert"
      className="m-3 rounded-xl bg-amber-50 px-4 py-4 text-sm ring-1 ring-amber-200"
    >
      <p className="font-semibold text-ink-900">
        {disabled ? `Searching ${noun} is turned off` : `We couldn’t search ${noun} just now`}
      </p>
      <p className="mt-1 text-ink-700">
        {disabled
          ? 'It will be back soon.'
          : 'The service behind them isn’t answering. The other results are complete.'}
      </p>
      {disabled ? null : (
        <Button
          variant="secondary"
          size="sm"
          className="mt-3"
          onClick={() => void group.query.refetch()}
        >
          Try again
        </Button>
      )}
    </div>
  );
}

/** One kind's results under its heading, with the count in the heading. */
export function SearchResultGroup({ group, q }: { group: KindResults; q: string }) {
  const { label, anchor, icon, noun } = kindPresentation[group.kind];
  const headingId = `${anchor}-heading`;
  return (
    <section
      id={anchor}
      aria-labelledby={headingId}
      className="scroll-mt-6 rounded-2xl border border-ink-200 bg-white shadow-card"
    >
      <div className="flex items-center gap-3 border-b border-ink-100 px-5 py-4">
        <span aria-hidden="true" className="text-xl text-accent-700">
          {icon}
        </span>
        <h2 id={headingId} className="text-lg font-semibold text-ink-950">
          {label}
        </h2>
        <span className="ml-auto rounded-full bg-ink-100 px-2.5 py-0.5 text-sm font-medium text-ink-700 tabular-nums">
          {countLabel(group)}
        </span>
      </div>
      {group.query.isPending ? (
        <GroupSkeleton />
      ) : group.query.isError ? (
        <GroupProblem group={group} />
      ) : group.results.length === 0 ? (
        <p className="px-5 py-6 text-sm text-ink-600">
          No {noun[1]} match “{q}”.
        </p>
      ) : (
        <ul className="p-2">
          {group.results.map((result) => (
            <SearchResultItem key={result.id} result={result} />
          ))}
        </ul>
      )}
    </section>
  );
}
