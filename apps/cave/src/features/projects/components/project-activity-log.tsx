import { ServiceErrorState } from '@makrx/spa-kit';
import { HistoryIcon, Skeleton } from '@makrx/ui';
import { useProjectActivity } from '../api';

const when = (iso: string) =>
  new Date(iso).toLocaleString('en', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  });

/** Who changed what on a project, newest first. */
export function ProjectActivityLog({ slug }: { slug: string }) {
  const activity = useProjectActivity(slug);
  return (
    <section aria-labelledby="activity-heading">
      <h2 id="activity-heading" className="text-xl font-semibold text-ink-950">
        Activity
      </h2>
      {activity.isPending ? (
        <div aria-busy="true" className="mt-4 space-y-3">
          <span className="sr-only">Loading the activity…</span>
          <Skeleton className="h-5 w-2/3" />
          <Skeleton className="h-5 w-1/2" />
        </div>
      ) : activity.isError ? (
        <div className="mt-4">
          <ServiceErrorState
            error={activity.error}
            subject="the activity"
            onRetry={() => void activity.refetch()}
          />
        </div>
      ) : activity.data.items.length === 0 ? (
        <p className="mt-4 text-sm text-ink-600">Nothing has happened yet.</p>
      ) : (
        <ol className="mt-4 space-y-3 border-l-2 border-ink-100 pl-5">
          {activity.data.items.map((line) => (
            <li key={line.id} className="relative text-sm">
              <HistoryIcon
                className="absolute -left-[1.95rem] top-0.5 size-4 rounded-full bg-white text-ink-400"
                aria-hidden="true"
              />
              <p className="text-ink-800">
                <span className="font-semibold">{line.actor?.displayName ?? 'MakrX'}</span>{' '}
                {line.summary.charAt(0).toLowerCase() + line.summary.slice(1)}
              </p>
              <p className="text-ink-500">
                <time dateTime={line.at}>{when(line.at)}</time>
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
