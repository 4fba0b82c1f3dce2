import { ServiceErrorState } from '@makrx/spa-kit';
import { Skeleton } from '@makrx/ui';
import { useFlagHistory } from '../api';
import { changeLines, type MakerspaceNames } from '../presentation';

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** Who changed the flag, when, from what to what, and why; newest first. */
export function FlagHistory({
  flagKey,
  names,
  id,
}: {
  flagKey: string;
  names: MakerspaceNames;
  id: string;
}) {
  const history = useFlagHistory(flagKey, true);
  return (
    <section
      id={id}
      aria-label={`History of ${flagKey}`}
      className="mt-4 border-t border-ink-100 pt-4"
    >
      {history.isPending ? (
        <div aria-busy="true" className="space-y-2">
          <span className="sr-only">Loading the history…</span>
          <Skeleton className="h-14 rounded-xl" />
          <Skeleton className="h-14 rounded-xl" />
        </div>
      ) : history.isError ? (
        <ServiceErrorState
          titleAs="h3"
          error={history.error}
          subject="this flag’s history"
          onRetry={() => void history.refetch()}
        />
      ) : history.data.changes.length === 0 ? (
        <p className="text-sm text-ink-600">
          No changes yet: the flag still has the setting it started with.
        </p>
      ) : (
        <ol className="space-y-3">
          {history.data.changes.map((change) => (
            <li
              key={change.id}
              className="rounded-xl bg-ink-50 px-4 py-3 ring-1 ring-ink-100 ring-inset"
            >
              <p className="text-sm text-ink-700">
                <strong className="font-semibold text-ink-900">
                  {change.changedByName ?? 'A removed account'}
                </strong>{' '}
                ·{' '}
                <time dateTime={change.changedAt}>
                  {dateTime.format(new Date(change.changedAt))}
                </time>
              </p>
              <ul className="mt-1.5 flex flex-wrap gap-x-4 gap-y-1 text-sm text-ink-800">
                {changeLines(change, names).map((line) => (
                  <li key={line.what}>
                    <span className="text-ink-600">{line.what}:</span> {line.before} →{' '}
                    <strong className="font-semibold">{line.after}</strong>
                  </li>
                ))}
              </ul>
              <p className="mt-1.5 text-sm text-ink-700">
                <span className="sr-only">Justification: </span>“{change.justification}”
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
