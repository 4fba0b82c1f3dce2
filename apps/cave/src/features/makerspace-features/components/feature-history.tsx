import { ServiceErrorState } from '@makrx/spa-kit';
import { Skeleton } from '@makrx/ui';
import { useMakerspaceFlagHistory } from '../api';

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
const stateOf = (value: unknown) => {
  const enabled = (value as { enabled?: boolean | null } | null)?.enabled;
  return enabled === true ? 'On' : enabled === false ? 'Off' : 'MakrX default';
};

/** The changes this makerspace made to one feature, newest first: who, when, what and why. */
export function FeatureHistory({
  id,
  flagKey,
  name,
  makerspaceId,
}: {
  id: string;
  flagKey: string;
  name: string;
  makerspaceId: string;
}) {
  const history = useMakerspaceFlagHistory(flagKey, makerspaceId);
  return (
    <section
      id={id}
      aria-label={`History of ${name}`}
      className="mt-4 border-t border-ink-100 pt-4"
    >
      {history.isPending ? (
        <div aria-busy="true">
          <span className="sr-only">Loading the history…</span>
          <Skeleton className="h-14 rounded-xl" />
        </div>
      ) : history.isError ? (
        <ServiceErrorState
          titleAs="h3"
          error={history.error}
          subject="this feature’s history"
          onRetry={() => void history.refetch()}
        />
      ) : history.data.changes.length === 0 ? (
        <p className="text-sm text-ink-600">
          No changes here yet: this makerspace follows MakrX’s setting.
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
              <p className="mt-1 text-sm text-ink-800">
                {stateOf(change.before)} →{' '}
                <strong className="font-semibold">{stateOf(change.after)}</strong>
              </p>
              <p className="mt-1 text-sm text-ink-700">
                <span className="sr-only">Justification: </span>“{change.justification}”
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
