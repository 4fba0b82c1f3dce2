import type { ParkedEventView } from '@makrx/contracts';
import { ServiceErrorState } from '@makrx/spa-kit';
import { Badge, Button, CheckIcon, Skeleton } from '@makrx/ui';
import { eventServices, useParkedEvents, useReplayEvent, type EventService } from '../api';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function ParkedEventItem({ event, service }: { event: ParkedEventView; service: EventService }) {
  const replay = useReplayEvent();
  return (
    <li className="flex flex-col gap-3 rounded-xl border border-ink-200 bg-white p-4 sm:flex-row sm:items-start">
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-center gap-2">
          <span className="font-mono text-sm font-semibold text-ink-900">{event.type}</span>
          <Badge tone="warning">{`${event.attempts} failed attempts`}</Badge>
        </p>
        <p className="mt-1 text-xs text-ink-600">
          Event #{event.id} · published {when.format(new Date(event.createdAt))}
        </p>
        {event.lastError ? (
          <pre className="mt-2 overflow-x-auto rounded-lg bg-ink-50 p-2 text-xs whitespace-pre-wrap text-red-800">
            {event.lastError}
          </pre>
        ) : null}
        {replay.isError ? (
          <p role="alert" className="mt-2 text-sm text-red-700">
            The replay failed: {replay.error.message}
          </p>
        ) : null}
      </div>
      <Button
        variant="secondary"
        size="sm"
        disabled={replay.isPending}
        onClick={() => replay.mutate({ service, id: event.id })}
        aria-label={`Replay event ${event.id} (${event.type})`}
      >
        {replay.isPending ? 'Replaying…' : 'Replay'}
      </Button>
    </li>
  );
}

/** Events each service gave up delivering, with a replay for each. */
export function ParkedEvents() {
  const results = useParkedEvents();
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      {eventServices.map((service, index) => {
        const result = results[index]!;
        return (
          <section
            key={service.service}
            aria-labelledby={`parked-${service.service}`}
            className="rounded-2xl border border-ink-200 bg-ink-50 p-4"
          >
            <h3 id={`parked-${service.service}`} className="font-semibold text-ink-900">
              {service.label}
            </h3>
            <div className="mt-3">
              {result.isPending ? (
                <Skeleton className="h-16 w-full" />
              ) : result.isError ? (
                <ServiceErrorState
                  titleAs="h3"
                  error={result.error}
                  subject={`${service.label}'s parked events`}
                  onRetry={() => void result.refetch()}
                />
              ) : result.data.items.length === 0 ? (
                <p className="flex items-center gap-2 text-sm text-ink-700">
                  <CheckIcon className="size-4 text-emerald-700" aria-hidden="true" />
                  Nothing parked: every event was delivered.
                </p>
              ) : (
                <ul className="space-y-3">
                  {result.data.items.map((event) => (
                    <ParkedEventItem key={event.id} event={event} service={service} />
                  ))}
                </ul>
              )}
            </div>
          </section>
        );
      })}
    </div>
  );
}
