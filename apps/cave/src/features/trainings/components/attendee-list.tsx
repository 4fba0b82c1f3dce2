import { ServiceErrorState } from '@makrx/spa-kit';
import { Badge, Button, Skeleton } from '@makrx/ui';
import { useAttendees, useTrainingAdmin } from '../api';
import { trainingRefusalOf } from '../presentation';

/** Who took a seat in a session; an admin records each one's pass from here. */
export function AttendeeList({
  slug,
  sessionId,
  trainingId,
}: {
  slug: string;
  sessionId: string;
  trainingId: string;
}) {
  const attendees = useAttendees(slug, sessionId);
  const { recordPass } = useTrainingAdmin(slug);
  if (attendees.isPending)
    return (
      <div aria-busy="true" className="mt-3">
        <span className="sr-only">Loading attendees…</span>
        <Skeleton className="h-10 rounded-lg" />
      </div>
    );
  if (attendees.isError)
    return (
      <ServiceErrorState
        error={attendees.error}
        subject="the attendees"
        onRetry={() => void attendees.refetch()}
      />
    );
  if (attendees.data.length === 0)
    return <p className="mt-3 text-sm text-ink-600">Nobody has signed up yet.</p>;
  return (
    <div className="mt-3 border-t border-ink-100 pt-3">
      <h4 className="text-sm font-semibold text-ink-900">Attendees</h4>
      <ul className="mt-2 divide-y divide-ink-100">
        {attendees.data.map((attendee) => (
          <li
            key={attendee.userId}
            className="flex flex-wrap items-center justify-between gap-2 py-2"
          >
            <div className="min-w-0">
              <p className="text-sm font-medium text-ink-950">{attendee.displayName}</p>
              <p className="truncate text-xs text-ink-600">{attendee.email}</p>
            </div>
            {attendee.passed ? (
              <Badge tone="success">Passed</Badge>
            ) : (
              <Button
                size="sm"
                variant="secondary"
                disabled={recordPass.isPending}
                aria-label={`Record pass for ${attendee.displayName}`}
                onClick={() =>
                  recordPass.mutate({ trainingId, userId: attendee.userId, sessionId })
                }
              >
                Record pass
              </Button>
            )}
          </li>
        ))}
      </ul>
      {recordPass.isError ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {trainingRefusalOf(recordPass.error)}
        </p>
      ) : null}
    </div>
  );
}
